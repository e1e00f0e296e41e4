import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { expressApp } from '../../harness/core/app.js';
import { listen } from '../../harness/core/listen.js';

// The path-to-regexp the installed router loads (the one shareRouteMatchers patches).
const fromExpress = createRequire(createRequire(import.meta.url).resolve('express'));
const pathToRegexp = createRequire(fromExpress.resolve('router'))('path-to-regexp') as {
  match: (path: string, options?: object) => unknown;
};

test('a route path is compiled once per process and options', () => {
  const decode = (v: string) => v;
  const options = { end: true, trailing: true, decode };
  expect(pathToRegexp.match('/api/v1/users/:id', options)).toBe(
    pathToRegexp.match('/api/v1/users/:id', options),
  );
  expect(pathToRegexp.match('/api/v1/users/:id', { ...options, end: false })).not.toBe(
    pathToRegexp.match('/api/v1/users/:id', options),
  );
  expect(pathToRegexp.match('/api/v1/users/:id', { ...options, decode: (v: string) => v })).not.toBe(
    pathToRegexp.match('/api/v1/users/:id', options),
  );
});

test('two apps sharing a compiled route each route with their own handler and decoded params', async () => {
  const apps = ['one', 'two'].map((name) => {
    const app = expressApp();
    app.get('/users/:id', (req, res) => {
      res.json({ name, id: req.params.id });
    });
    return app;
  });
  const listening = await Promise.all(apps.map((app) => listen(app)));
  try {
    const answers = await Promise.all(
      listening.map(async (l) => (await fetch(`${l.url}/users/a%40b.example`)).json()),
    );
    expect(answers).toEqual([
      { name: 'one', id: 'a@b.example' },
      { name: 'two', id: 'a@b.example' },
    ]);
  } finally {
    await Promise.all(listening.map((l) => l.close()));
  }
});
