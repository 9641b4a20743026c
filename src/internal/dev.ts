/**
 * True when running from source. The production build (`npm run build`) rewrites this
 * line to `false`, so development-only warnings guarded by it are removed from dist/.
 */
export const DEV: boolean = true;

const shown = new Set<string>();

/** Logs a console warning once per key, prefixed with the library name. */
export function warnOnce(key: string, message: string, ...context: unknown[]): void {
  if (shown.has(key)) return;
  shown.add(key);
  console.warn(`[ig-elements] ${message}`, ...context);
}

/** Forgets which warnings were shown, for tests. */
export function resetWarnings(): void {
  shown.clear();
}
