import type { Clock } from '../core/clock.js';
import type { IdGenerator } from '../core/ids.js';
import { notFound, validationError } from './errors.js';

/** An Okta group (`00g…`) of type OKTA_GROUP, with its members' user ids. */
export interface OktaGroup {
  id: string;
  created: Date;
  lastUpdated: Date;
  lastMembershipUpdated: Date;
  profile: { name: string; description: string };
  /** User ids in the order they were added. */
  members: Set<string>;
}

/** An org's groups: what the Groups API, group push and JIT group assignment act on. */
export class Groups {
  readonly #groups = new Map<string, OktaGroup>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * Okta group names are unique within an org (case-insensitive). `id` keeps the id a group has in
   * a real org, so an exported IdP policy that names it by id finds it.
   */
  create(profile: { name: string; description?: string }, id?: string): OktaGroup {
    const name = profile.name.trim();
    if (name === '')
      throw validationError(['name: The field cannot be left blank'], { actual: profile.name });
    this.#refuseTakenName(name);
    if (id !== undefined && this.find(id)) {
      throw validationError(['id: An object with this field already exists in the current organization'], {
        actual: id,
      });
    }
    const now = this.clock.now();
    const group: OktaGroup = {
      id: id ?? this.ids.okta('00g'),
      created: now,
      lastUpdated: now,
      lastMembershipUpdated: now,
      profile: { name, description: profile.description ?? '' },
      members: new Set(),
    };
    this.#groups.set(group.id, group);
    return group;
  }

  /** Okta's replaceGroup: a new profile, its name still unique (another group's name is E0000001). */
  rename(id: string, profile: { name: string; description?: string }): OktaGroup {
    const group = this.get(id);
    const name = profile.name.trim();
    if (name === '')
      throw validationError(['name: The field cannot be left blank'], { actual: profile.name });
    if (this.findByName(name) !== group) this.#refuseTakenName(name);
    group.profile = { name, description: profile.description ?? '' };
    group.lastUpdated = this.clock.now();
    return group;
  }

  /** Okta's deleteGroup; an unknown id is 404 E0000007. */
  delete(id: string): void {
    this.#groups.delete(this.get(id).id);
  }

  #refuseTakenName(name: string): void {
    if (!this.findByName(name)) return;
    throw validationError(['name: An object with this field already exists in the current organization'], {
      actual: name,
    });
  }

  find(id: string): OktaGroup | undefined {
    return this.#groups.get(id);
  }

  get(id: string): OktaGroup {
    const group = this.find(id);
    if (!group) throw notFound(id, 'UserGroup');
    return group;
  }

  findByName(name: string): OktaGroup | undefined {
    const wanted = name.toLowerCase();
    return this.all().find((g) => g.profile.name.toLowerCase() === wanted);
  }

  /** All groups in creation order. */
  all(): OktaGroup[] {
    return [...this.#groups.values()];
  }

  /** Adding a member twice is a no-op, as Okta's PUT is. */
  addMember(groupId: string, userId: string): OktaGroup {
    const group = this.get(groupId);
    if (!group.members.has(userId)) {
      group.members.add(userId);
      group.lastMembershipUpdated = this.clock.now();
    }
    return group;
  }

  removeMember(groupId: string, userId: string): OktaGroup {
    const group = this.get(groupId);
    if (group.members.delete(userId)) group.lastMembershipUpdated = this.clock.now();
    return group;
  }

  /** Makes the user's memberships exactly the groups named; `missing` gives a group for an unknown name. */
  setMemberships(userId: string, names: string[], missing: (name: string) => OktaGroup): void {
    for (const g of this.groupsOf(userId)) this.removeMember(g.id, userId);
    for (const name of names) this.addMember((this.findByName(name) ?? missing(name)).id, userId);
  }

  /** The groups a user belongs to (for JIT group sync and group push). */
  groupsOf(userId: string): OktaGroup[] {
    return this.all().filter((g) => g.members.has(userId));
  }

  /** Drops a deleted user from every group. */
  forgetUser(userId: string): void {
    for (const group of this.all()) this.removeMember(group.id, userId);
  }
}
