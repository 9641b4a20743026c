/**
 * Cache of hashtag ids. Graph hashtag ids are global and never change, so one
 * ig_hashtag_search per tag is enough: ids are kept in memory and in localStorage, keyed by
 * the API base URL and the tag, and never stored with a token. The base URL is part of the
 * key because an emulator or proxy may number hashtags differently from graph.facebook.com.
 */

const PREFIX = 'ig-elements:hashtag-id:';
const memory = new Map<string, string>();

function key(base: string, tag: string): string {
  return `${PREFIX}${base}#${tag}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading localStorage throws in sandboxed frames and with site data blocked: memory only then.
    return undefined;
  }
}

/** Returns the cached id of a hashtag at `base`, or undefined. */
export function cachedHashtagId(base: string, tag: string): string | undefined {
  const name = key(base, tag);
  const inMemory = memory.get(name);
  if (inMemory) return inMemory;
  try {
    const stored = storage()?.getItem(name);
    if (stored && /^\d+$/.test(stored)) {
      memory.set(name, stored);
      return stored;
    }
  } catch {
    // An unreadable storage means a lookup request, nothing worse.
  }
  return undefined;
}

/** Stores the id of a hashtag at `base` in memory and, where allowed, in localStorage. */
export function storeHashtagId(base: string, tag: string, id: string): void {
  const name = key(base, tag);
  memory.set(name, id);
  try {
    storage()?.setItem(name, id);
  } catch {
    // A full or blocked storage keeps the id in memory only.
  }
}

/** Forgets the ids held in memory (not those in localStorage), so tests can start from a fresh page's state. */
export function forgetHashtagIdsInMemory(): void {
  memory.clear();
}
