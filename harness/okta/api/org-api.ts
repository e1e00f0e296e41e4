import type { RequestHandler } from 'express';
import type { Clock } from '../../core/clock.js';
import { lazyRoutes } from '../../core/lazy-routes.js';
import type { GroupAdmin } from '../group-admin.js';
import { Groups } from '../groups.js';
import { AppUsers } from './app-users.js';
import { type AppsApiOptions, createAppsRouter } from './apps.js';
import { createGroupsRouter } from './groups.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { createUsersRouter, type UsersApiOptions } from './users.js';

export interface OrgApiOptions
  extends UsersApiOptions,
    Pick<AppsApiOptions, 'apps' | 'assign' | 'unassign' | 'externalId' | 'appGroups'> {
  clock: Clock;
  /** Pass the org's own stores so it can act on them (group push, JIT groups); created when omitted. */
  appUsers?: AppUsers;
  groups?: Groups;
  /** How the org changes its groups (org1 pushes its pushed groups after). */
  groupAdmin?: GroupAdmin;
}

/**
 * An Okta org's `/api/v1`: Users, Apps and Groups, sharing one user type id and one rate limiter
 * (DEFAULT_RATE_LIMIT on the org's clock unless `rateLimit` is given). Mount it at `/api/v1`.
 * Each resource's routes are built on its first request (core/lazy-routes.ts); what they share
 * is made here, so ids are drawn in the same order whichever is called first.
 */
export function createOrgApi(options: OrgApiOptions): RequestHandler[] {
  const shared = {
    ...options,
    userTypeId: options.userTypeId ?? options.ids.okta('oty'),
    rateLimit: options.rateLimit ?? new RateLimiter({ ...DEFAULT_RATE_LIMIT, clock: options.clock }),
  };
  const appUsers = options.appUsers ?? new AppUsers(options.clock);
  const groups = options.groups ?? new Groups(options.clock, options.ids);
  return [
    lazyRoutes('/users', () => createUsersRouter(shared)),
    lazyRoutes('/apps', () => createAppsRouter({ ...shared, appUsers })),
    lazyRoutes('/groups', () => createGroupsRouter({ ...shared, groups })),
  ];
}
