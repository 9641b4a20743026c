/**
 * True in development builds. The production build (`npm run build`) defines
 * `__IG_DEV__` as false, so warnings guarded by it are removed from dist/.
 */
declare const __IG_DEV__: boolean | undefined;
export const DEV: boolean = typeof __IG_DEV__ === 'undefined' ? true : __IG_DEV__;

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
