import { Router } from 'express';
import { z } from 'zod';
import type { Directory } from '../directory.js';
import { notFound } from '../errors.js';
import { type AppGroupAssigner, appGroupRoutes } from './app-groups.js';
import type { AppUser, AppUsers } from './app-users.js';
import { apiAuth, apiFront, type OktaApiOptions, parseBody } from './common.js';
import { oktaErrorHandler } from './errors.js';
import { afterCursor, cursorPage, firstMatches, type PageRules, pageLimit, queryParam } from './query.js';

/** What `/api/v1/apps` knows of an app instance; the org owns the apps themselves. */
export interface AppSummary {
  id: string;
  /** Okta's app name, e.g. `okta_org2org`, `dropbox_for_business`. */
  name: string;
  label: string;
  status: 'ACTIVE' | 'INACTIVE';
  signOnMode: string;
}

export interface AppsApiOptions extends OktaApiOptions {
  directory: Directory;
  apps: () => AppSummary[];
  /** Who is assigned to what; shared with the org so its own assignments show here too. */
  appUsers: AppUsers;
  /**
   * Called on every (re-)assignment: the org records the app user (`userName`: the username the
   * admin set, else the app's username format) and runs To-App provisioning; a rejection fails the call.
   */
  assign: (appId: string, userId: string, userName?: string) => Promise<void>;
  /** Called on unassignment (To-App deactivation). */
  unassign: (appId: string, userId: string) => Promise<void>;
  /** The id the app's provisioning kept for the user (the app user's `externalId`), if any. */
  externalId?: (appId: string, userId: string) => string | undefined;
  /** Group assignment (`/apps/{appId}/groups`), where the org offers it. */
  appGroups?: AppGroupAssigner;
}

const assignSchema = z.object({
  id: z.string().min(1),
  scope: z.literal('USER').optional(),
  credentials: z.object({ userName: z.string().min(1).optional() }).optional(),
});

function serializeApp(app: AppSummary, baseUrl: string) {
  const self = `${baseUrl}/api/v1/apps/${app.id}`;
  return { ...app, _links: { users: { href: `${self}/users` }, groups: { href: `${self}/groups` } } };
}

function serializeAppUser(appUser: AppUser, baseUrl: string, externalId: string | undefined) {
  return {
    id: appUser.userId,
    externalId: externalId ?? null,
    created: appUser.created.toISOString(),
    lastUpdated: appUser.lastUpdated.toISOString(),
    scope: appUser.scope,
    status: appUser.status,
    statusChanged: appUser.statusChanged.toISOString(),
    passwordChanged: null,
    syncState: appUser.syncState,
    ...(appUser.lastSync ? { lastSync: appUser.lastSync.toISOString() } : {}),
    credentials: { userName: appUser.userName },
    profile: {},
    _links: {
      app: { href: `${baseUrl}/api/v1/apps/${appUser.appId}` },
      user: { href: `${baseUrl}/api/v1/users/${appUser.userId}` },
    },
  };
}

/** `q`: a case-insensitive prefix of the app's name or label. */
function matchesQ(q: string | undefined): (app: AppSummary) => boolean {
  const prefix = q?.toLowerCase();
  return (app) =>
    prefix === undefined ||
    app.name.toLowerCase().startsWith(prefix) ||
    app.label.toLowerCase().startsWith(prefix);
}

/**
 * listApplicationUsers (management OpenAPI spec): 50 app users a page unless `limit` says (at
 * most 500), the `after` cursor in a `Link: rel="next"` while more remain, and `q` kept in it.
 */
const APP_USER_PAGES: PageRules = { defaultLimit: 50, maxLimit: 500, next: true, kept: ['q'] };
const userIdOf = (appUser: AppUser) => appUser.userId;

/** Okta's OAS: `q` matches the beginning of `userName`, `firstName`, `lastName` or `email`. */
function appUserQ(q: string, directory: Directory) {
  const prefix = q.toLowerCase();
  const starts = (value: unknown) => typeof value === 'string' && value.toLowerCase().startsWith(prefix);
  return (appUser: AppUser) => {
    const profile = directory.find(appUser.userId)?.profile;
    return starts(appUser.userName) || [profile?.firstName, profile?.lastName, profile?.email].some(starts);
  };
}

/** org2's `/api/v1/apps`: list apps and assign / unassign users; the caller mounts it at `/api/v1`. */
export function createAppsRouter(options: AppsApiOptions): Router {
  const { directory, appUsers, ids } = options;
  const appOf = (appId: string): AppSummary => {
    const app = options.apps().find((a) => a.id === appId);
    if (!app) throw notFound(appId, 'AppInstance');
    return app;
  };
  const serialize = (appUser: AppUser) =>
    serializeAppUser(appUser, options.baseUrl(), options.externalId?.(appUser.appId, appUser.userId));
  const router = Router();
  router.use('/apps', apiFront('apps', options), apiAuth(options));

  router.get('/apps', (req, res) => {
    const apps = options.apps().filter(matchesQ(queryParam(req, 'q')));
    res.json(apps.map((app) => serializeApp(app, options.baseUrl())));
  });

  router.get('/apps/:appId', (req, res) => {
    res.json(serializeApp(appOf(req.params.appId), options.baseUrl()));
  });

  router.get('/apps/:appId/users', (req, res) => {
    const app = appOf(req.params.appId);
    const q = queryParam(req, 'q');
    const listed = afterCursor(appUsers.list(app.id), queryParam(req, 'after'), 'app user', userIdOf);
    // `q` is tested in list order until the page (and one more, for the next link) is full.
    const wanted = pageLimit(req, APP_USER_PAGES) + 1;
    const matching = q === undefined ? listed : firstMatches(listed, appUserQ(q, directory), wanted);
    const { page, links } = cursorPage(req, matching, options.baseUrl(), APP_USER_PAGES, userIdOf);
    res.setHeader('Link', links);
    res.json(page.map(serialize));
  });

  router.get('/apps/:appId/users/:userId', (req, res) => {
    const app = appOf(req.params.appId);
    const appUser = appUsers.find(app.id, req.params.userId);
    if (!appUser) throw notFound(req.params.userId, 'AppUser');
    res.json(serialize(appUser));
  });

  router.post('/apps/:appId/users', async (req, res) => {
    const app = appOf(req.params.appId);
    const body = parseBody(assignSchema, req.body);
    const user = directory.get(body.id);
    await options.assign(app.id, user.id, body.credentials?.userName);
    const appUser = appUsers.find(app.id, user.id);
    if (!appUser) throw notFound(user.id, 'AppUser');
    res.json(serialize(appUser));
  });

  router.delete('/apps/:appId/users/:userId', async (req, res) => {
    const app = appOf(req.params.appId);
    if (!appUsers.find(app.id, req.params.userId)) throw notFound(req.params.userId, 'AppUser');
    await options.unassign(app.id, req.params.userId);
    appUsers.remove(app.id, req.params.userId);
    res.status(204).end();
  });

  if (options.appGroups)
    appGroupRoutes(router, { appOf, groups: options.appGroups, baseUrl: options.baseUrl });

  router.use('/apps', oktaErrorHandler(ids));
  return router;
}
