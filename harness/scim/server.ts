import { type NextFunction, type Request, type Response, Router } from 'express';
import { patchBodyValidation, type ScimPatch, type ScimResource, scimPatch } from 'scim-patch';
import { jsonBody } from '../core/body.js';
import { FedsimError } from '../core/errors.js';
import { MAX_RESULTS, resourceTypes, schemas, serviceProviderConfig } from './discovery.js';
import { type ScimErrorResponse, toScimError } from './errors.js';
import { compileFilter } from './filter.js';
import {
  listPage,
  listResponse,
  parseUserInput,
  type ScimUser,
  toScimUser,
  userAttributes,
} from './resource.js';
import type { ScimUserRecord, ScimUserStore } from './store.js';

/** A SCIM 2.0 Users endpoint over a user store, shaped to what Okta's SCIM client expects. */
export interface ScimServerOptions {
  store: ScimUserStore;
  /** The bearer token the client must present. */
  token: string;
  /** The externally visible base URL (…/scim/v2), for meta.location and Location headers. */
  baseUrl: () => string;
}

const SCIM_JSON = 'application/scim+json';

function send(res: Response, status: number, body: object): void {
  res.status(status).type(SCIM_JSON).json(body);
}

function sendError(res: Response, error: ScimErrorResponse): void {
  send(res, error.status, error.body);
}

function requireBearer(token: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    if (/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() === token) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="fedsim-scim"');
    const message = header ? 'Invalid bearer token' : 'Authorization: Bearer token required';
    next(new FedsimError('SCIM_UNAUTHORIZED', message));
  };
}

function jsonObject(body: unknown): Record<string, unknown> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body))
    return body as Record<string, unknown>;
  throw new FedsimError(
    'SCIM_INVALID_SYNTAX',
    'Request body must be a JSON object sent as application/scim+json or application/json',
  );
}

function intParam(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number.parseInt(value, 10);
  throw new FedsimError('SCIM_INVALID_VALUE', `${name} must be an integer`, { actual: value });
}

/** RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0. */
function paging(query: Request['query']): { startIndex: number; count: number } {
  const startIndex = Math.max(1, intParam(query.startIndex, 'startIndex', 1));
  const count = Math.min(MAX_RESULTS, Math.max(0, intParam(query.count, 'count', MAX_RESULTS)));
  return { startIndex, count };
}

function filterParam(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new FedsimError('SCIM_INVALID_FILTER', 'filter must be given once', { actual: value });
}

type Operation = ScimPatch['Operations'][number];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * RFC 7644 §3.5.2.1/§3.5.2.3: an add or replace without a path sets the attributes in its value,
 * and a complex one's unnamed sub-attributes stay (Okta sends `{"value":{"name":{…}}}` so).
 * scim-patch would replace the whole complex attribute, so each leaf gets its own path.
 */
function withPaths(op: Operation): Operation[] {
  if ((op.op !== 'add' && op.op !== 'replace') || 'path' in op || !isObject(op.value)) return [op];
  return Object.entries(op.value).flatMap(([name, value]) =>
    isObject(value)
      ? Object.entries(value).map(
          // An extension schema's attributes follow its URN after a colon (RFC 7644 §3.10).
          ([sub, v]) =>
            ({
              op: op.op,
              path: `${name}${name.startsWith('urn:') ? ':' : '.'}${sub}`,
              value: v,
            }) as Operation,
        )
      : [{ op: op.op, path: name, value } as Operation],
  );
}

/** scim-patch types meta's dates as Date; it never reads them, so the string form is safe to pass. */
function applyPatch(resource: ScimUser, body: Record<string, unknown>): unknown {
  const patch = body as unknown as ScimPatch;
  patchBodyValidation(patch);
  // RFC 7644 §3.5.2.3: replacing an attribute that is not there adds it.
  const options = { mutateDocument: false, treatMissingAsAdd: true };
  return scimPatch(resource as unknown as ScimResource, patch.Operations.flatMap(withPaths), options);
}

export function createScimRouter(options: ScimServerOptions): Router {
  const { store, baseUrl } = options;
  const user = (record: ScimUserRecord): ScimUser => toScimUser(record, baseUrl());
  const router = Router();

  router.use(requireBearer(options.token));
  router.use(jsonBody({ type: ['application/json', SCIM_JSON] }));

  router.get('/Users', (req, res) => {
    const filter = compileFilter(filterParam(req.query.filter));
    const { startIndex, count } = paging(req.query);
    if (!filter) {
      const page = store.slice(startIndex - 1, startIndex - 1 + count).map(user);
      send(res, 200, listResponse(page, store.count(), startIndex));
      return;
    }
    // Each User is tested on the attributes the filter reads; only the page's are served whole.
    const base = baseUrl();
    const passes = (record: Readonly<ScimUserRecord>) =>
      filter.test(userAttributes(record, base, filter.attributes));
    const [start, end] = [startIndex - 1, startIndex - 1 + count];
    const matching = filter.candidates(store)?.filter(passes);
    const { total, page } = matching
      ? { total: matching.length, page: matching.slice(start, end) }
      : store.select(passes, start, end);
    send(res, 200, listResponse(page.map(user), total, startIndex));
  });

  router.get('/Users/:id', (req, res) => send(res, 200, user(store.get(req.params.id))));

  router.post('/Users', (req, res) => {
    const created = user(store.create(parseUserInput(jsonObject(req.body))));
    res.location(created.meta.location);
    send(res, 201, created);
  });

  router.put('/Users/:id', (req, res) => {
    send(res, 200, user(store.replace(req.params.id, parseUserInput(jsonObject(req.body)))));
  });

  router.patch('/Users/:id', (req, res) => {
    const patched = applyPatch(user(store.get(req.params.id)), jsonObject(req.body));
    send(res, 200, user(store.replace(req.params.id, parseUserInput(patched))));
  });

  router.delete('/Users/:id', (req, res) => {
    store.remove(req.params.id);
    res.status(204).end();
  });

  // Groups are not modelled; an empty list tells Okta there is nothing to import.
  router.get('/Groups', (req, res) => {
    const { startIndex, count } = paging(req.query);
    send(res, 200, listPage([], startIndex, count));
  });

  router.get('/ServiceProviderConfig', (_req, res) => send(res, 200, serviceProviderConfig(baseUrl())));
  router.get('/ResourceTypes', (_req, res) => send(res, 200, resourceTypes(baseUrl())));
  router.get('/Schemas', (_req, res) => send(res, 200, schemas(baseUrl())));

  router.use((req, _res, next) =>
    next(new FedsimError('SCIM_NOT_FOUND', `No SCIM endpoint ${req.method} ${req.originalUrl}`)),
  );
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) =>
    sendError(res, toScimError(err)),
  );
  return router;
}
