/** Browser-side helpers for tests: tokens, faults and the dataset from the island at /island. */
import type { Fault } from '../../src/island/faults.js';
import type { Dataset, IslandPost } from '../../src/island/types.js';

export type { Dataset, Fault, IslandPost };

export const ISLAND = '/island';
export const LEGACY_ENDPOINT = `${ISLAND}/v1`;
export const GRAPH_ENDPOINT = `${ISLAND}/graph`;

export interface IslandToken {
  access_token: string;
  user_id: string;
  graph_user_id: string;
  username: string;
  scopes: string[];
}


async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${ISLAND}/__island/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`island ${path} failed: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Issues a fresh island token, so each test has its own faults and rate-limit counters. */
export function issueToken(options: { user?: string; scopes?: string[]; expiresIn?: number; rateLimit?: number } = {}): Promise<IslandToken> {
  return post<IslandToken>('tokens', options);
}

/** Queues faults (or recorded replies) for requests that carry `token`. */
export async function addFaults(token: string, faults: Fault[]): Promise<void> {
  await post('faults', { token, faults });
}

let datasetPromise: Promise<Dataset> | undefined;

/** Reads the island's dataset, so tests compute expectations instead of hard-coding them. */
export function dataset(): Promise<Dataset> {
  datasetPromise ??= fetch(`${ISLAND}/__island/dataset`).then((response) => response.json() as Promise<Dataset>);
  return datasetPromise;
}

/** Reads a recorded fixture as the test server serves it. */
export async function fixture<T = unknown>(path: string): Promise<T> {
  const response = await fetch(`/fixtures/${path}`);
  if (!response.ok) throw new Error(`fixture ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** One request as recordingFetch saw it. */
export interface RecordedRequest {
  method: string;
  url: URL;
  body: string;
}

/** Creates a fetch that performs real requests and records each one, for asserting what was sent. */
export function recordingFetch(): { fetch: typeof fetch; urls: URL[]; requests: RecordedRequest[] } {
  const urls: URL[] = [];
  const requests: RecordedRequest[] = [];
  const recorder: typeof fetch = (input, init) => {
    let href: string;
    if (typeof input === 'string') href = input;
    else if (input instanceof URL) href = input.href;
    else href = input.url;
    const url = new URL(href, document.baseURI);
    urls.push(url);
    requests.push({ method: init?.method ?? 'GET', url, body: init?.body ? String(init.body) : '' });
    return fetch(input, init);
  };
  return { fetch: recorder, urls, requests };
}

/** The visible posts of one user, newest first, as the API returns them. */
export async function visiblePosts(username: string): Promise<IslandPost[]> {
  const data = await dataset();
  const user = data.users.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no island user ${username}`);
  return data.posts.filter((post) => post.ownerId === user.id && post.visible);
}
