import express from 'express';
import { type Listening, listen } from '../../harness/core/listen.js';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

/** A minimal SCIM 2.0 server in the test: records every request; `failNext` answers 503s first. */
export async function startScimServer() {
  const seen: Seen[] = [];
  const users = new Map<string, Record<string, unknown>>();
  let failNext = 0;
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.use((req, res, next) => {
    const { authorization, accept } = req.headers;
    const headers = {
      authorization,
      accept,
      'content-type': req.headers['content-type'],
      'user-agent': req.headers['user-agent'],
    };
    seen.push({ method: req.method, path: req.originalUrl, headers, body: req.body });
    if (failNext > 0) {
      failNext--;
      res.status(503).json({ detail: 'busy' });
    } else next();
  });
  const scim = (res: express.Response, status: number, body: unknown) =>
    res.status(status).type('application/scim+json').send(JSON.stringify(body));
  app.get('/scim/v2/Users', (req, res) => {
    const name = /userName eq "(.*)"/.exec(String(req.query.filter ?? ''))?.[1];
    const found = [...users.values()].filter((u) => u.userName === name);
    scim(res, 200, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: found.length,
      Resources: found,
    });
  });
  app.post('/scim/v2/Users', (req, res) => {
    const id = `u${users.size + 1}`;
    users.set(id, { ...req.body, id });
    scim(res, 201, users.get(id));
  });
  app.get('/scim/v2/Users/:id', (req, res) => scim(res, 200, users.get(req.params.id)));
  app.put('/scim/v2/Users/:id', (req, res) => {
    users.set(req.params.id, { ...req.body, id: req.params.id });
    scim(res, 200, users.get(req.params.id));
  });
  app.patch('/scim/v2/Users/:id', (req, res) => {
    const value = (req.body.Operations?.[0]?.value ?? {}) as Record<string, unknown>;
    users.set(req.params.id, { ...users.get(req.params.id), ...value });
    scim(res, 200, users.get(req.params.id));
  });
  const listening: Listening = await listen(app);
  return {
    listening,
    seen,
    users,
    url: `${listening.url}/scim/v2`,
    failNext: (n: number) => {
      failNext = n;
    },
  };
}
