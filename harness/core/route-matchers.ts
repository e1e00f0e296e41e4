import { createRequire } from 'node:module';

type MatchOptions = {
  sensitive?: boolean;
  end?: boolean;
  trailing?: boolean;
  delimiter?: string;
  decode?: unknown;
};
type Match = (path: unknown, options?: MatchOptions) => unknown;

/** Compiled paths kept; past this many (seeded app keys make paths differ per scenario) the cache restarts. */
const MAX_MATCHERS = 4096;

/**
 * Every world builds its parties' express apps (~330 routes) and express's router compiles each
 * route path to a RegExp again (path-to-regexp `match`): a suite of 1,000 scenarios compiled the
 * same ~70 paths 330,000 times, a tenth of building a world. A compiled matcher is a pure function
 * of its path and options (a RegExp without `g`/`y`, the router's one `decode`), so this process
 * keeps one per path and options. Patches the path-to-regexp the installed router itself loads.
 * See docs/decisions/shared-route-matchers.md.
 */
export function shareRouteMatchers(): void {
  const fromExpress = createRequire(createRequire(import.meta.url).resolve('express'));
  const pathToRegexp = createRequire(fromExpress.resolve('router'))('path-to-regexp') as {
    match: Match & { shared?: true };
  };
  if (pathToRegexp.match.shared) return;
  const compile = pathToRegexp.match;
  const byDecode = new WeakMap<object, Map<string, unknown>>();
  const shared = (path: unknown, options: MatchOptions = {}) => {
    if (typeof path !== 'string' || typeof options.decode !== 'function') return compile(path, options);
    const cache = byDecode.get(options.decode) ?? new Map<string, unknown>();
    byDecode.set(options.decode, cache);
    const key = `${options.sensitive}|${options.end}|${options.trailing}|${options.delimiter}|${path}`;
    let matcher = cache.get(key);
    if (!matcher) {
      if (cache.size >= MAX_MATCHERS) cache.clear();
      matcher = compile(path, options);
      cache.set(key, matcher);
    }
    return matcher;
  };
  pathToRegexp.match = Object.assign(shared, { shared: true as const });
}
