import { type RequestHandler, Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expressApp } from '../../harness/core/app.js';
import { lazyRoutes } from '../../harness/core/lazy-routes.js';

/** Routes scoped to `/users` as the API routers are, and a 404 after them. */
function usersRoutes(): Router {
  const router = Router();
  router.use('/users', (_req, res, next) => {
    res.setHeader('X-Front', 'users');
    next();
  });
  router.get('/users/:id', (req, res) => res.json({ id: req.params.id }));
  return router;
}

function appWith(routes: RequestHandler) {
  const app = expressApp();
  app.use('/api/v1', routes);
  app.use((req, res) => res.status(404).json({ missing: req.path }));
  return app;
}

const PATHS = [
  '/api/v1/users/42',
  '/API/V1/USERS/42',
  '/api/v1/users/',
  '/api/v1/usersx/1',
  '/api/v1/groups',
  '/',
];

describe('lazyRoutes', () => {
  it('answers every path as the same routes mounted with the app would', async () => {
    const eager = appWith(usersRoutes());
    const lazy = appWith(lazyRoutes('/users', usersRoutes));
    for (const path of PATHS) {
      const [want, got] = await Promise.all([request(eager).get(path), request(lazy).get(path)]);
      expect({ path, status: got.status, body: got.body, front: got.headers['x-front'] }).toEqual({
        path,
        status: want.status,
        body: want.body,
        front: want.headers['x-front'],
      });
    }
  });

  it('builds the routes on the first request under the prefix, once', async () => {
    let built = 0;
    const app = appWith(
      lazyRoutes('/users', () => {
        built++;
        return usersRoutes();
      }),
    );
    await request(app).get('/api/v1/groups').expect(404);
    await request(app).get('/api/v1/usersx').expect(404);
    expect(built).toBe(0);
    await request(app).get('/api/v1/Users/7').expect(200, { id: '7' });
    await request(app).get('/api/v1/users/8').expect(200, { id: '8' });
    expect(built).toBe(1);
  });

  it("with the prefix '' builds on any request that reaches it (the mount chose the path)", async () => {
    let built = 0;
    const app = expressApp();
    app.use(
      '/scim/v2',
      lazyRoutes('', () => {
        built++;
        return Router().get('/Users', (_req, res) => res.json([]));
      }),
    );
    await request(app).get('/home').expect(404);
    expect(built).toBe(0);
    await request(app).get('/scim/v2/Users').expect(200, []);
    expect(built).toBe(1);
  });

  it('lists the routes it builds where a router lists its own (route listings read `stack`)', () => {
    const app = appWith(lazyRoutes('/users', usersRoutes));
    const mounted = (
      app as unknown as { router: { stack: { handle: { stack?: { route?: { path: string } }[] } }[] } }
    ).router.stack;
    const paths = mounted
      .flatMap((layer) => layer.handle.stack ?? [])
      .flatMap((l) => (l.route ? [l.route.path] : []));
    expect(paths).toEqual(['/users/:id']);
  });
});
