import type { Clock } from '../../core/clock.js';

/** One user's assignment to one app instance, as `/api/v1/apps/{appId}/users` shows it. */
export interface AppUser {
  appId: string;
  userId: string;
  /** The app username: the user's login unless the assignment named another. */
  userName: string;
  scope: 'USER';
  created: Date;
  lastUpdated: Date;
}

/** An org's app assignments, keyed by app then user, in assignment order. */
export class AppUsers {
  readonly #byApp = new Map<string, Map<string, AppUser>>();

  constructor(private readonly clock: Clock) {}

  /** Assigns, or updates the username of an existing assignment (Okta's POST is an upsert). */
  assign(appId: string, userId: string, userName: string): AppUser {
    const users = this.#users(appId);
    const now = this.clock.now();
    const existing = users.get(userId);
    if (existing) {
      existing.userName = userName;
      existing.lastUpdated = now;
      return existing;
    }
    const appUser: AppUser = { appId, userId, userName, scope: 'USER', created: now, lastUpdated: now };
    users.set(userId, appUser);
    return appUser;
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
