import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { errorInfo } from '../../core/errors.js';
import { type Directory, type OktaProfile, type OktaUser, PROVIDER_TYPES } from '../directory.js';
import { oktaError, userNotFound, validationError } from '../errors.js';
import { RESET_PASSWORD_PATH } from '../password-recovery.js';
import type { SystemLog } from '../syslog/log-store.js';
import { UserAdmin } from '../user-admin.js';
import { apiAuth, apiFront, type OktaApiOptions, parseBody } from './common.js';
import { oktaErrorHandler } from './errors.js';
import { booleanParam, cursorPage, queryParam, userPages } from './query.js';
import { serializeUser } from './serialize.js';
import { listUsers } from './user-list.js';

export type { AdminRole } from './auth.js';
export type { OktaApiOptions } from './common.js';

export interface UsersApiOptions extends OktaApiOptions {
  directory: Directory;
  /** The user signed in by the browser session cookie, for GET /api/v1/users/me (no SSWS needed there). */
  sessionUser: (req: Request) => OktaUser | undefined;
  /** The org's System Log: each change an admin makes through the API is an event. */
  log?: SystemLog;
  /** How the org changes its users (org1 pushes to org2 after); default: the directory and the log. */
  users?: UserAdmin;
}

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

/**
 * After a JIT sign-in with profileMaster the IdP owns the profile: Okta refuses API updates. A
 * DEPROVISIONED user's profile is refused too unless the org allows it (Okta's updateUser notes in
 * the management OpenAPI spec; support.okta.com: 403 E0000038 when editing deactivated profiles).
 */
function updatableUser(directory: Directory, id: string): OktaUser {
  const user = directory.get(id);
  if (user.profileMasteredBy) {
    throw oktaError('OKTA_E0000023');
  }
  if (user.status === 'DEPROVISIONED' && !directory.editDeprovisionedProfiles) {
    throw oktaError('OKTA_E0000038', { expected: 'a user that is not DEPROVISIONED', actual: user.status });
  }
  return user;
}

/**
 * `nextLogin=changePassword` creates the user with an expired password; Okta requires both
 * `activate=true` (E0000125) and a password (E0000124), per createUser's examples in the spec.
 */
function expirePassword(req: Request, activate: boolean, password: string | undefined): boolean {
  const nextLogin = queryParam(req, 'nextLogin');
  if (nextLogin === undefined) return false;
  if (nextLogin !== 'changePassword') {
    throw validationError(['nextLogin: The value must be changePassword']);
  }
  // Okta repeats the summary as the one errorCause.
  const refuse = (code: 'OKTA_E0000124' | 'OKTA_E0000125') =>
    oktaError(code, { causes: [errorInfo(code).summary] });
  if (!activate) throw refuse('OKTA_E0000125');
  if (password === undefined) throw refuse('OKTA_E0000124');
  return true;
}

/** org2's `/api/v1/users`; the caller mounts it at `/api/v1`. */
export function createUsersRouter(options: UsersApiOptions): Router {
  const { directory, ids } = options;
  const users = options.users ?? new UserAdmin(directory, options.log);
  const typeId = options.userTypeId ?? ids.okta('oty');
  const send = (res: Response, user: OktaUser) =>
    res.json(serializeUser(user, { baseUrl: options.baseUrl(), typeId }));
  const router = Router();

  router.use('/users', apiFront('users', options));
  // Registered before the SSWS check: /me answers for the browser session, not a token.
  router.get('/users/me', (req, res) => {
    const user = options.sessionUser(req);
    if (!user) throw userNotFound('me');
    send(res, user);
  });
  router.use('/users', apiAuth(options));

  router.post('/users', async (req, res) => {
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
    const expire = expirePassword(req, activate, password);
    const created = await users.create(body.profile as OktaProfile, {
      activate,
      provider,
      password,
      expirePassword: expire,
    });
    send(res, created.user);
  });

  router.get('/users', (req, res) => {
    const matching = listUsers(req, directory, { typeId });
    const origin = options.baseUrl();
    const { page, links } = cursorPage(req, matching, origin, userPages(req));
    res.setHeader('Link', links);
    res.json(page.map((u) => serializeUser(u, { baseUrl: origin, typeId })));
  });

  router.get('/users/:idOrLogin', (req, res) => {
    send(res, directory.get(req.params.idOrLogin));
  });

  // POST updates the profile partially, PUT replaces it.
  const updateProfile = async (req: Request<{ id: string }>, res: Response) => {
    const user = updatableUser(directory, req.params.id);
    const { profile } = parseBody(profileBodySchema, req.body);
    send(res, (await users.update(user.id, profile, req.method === 'PUT')).user);
  };
  router.post('/users/:id', updateProfile);
  router.put('/users/:id', updateProfile);

  // Okta's ResetPasswordToken: with sendEmail=false the caller gets the one-time link (there is no mail).
  router.post('/users/:id/lifecycle/reset_password', async (req, res) => {
    const sendEmail = booleanParam(req, 'sendEmail', true);
    const { token } = await users.resetPassword(req.params.id);
    res.json(sendEmail ? {} : { resetPasswordUrl: `${options.baseUrl()}${RESET_PASSWORD_PATH}/${token}` });
  });
  router.post('/users/:id/lifecycle/:action', async (req, res) => {
    const sendEmail = req.params.action === 'activate' && booleanParam(req, 'sendEmail', true);
    await users.lifecycle(req.params.action, req.params.id);
    if (req.params.action !== 'activate' || sendEmail) {
      res.json({});
      return;
    }
    // Okta's UserActivationToken: with sendEmail=false the caller gets the link (Identity Engine form).
    const activationToken = ids.token(20);
    res.json({ activationUrl: `${options.baseUrl()}/tokens/${activationToken}/verify`, activationToken });
  });

  // Okta's DELETE deactivates a user that is not yet deprovisioned; a second DELETE removes it.
  router.delete('/users/:id', async (req, res) => {
    await users.delete(req.params.id);
    res.status(204).end();
  });

  router.use('/users', oktaErrorHandler(ids));
  return router;
}
