// Starts an island on an ephemeral loopback port for one test file and offers small request helpers.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIsland, type IslandOptions } from '../../src/island/index.js';

export interface IssuedToken {
  access_token: string;
  user_id: string;
  graph_user_id: string;
  username: string;
  scopes: string[];
  expires_at: string;
}

export interface TestIsland {
  /** Base URL including the prefix, e.g. http://127.0.0.1:40123/island. */
  base: string;
  server: Server;
  /** Lines the island logged. */
  logs: string[];
  close(): Promise<void>;
  /** Issues a token through the control plane. */
  token(options?: Record<string, unknown>): Promise<string>;
  issue(options?: Record<string, unknown>): Promise<IssuedToken>;
  /** Sends JSON to a control endpoint and returns the status and parsed body. */
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** GETs a path under the base and returns the response with its parsed JSON body. */
  getJson(path: string, init?: RequestInit): Promise<{ response: Response; body: any }>;
}

export async function startIsland(options: IslandOptions = {}): Promise<TestIsland> {
  const logs: string[] = [];
  const handler = createIsland({ prefix: '/island', log: (line) => logs.push(line), ...options });
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}${options.prefix ?? '/island'}`;

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  const issue = async (tokenOptions: Record<string, unknown> = {}) => {
    const { status, body } = await control('POST', '/__island/tokens', tokenOptions);
    assert.equal(status, 201, `token request failed: ${JSON.stringify(body)}`);
    return body as IssuedToken;
  };

  return {
    base,
    server,
    logs,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    token: async (tokenOptions) => (await issue(tokenOptions)).access_token,
    issue,
    control,
    getJson: async (path, init) => {
      const response = await fetch(`${base}${path}`, init);
      const text = await response.text();
      return { response, body: text === '' ? undefined : JSON.parse(text) };
    },
  };
}

/** Appends the token to a path as the access_token query parameter. */
export function withToken(path: string, token: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`;
}
