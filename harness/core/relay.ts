/**
 * Where to send the browser after sign-in (RelayState, fromURI): a path on this party only, never
 * an absolute or protocol-relative URL (`//host`, `/\host`), which would make it an open redirect.
 */
export function safeRelay(target: unknown, fallback: string): string {
  return typeof target === 'string' && /^\/(?![/\\])/.test(target) ? target : fallback;
}
