import type { RequestHandler, Router } from 'express';

/** `path` is `prefix` or below it, as express matches a mount: case-insensitive, at a segment boundary. */
function under(path: string, prefix: string): boolean {
  const boundary = path.length === prefix.length || path[prefix.length] === '/';
  return boundary && path.slice(0, prefix.length).toLowerCase() === prefix;
}

/**
 * Routes built on the first request under `prefix` (a literal path; '' = every request reaching
 * it), in the same place of the stack, instead of with the party: a scenario's world calls few of
 * its parties' APIs and consoles, and compiling every route table was over half of building a world
 * (measured, docs/decisions/lazy-party-routes.md). `build` must draw no ids and hold no state the
 * party reads elsewhere: it runs late, or never.
 */
export function lazyRoutes(
  prefix: string,
  build: () => Router,
): RequestHandler & { readonly stack: unknown[] } {
  const lower = prefix.toLowerCase();
  let routes: Router | undefined;
  const built = () => {
    routes ??= build();
    return routes;
  };
  const handler: RequestHandler = (req, res, next) => {
    if (!under(req.path, lower)) return next();
    return built()(req, res, next);
  };
  // Listed as a router is (its `stack`, what route listings walk): listing builds it.
  return Object.defineProperty(handler, 'stack', { get: () => built().stack }) as RequestHandler & {
    readonly stack: unknown[];
  };
}
