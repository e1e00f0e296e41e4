import type { Express } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

export interface Route {
  method: string;
  path: string;
}

/** Every route an express app declares, nested routers included, with its full path. */
export function routesOf(app: Express): Route[] {
  const walk = (stack: Layer[], prefix: string): Route[] =>
    stack.flatMap((layer) => {
      if (layer.route)
        return Object.keys(layer.route.methods).map((m) => ({
          method: m.toUpperCase(),
          path: prefix + layer.route?.path,
        }));
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      return layer.handle?.stack ? walk(layer.handle.stack, prefix + mount) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
}

/** A concrete path for a route pattern: every `:param` and `*rest` becomes a made-up value. */
export function concrete(path: string): string {
  return path.replace(/[:*]\w+/g, 'x00u0000000000000000');
}
