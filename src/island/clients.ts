// OAuth clients (apps) registered with the island, and the authorization codes issued to them.
// Like the legacy platform's sandbox, each client has sandbox users and pending invitations, and
// only those users may authorize it.

import { randomBytes } from 'node:crypto';
import { MAX_SANDBOX_USERS } from './dataset.js';
import { findUser } from './queries.js';
import type { Dataset, IslandUser } from './types.js';

/** Lifetime of an authorization code. The island's choice: the legacy documentation gives none. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_REDIRECT_URIS = 10;

export interface IslandClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Redirect URIs, matched exactly: no normalization of case, trailing slashes or default ports. */
  redirectUris: string[];
  /** Legacy ids of the client's sandbox users. */
  sandboxUsers: string[];
  /** Legacy ids of users whose sandbox invitation is still pending; they may already authorize. */
  invited: string[];
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
}

/** Fields of a registration request, as read from JSON or from the admin form. */
export interface ClientRegistration {
  name?: unknown;
  redirect_uris?: unknown;
  sandbox_users?: unknown;
  invited?: unknown;
}

export class ClientStore {
  private readonly clients = new Map<string, IslandClient>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly dataset: Dataset,
    private readonly now: () => number,
  ) {}

  /** Registers a client, or returns a message naming the invalid field. */
  register(input: ClientRegistration): IslandClient | string {
    const { name, redirect_uris: redirectUris, sandbox_users: sandboxUsers, invited } = input;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) return 'name must be a string of 1 to 100 characters.';

    const uris = checkRedirectUris(redirectUris);
    if (typeof uris === 'string') return uris;

    const defaultMembers = this.dataset.users.filter((user) => user.sandbox).map((user) => user.username);
    const invitedIds = this.userIds(invited ?? [], 'invited');
    if (typeof invitedIds === 'string') return invitedIds;
    const memberIds = this.userIds(sandboxUsers ?? defaultMembers.filter((id) => !invitedIds.includes(this.idOf(id))), 'sandbox_users');
    if (typeof memberIds === 'string') return memberIds;

    const overlap = memberIds.find((id) => invitedIds.includes(id));
    if (overlap) return `The user ${overlap} is both a sandbox user and invited: list each user once.`;
    if (memberIds.length + invitedIds.length > MAX_SANDBOX_USERS) {
      return `Sandbox mode allows at most ${MAX_SANDBOX_USERS} users per client, invitations included.`;
    }

    const client: IslandClient = {
      clientId: randomBytes(16).toString('hex'),
      clientSecret: randomBytes(16).toString('hex'),
      name: name.trim(),
      redirectUris: uris,
      sandboxUsers: memberIds,
      invited: invitedIds,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  get(clientId: string | null | undefined): IslandClient | undefined {
    return clientId ? this.clients.get(clientId) : undefined;
  }

  list(): IslandClient[] {
    return [...this.clients.values()];
  }

  /** Checks that `user` may authorize `client`: a sandbox user, or invited with the invitation still pending. */
  mayAuthorize(client: IslandClient, user: IslandUser): boolean {
    return client.sandboxUsers.includes(user.id) || client.invited.includes(user.id);
  }

  issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Returns the code's grant and removes the code, so each code works once; undefined when unknown or expired. */
  takeCode(code: string, clientId: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== clientId) return undefined;
    this.codes.delete(code);
    return grant.expiresAt > this.now() ? grant : undefined;
  }

  private idOf(key: string): string {
    return findUser(this.dataset, key)?.id ?? key;
  }

  /** Resolves usernames or ids to legacy user ids, or returns a message naming the unknown one. */
  private userIds(value: unknown, field: string): string[] | string {
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return `${field} must be an array of usernames or user ids.`;
    }
    const ids: string[] = [];
    for (const key of value.map(String)) {
      const user = findUser(this.dataset, key);
      if (!user) return `${field} names an unknown user: ${key}. Known users: ${this.dataset.users.map((item) => item.username).join(', ')}.`;
      if (!ids.includes(user.id)) ids.push(user.id);
    }
    return ids;
  }
}

function checkRedirectUris(value: unknown): string[] | string {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_REDIRECT_URIS) {
    return `redirect_uris must be an array of 1 to ${MAX_REDIRECT_URIS} absolute http or https URLs.`;
  }
  for (const uri of value) {
    if (typeof uri !== 'string') return 'redirect_uris must contain only strings.';
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return `redirect_uris contains an invalid URL: ${uri}. Use an absolute http or https URL.`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `redirect_uris contains ${uri}, which is not http or https.`;
    if (url.hash !== '' || uri.includes('#')) return `redirect_uris contains ${uri}, which has a fragment: the implicit flow appends its own.`;
  }
  return value as string[];
}
