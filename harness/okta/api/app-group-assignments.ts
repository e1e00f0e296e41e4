import type { Clock } from '../../core/clock.js';

/** A group assigned to an app (Okta's ApplicationGroupAssignment). */
export interface AppGroup {
  appId: string;
  groupId: string;
  /** Okta's priority between groups giving the same user the app: here the order they were assigned (inferred). */
  priority: number;
  /** Okta's GroupAssignmentProfile: app profile values for members who get the app through the group. */
  profile: Record<string, unknown>;
  lastUpdated: Date;
}

/** What an admin may set on a group assignment: Okta's PUT body, or the result of a PATCH. */
export interface AppGroupChanges {
  priority?: number;
  profile?: Record<string, unknown>;
}

/** The groups assigned to an org's apps, by app then group, in assignment order. */
export class AppGroupAssignments {
  readonly #byApp = new Map<string, Map<string, AppGroup>>();

  constructor(private readonly clock: Clock) {}

  /** Records the group as assigned to the app (again: updated, its priority and profile kept unless given). */
  assign(appId: string, groupId: string, changes: AppGroupChanges = {}): AppGroup {
    let groups = this.#byApp.get(appId);
    if (!groups) {
      groups = new Map();
      this.#byApp.set(appId, groups);
    }
    const existing = groups.get(groupId);
    if (existing) return this.update(existing, changes);
    const group: AppGroup = {
      appId,
      groupId,
      priority: changes.priority ?? groups.size,
      profile: changes.profile ?? {},
      lastUpdated: this.clock.now(),
    };
    groups.set(groupId, group);
    return group;
  }

  /** Sets what `changes` gives on an assignment; the rest is kept. */
  update(group: AppGroup, changes: AppGroupChanges): AppGroup {
    group.priority = changes.priority ?? group.priority;
    group.profile = changes.profile ?? group.profile;
    group.lastUpdated = this.clock.now();
    return group;
  }

  find(appId: string, groupId: string): AppGroup | undefined {
    return this.#byApp.get(appId)?.get(groupId);
  }

  /** The groups assigned to the app, in assignment order. */
  of(appId: string): AppGroup[] {
    return [...(this.#byApp.get(appId)?.values() ?? [])];
  }

  /** True when the group was assigned to the app. */
  remove(appId: string, groupId: string): boolean {
    return this.#byApp.get(appId)?.delete(groupId) ?? false;
  }
}
