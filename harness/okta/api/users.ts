import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import { z } from 'zod';
import type { IdGenerator } from '../../core/ids.js';
import { type Directory, type OktaProfile, type OktaUser, PROVIDER_TYPES } from '../directory.js';
import { type AdminRole, sswsAuth } from './auth.js';
import { malformedBody, oktaError, oktaErrorHandler, userNotFound, validationError } from './errors.js';
import { afterCursor, booleanParam, limitParam, listPredicate, pageLinks, queryParam } from './query.js';
import { serializeUser } from './serialize.js';

export type { AdminRole } from './auth.js';

export interface UsersApiOptions {
  directory: Directory;
  /** API tokens of this org: token → the admin role of its owner. */
  tokens: ReadonlyMap<string, AdminRole>;
  /** For X-Okta-Request-Id, errorId and the org's user type id. */
  ids: IdGenerator;
  /** The org's origin, e.g. 'http://127.0.0.1:4567'; known only after listen, hence a function. */
  baseUrl: () => string;
  /** The user signed in by the browser session cookie, for GET /api/v1/users/me (no SSWS needed there). */
  sessionUser: (req: Request) => OktaUser | undefined;
}

const BODY_LIMIT = '100kb';

// Only the shape: the directory checks login, email, firstName and lastName with Okta's wording.
const profileSchema = z.record(z.string(), z.unknown());
const createSchema = z.object({
  profile: profileSchema,
  credentials: z
    .object({
      password: z.object({ value: z.string().min(1) }).optional(),
      provider: z.object({ type: z.enum(PROVIDER_TYPES), name: z.string().optional() }).optional(),
    })
    .optional(),
});
const profileBodySchema = z.object({ profile: profileSchema });

/** A JSON object body checked against `schema`; field problems are E0000001 causes. */
function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw malformedBody();
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}

/** X-Okta-Request-Id and a JSON content type on every response, errors and 401s included. */
function oktaHeaders(ids: IdGenerator): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Okta-Request-Id', ids.token(20));
    res.setHeader('Content-Type', 'application/json');
    next();
  };
}

// A Map, not an object literal: `/lifecycle/toString` must not reach Object.prototype.
const LIFECYCLE = new Map<string, (directory: Directory, id: string) => OktaUser>([
  ['activate', (d, id) => d.activate(id)],
  ['deactivate', (d, id) => d.deactivate(id)],
  ['reactivate', (d, id) => d.reactivate(id)],
  ['suspend', (d, id) => d.suspend(id)],
  ['unsuspend', (d, id) => d.unsuspend(id)],
  ['unlock', (d, id) => d.unlock(id)],
]);

/** org2's `/api/v1/users`; the caller mounts it at `/api/v1`. */
export function createUsersRouter(options: UsersApiOptions): Router {
  const { directory, ids } = options;
  const typeId = ids.okta('oty');
  const send = (res: Response, user: OktaUser) =>
    res.json(serializeUser(user, { baseUrl: options.baseUrl(), typeId }));
  const router = Router();

  router.use('/users', oktaHeaders(ids));
  // Registered before the SSWS check: /me answers for the browser session, not a token.
  router.get('/users/me', (req, res) => {
    const user = options.sessionUser(req);
    if (!user) throw userNotFound('me');
    send(res, user);
  });
  router.use('/users', sswsAuth(options.tokens), express.json({ limit: BODY_LIMIT }));

  router.post('/users', (req, res) => {
    const body = parseBody(createSchema, req.body);
    const activate = booleanParam(req, 'activate', true);
    const provider = body.credentials?.provider?.type;
    const password = body.credentials?.password?.value;
    if (booleanParam(req, 'provider', false) && !provider) {
      throw validationError(['credentials.provider: The field is required when provider=true']);
    }
    if (provider === 'FEDERATION' && password !== undefined) {
      throw validationError([
        'credentials.password: A user with a FEDERATION provider cannot have a password',
      ]);
    }
    send(res, directory.create(body.profile as OktaProfile, { activate, provider, password }));
  });

  router.get('/users', (req, res) => {
    const limit = limitParam(req);
    const matching = afterCursor(directory.all(), queryParam(req, 'after')).filter(listPredicate(req));
    const page = matching.slice(0, limit);
    const origin = options.baseUrl();
    const nextAfter = matching.length > page.length ? page.at(-1)?.id : undefined;
    res.setHeader('Link', pageLinks(req, origin, limit, nextAfter));
    res.json(page.map((u) => serializeUser(u, { baseUrl: origin, typeId })));
  });

  router.get('/users/:idOrLogin', (req, res) => {
    send(res, directory.get(req.params.idOrLogin));
  });

  router.post('/users/:id', (req, res) => {
    const { profile } = parseBody(profileBodySchema, req.body);
    send(res, directory.update(req.params.id, profile));
  });

  router.put('/users/:id', (req, res) => {
    const { profile } = parseBody(profileBodySchema, req.body);
    send(res, directory.replace(req.params.id, profile as OktaProfile));
  });

  router.post('/users/:id/lifecycle/:action', (req, res) => {
    const transition = LIFECYCLE.get(req.params.action);
    if (!transition)
      throw oktaError('OKTA_E0000007', `Not found: Resource not found: ${req.params.action} (Lifecycle)`);
    transition(directory, req.params.id);
    res.json({});
  });

  // Okta's DELETE deactivates a user that is not yet deprovisioned; a second DELETE removes it.
  router.delete('/users/:id', (req, res) => {
    const user = directory.get(req.params.id);
    if (user.status === 'DEPROVISIONED') directory.delete(user.id);
    else directory.deactivate(user.id);
    res.status(204).end();
  });

  router.use('/users', oktaErrorHandler(ids));
  return router;
}
