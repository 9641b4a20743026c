// The control plane under /__island, for tests and the demo: issue tokens, register faults,
// read the whole dataset and add sandbox users.

import { addSandboxUser, MAX_SANDBOX_USERS } from './dataset.js';
import { validateFaults } from './faults.js';
import { setHashtagClock } from './hashtags.js';
import { jsonReply, type Reply, type RequestContext } from './http.js';
import { handleOAuthControl } from './oauth.js';
import { findUser } from './queries.js';
import type { IslandState } from './state.js';
import { DEFAULT_LIKES_RATE_LIMIT, DEFAULT_RATE_LIMIT, DEFAULT_SCOPES, DEFAULT_TOKEN_LIFETIME_SECONDS } from './tokens.js';

const DEFAULT_TOKEN_USER = 'harbour.lights';
const SCOPES = new Set(['basic', 'public_content', 'follower_list', 'comments', 'relationships', 'likes']);

/** Handles a request under /__island and returns the reply. */
export function handleControl(ctx: RequestContext, state: IslandState): Reply {
  const route = `${ctx.method} ${ctx.path.replace(/\/$/, '')}`;
  switch (route) {
    case 'POST /__island/tokens':
      return issueToken(ctx, state);
    case 'POST /__island/faults':
      return registerFaults(ctx, state);
    case 'DELETE /__island/faults':
      return clearFaults(ctx, state);
    case 'GET /__island/dataset':
      return jsonReply(200, state.dataset);
    case 'POST /__island/users':
      return addUser(ctx, state);
    case 'POST /__island/hashtag-clock':
      return setHashtagClock(ctx, state);
    default:
      return handleOAuthControl(ctx, state) ?? controlError(404, `No control endpoint matches ${ctx.method} ${ctx.path}. See GET ${ctx.prefix}/ for the list.`);
  }
}

function controlError(status: number, message: string): Reply {
  return jsonReply(status, { error: message });
}

function issueToken(ctx: RequestContext, state: IslandState): Reply {
  const { user = DEFAULT_TOKEN_USER, scopes = DEFAULT_SCOPES, expiresIn = DEFAULT_TOKEN_LIFETIME_SECONDS, rateLimit = DEFAULT_RATE_LIMIT } = ctx.body;
  const { likesRateLimit = DEFAULT_LIKES_RATE_LIMIT } = ctx.body;

  if (typeof user !== 'string' && typeof user !== 'number') return controlError(400, 'user must be a user id or username.');
  const found = findUser(state.dataset, String(user));
  if (!found || !found.sandbox) {
    const known = state.dataset.users.filter((item) => item.sandbox).map((item) => item.username);
    return controlError(400, `Unknown sandbox user: ${user}. Sandbox users: ${known.join(', ')}.`);
  }
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string' && SCOPES.has(scope))) {
    return controlError(400, `scopes must be an array of ${[...SCOPES].join(', ')}.`);
  }
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn)) {
    return controlError(400, 'expiresIn must be a number of seconds; 0 or less issues an expired token.');
  }
  if (!Number.isInteger(rateLimit) || (rateLimit as number) < 1) {
    return controlError(400, 'rateLimit must be a positive integer of requests per hour.');
  }
  if (!Number.isInteger(likesRateLimit) || (likesRateLimit as number) < 1) {
    return controlError(400, 'likesRateLimit must be a positive integer of likes and unlikes per hour.');
  }

  const record = state.tokens.issue(found.id, scopes as string[], expiresIn, rateLimit as number, likesRateLimit as number);
  return jsonReply(201, {
    access_token: record.token,
    user_id: found.id,
    graph_user_id: found.graphId,
    username: found.username,
    scopes: record.scopes,
    expires_at: new Date(record.expiresAt).toISOString(),
  });
}

function registerFaults(ctx: RequestContext, state: IslandState): Reply {
  const { token, faults } = ctx.body;
  if (typeof token !== 'string' || token === '') return controlError(400, 'token must be the access token the faults apply to.');
  const checked = validateFaults(faults, state.fixturesDir);
  if (typeof checked === 'string') return controlError(400, checked);

  const pending = state.faults.add(token, checked);
  return jsonReply(201, { registered: checked.length, pending });
}

function clearFaults(ctx: RequestContext, state: IslandState): Reply {
  const { token } = ctx.body;
  if (typeof token !== 'string' || token === '') return controlError(400, 'token must be the access token whose faults to remove.');
  return jsonReply(200, { removed: state.faults.clear(token) });
}

function addUser(ctx: RequestContext, state: IslandState): Reply {
  const { username } = ctx.body;
  if (typeof username !== 'string' || !/^[A-Za-z0-9._]{1,30}$/.test(username)) {
    return controlError(400, 'username must be 1 to 30 letters, digits, periods or underscores.');
  }
  if (findUser(state.dataset, username)) return controlError(400, `The username ${username} is already taken.`);

  const sandboxCount = state.dataset.users.filter((user) => user.sandbox).length;
  if (sandboxCount >= MAX_SANDBOX_USERS) {
    return controlError(400, `Sandbox mode allows at most ${MAX_SANDBOX_USERS} users, and this island already has ${sandboxCount}.`);
  }
  return jsonReply(201, addSandboxUser(state.dataset, username));
}
