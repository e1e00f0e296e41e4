import { type Clock, recordTime } from '../../core/clock.js';
import { AppGroupAssignments } from './app-group-assignments.js';

/** The AppUser statuses fedsim's To-App provisioning produces (Okta's AppUserStatus has more). */
export type AppUserStatus = 'ACTIVE' | 'STAGED' | 'PROVISIONED' | 'INACTIVE';
/** Okta's AppUserSyncState. */
export type AppUserSyncState = 'DISABLED' | 'OUT_OF_SYNC' | 'SYNCING' | 'SYNCHRONIZED' | 'ERROR';
/**
 * What the app's last push for the user did: `deactivated` is a deactivation done; `off` when the
 * app's provisioning is disabled.
 */
export type PushResult = 'done' | 'deactivated' | 'failed' | 'skipped' | 'off';

/** The result of a push task (undefined: none ran) for `pushed`, given whether the app provisions at all. */
export function pushResultOf(enabled: boolean, task?: { action: string; status: string }): PushResult {
  if (!enabled) return 'off';
  if (task?.status === 'done' && task.action === 'deactivate') return 'deactivated';
  return task?.status === 'done' || task?.status === 'failed' ? task.status : 'skipped';
}

/** One user's assignment to one app instance, as `/api/v1/apps/{appId}/users` shows it. */
export interface AppUser {
  appId: string;
  userId: string;
  /** The app username (`credentials.userName`): from the app's username format, or set on the assignment. */
  userName: string;
  /** Set by an admin on the assignment: profile changes leave it alone (inferred). */
  overridden: boolean;
  /** GROUP when the assignment came from a group assigned to the app (Okta's assignGroupToApplication). */
  scope: 'USER' | 'GROUP';
  status: AppUserStatus;
  syncState: AppUserSyncState;
  statusChanged: Date;
  /** The last successful push (Okta's `lastSync`). */
  lastSync?: Date;
  created: Date;
  lastUpdated: Date;
}

/** An org's app assignments, keyed by app then user, in assignment order; and the groups assigned to its apps. */
export class AppUsers {
  readonly #byApp = new Map<string, Map<string, AppUser>>();
  readonly groups: AppGroupAssignments;

  constructor(private readonly clock: Clock) {
    this.groups = new AppGroupAssignments(clock);
  }

  /**
   * Assigns, or updates an existing assignment (Okta's POST is an upsert). `override` is a username
   * the admin typed; without one the assignment takes `computed`, the app's username format. An
   * existing assignment keeps its scope, except that assigning the user individually makes it USER
   * (it then outlasts the user's groups; docs/decisions/bulk-group-push.md).
   */
  assign(
    appId: string,
    userId: string,
    computed: string,
    override?: string,
    scope: AppUser['scope'] = 'USER',
  ): AppUser {
    const users = this.#users(appId);
    const now = recordTime(this.clock);
    const userName = override ?? computed;
    const existing = users.get(userId);
    if (existing) {
      existing.userName = override ?? (existing.overridden ? existing.userName : computed);
      existing.overridden ||= override !== undefined;
      if (scope === 'USER') existing.scope = 'USER';
      existing.lastUpdated = now;
      return existing;
    }
    const appUser: AppUser = {
      appId,
      userId,
      userName,
      overridden: override !== undefined,
      scope,
      // Okta's STAGED: no externalId yet, the push is queued.
      status: 'STAGED',
      syncState: 'SYNCING',
      statusChanged: now,
      // Declared up front: a field added later moves the object's fields out of line (+32 bytes).
      lastSync: undefined,
      created: now,
      lastUpdated: now,
    };
    users.set(userId, appUser);
    return appUser;
  }

  /** A profile change re-computes the app username unless the assignment set one. */
  refresh(appId: string, userId: string, computed: string): AppUser | undefined {
    const appUser = this.find(appId, userId);
    if (appUser && !appUser.overridden && appUser.userName !== computed) {
      appUser.userName = computed;
      appUser.lastUpdated = recordTime(this.clock);
    }
    return appUser;
  }

  /**
   * Records what provisioning left: a push done is PROVISIONED and SYNCHRONIZED (INACTIVE after a
   * deactivation: Okta's "provisioned, but isn't enabled to use the app"), a failed one keeps the
   * status with ERROR, a skipped one leaves changes unpushed (OUT_OF_SYNC, inferred); an app
   * without provisioning shows ACTIVE and DISABLED.
   */
  pushed(appId: string, userId: string, result: PushResult): void {
    const appUser = this.find(appId, userId);
    if (!appUser) return;
    const now = recordTime(this.clock);
    const setStatus = (status: AppUserStatus) => {
      if (appUser.status !== status) appUser.statusChanged = now;
      appUser.status = status;
    };
    if (result === 'off') {
      setStatus('ACTIVE');
      appUser.syncState = 'DISABLED';
    } else if (result === 'done' || result === 'deactivated') {
      setStatus(result === 'done' ? 'PROVISIONED' : 'INACTIVE');
      appUser.syncState = 'SYNCHRONIZED';
      appUser.lastSync = now;
    } else appUser.syncState = result === 'failed' ? 'ERROR' : 'OUT_OF_SYNC';
    appUser.lastUpdated = now;
  }

  /** Okta's "Convert Assignments" (and its reverse): only the scope changes; nothing is pushed. */
  setScope(appId: string, userId: string, scope: AppUser['scope']): void {
    const appUser = this.find(appId, userId);
    if (!appUser || appUser.scope === scope) return;
    appUser.scope = scope;
    appUser.lastUpdated = recordTime(this.clock);
  }

  find(appId: string, userId: string): AppUser | undefined {
    return this.#byApp.get(appId)?.get(userId);
  }

  list(appId: string): AppUser[] {
    return [...(this.#byApp.get(appId)?.values() ?? [])];
  }

  /** True when there was an assignment to remove. */
  remove(appId: string, userId: string): boolean {
    return this.#byApp.get(appId)?.delete(userId) ?? false;
  }

  #users(appId: string): Map<string, AppUser> {
    let users = this.#byApp.get(appId);
    if (!users) {
      users = new Map();
      this.#byApp.set(appId, users);
    }
    return users;
  }
}
