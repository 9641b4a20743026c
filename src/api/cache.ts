/**
 * Response cache for successful GETs: in memory, in sessionStorage or in localStorage.
 * Keys are the request URL with the access token replaced by a SHA-256 hash of it, so
 * storage never contains a token. Stored entries expire after their TTL, then stay
 * usable as stale data (served while a fresh copy is fetched) for as long again.
 */
import type { TransportResponse } from './transport.js';

export type CacheMode = 'none' | 'memory' | 'session' | 'local';

interface Entry {
  storedAt: number;
  status: number;
  body: unknown;
  text: string;
  url: string;
}

const PREFIX = 'ig-elements:cache:';
const TOKEN_PARAM = /([?&]access_token=)([^&#]*)/;

/** Returns the access token in a request URL, so the cache can keep it out of stored bodies. */
export function tokenOf(url: string): string | undefined {
  const raw = TOKEN_PARAM.exec(url)?.[2];
  return raw ? decodeURIComponent(raw) : undefined;
}
/** Entries larger than this are kept in memory only, to stay well inside storage quotas. */
const MAX_STORED_CHARS = 200_000;

async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (globalThis.crypto?.subtle) {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  // NOTE: pages on plain http outside localhost have no crypto.subtle; FNV-1a still keeps the token out of the key.
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16);
}

export class ResponseCache {
  private readonly memory = new Map<string, Entry>();

  constructor(readonly mode: Exclude<CacheMode, 'none'> | CacheMode) {}

  /** Builds the cache key for a URL: the token is replaced by its hash. */
  static async key(url: string): Promise<string> {
    const match = TOKEN_PARAM.exec(url);
    if (!match) return url;
    const hashed = await sha256Hex(decodeURIComponent(match[2] ?? ''));
    return url.replace(match[0], `${match[1]}sha256-${hashed.slice(0, 32)}`);
  }

  private storage(): Storage | undefined {
    try {
      if (this.mode === 'session') return globalThis.sessionStorage;
      if (this.mode === 'local') return globalThis.localStorage;
    } catch {
      // Storage access throws in sandboxed frames and with cookies blocked: fall back to memory.
    }
    return undefined;
  }

  get(key: string, ttlSeconds: number): { response: TransportResponse; stale: boolean } | undefined {
    const entry = this.read(key);
    if (!entry) return undefined;
    const age = (Date.now() - entry.storedAt) / 1000;
    if (age > ttlSeconds * 2) {
      this.delete(key);
      return undefined;
    }
    const response: TransportResponse = {
      status: entry.status,
      ok: true,
      headers: new Headers(),
      body: entry.body,
      text: entry.text,
      url: entry.url,
    };
    return { response, stale: age > ttlSeconds };
  }

  /**
   * Stores a successful response. `secrets` (the request's token) are replaced by REDACTED
   * wherever the body repeats them, as the legacy `next_url` does.
   */
  set(key: string, response: TransportResponse, secrets: string[] = []): void {
    let serialized = JSON.stringify({ storedAt: Date.now(), status: response.status, body: response.body, text: '', url: response.url });
    for (const secret of secrets) {
      if (secret.length < 8) continue;
      serialized = serialized.split(secret).join('REDACTED').split(encodeURIComponent(secret)).join('REDACTED');
    }
    const entry = JSON.parse(serialized) as Entry;
    this.memory.set(key, entry);
    const storage = this.storage();
    if (!storage) return;
    if (serialized.length > MAX_STORED_CHARS) return;
    try {
      storage.setItem(PREFIX + key, serialized);
    } catch {
      // A full or blocked storage keeps the entry in memory only.
    }
  }

  clear(): void {
    this.memory.clear();
    const storage = this.storage();
    if (!storage) return;
    for (let index = storage.length - 1; index >= 0; index -= 1) {
      const name = storage.key(index);
      if (name?.startsWith(PREFIX)) storage.removeItem(name);
    }
  }

  private read(key: string): Entry | undefined {
    const inMemory = this.memory.get(key);
    if (inMemory) return inMemory;
    const raw = this.storage()?.getItem(PREFIX + key);
    if (!raw) return undefined;
    try {
      const entry = JSON.parse(raw) as Entry;
      this.memory.set(key, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  private delete(key: string): void {
    this.memory.delete(key);
    this.storage()?.removeItem(PREFIX + key);
  }
}
