// Types of stand-in-middleware.mjs, for vite.config.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function standInHandler(req: IncomingMessage, res: ServerResponse, next: () => void): void;
export function standInMiddleware(ctx: unknown, next: () => Promise<unknown>): Promise<unknown>;
