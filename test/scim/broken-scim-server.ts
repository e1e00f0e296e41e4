import express, { type Request, type Response } from 'express';
import { type Listening, listen } from '../../harness/core/listen.js';

/**
 * A SCIM server with the mistakes SCIM servers really ship, and nothing else wrong: POST answers
 * 200 instead of 201 and never 409, the list has no ListResponse schema and a string
 * totalResults, and the userName filter is case-sensitive. It authenticates with X-Api-Key.
 */
export const BROKEN_KEY = 'broken-key';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

type User = Record<string, unknown> & { id: string; userName: string; active: boolean };

function send(res: Response, status: number, body?: object): void {
  if (body === undefined) res.status(status).end();
  else res.status(status).type('application/scim+json').send(JSON.stringify(body));
}

const fail = (res: Response, status: number, detail: string) =>
  send(res, status, { schemas: [ERROR], detail, status: String(status) });

export function brokenScimServer(): Promise<Listening> {
  const users = new Map<string, User>();
  let next = 0;
  const app = express();
  app.use(express.json({ type: ['application/json', 'application/scim+json'] }));
  app.use((req, res, nextFn) => {
    if (req.get('x-api-key') === BROKEN_KEY) nextFn();
    else fail(res, 401, 'X-Api-Key required');
  });
  app.get('/scim/v2/Users', (req, res) => {
    const wanted = /^userName eq "(.*)"$/.exec(String(req.query.filter ?? ''))?.[1];
    const all = [...users.values()].filter((u) => wanted === undefined || u.userName === wanted);
    const start = Number(req.query.startIndex ?? 1);
    const page = all.slice(start - 1, start - 1 + Number(req.query.count ?? 100));
    send(res, 200, {
      totalResults: String(all.length),
      startIndex: start,
      itemsPerPage: page.length,
      Resources: page,
    });
  });
  const found = (req: Request, res: Response): User | undefined => {
    const user = users.get(String(req.params.id));
    if (!user) fail(res, 404, `User ${req.params.id} not found`);
    return user;
  };
  app.get('/scim/v2/Users/:id', (req, res) => {
    const user = found(req, res);
    if (user) send(res, 200, user);
  });
  app.post('/scim/v2/Users', (req, res) => {
    next += 1;
    const user = { ...req.body, id: `u${next}`, active: req.body.active !== false } as User;
    users.set(user.id, user);
    send(res, 200, user);
  });
  app.put('/scim/v2/Users/:id', (req, res) => {
    const user = found(req, res);
    if (user) users.set(user.id, { ...req.body, id: user.id });
    if (user) send(res, 200, users.get(user.id));
  });
  app.patch('/scim/v2/Users/:id', (req, res) => {
    const user = found(req, res);
    if (!user) return;
    for (const op of req.body.Operations ?? []) {
      const { name, ...rest } = op.value ?? {};
      Object.assign(user, rest, name ? { name: { ...(user.name as object), ...name } } : {});
    }
    send(res, 200, user);
  });
  app.delete('/scim/v2/Users/:id', (req, res) => {
    if (found(req, res)) users.delete(String(req.params.id));
    if (!res.headersSent) send(res, 204);
  });
  app.get('/scim/v2/Groups', (_req, res) =>
    send(res, 200, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    }),
  );
  return listen(app);
}
