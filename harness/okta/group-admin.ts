import type { OktaUser } from './directory.js';
import type { Groups, OktaGroup } from './groups.js';
import { logGroupChange } from './syslog/admin-events.js';
import type { SystemLog } from './syslog/log-store.js';

/** A group change done: the group, and what the org's follow-up returned (org1: failed group pushes). */
export interface GroupChanged<R> {
  group: OktaGroup;
  outcome: R | undefined;
}

/** What follows a membership change before the org's follow-up (org1: app assignments of the group). */
export interface MembershipFollow {
  joined(group: OktaGroup, user: OktaUser): Promise<unknown>;
  left(group: OktaGroup, user: OktaUser): Promise<unknown>;
  deleted(group: OktaGroup): Promise<unknown>;
}

/**
 * What an admin does to an org's groups, whichever way they act (Groups API, Admin Console,
 * scenario step): the change, its System Log event, what follows the membership (`follow`), then
 * the org's follow-up (org1 pushes its pushed groups to org2).
 */
export class GroupAdmin<R = unknown> {
  constructor(
    readonly groups: Groups,
    private readonly log: SystemLog | undefined,
    private readonly after?: () => Promise<R>,
    private readonly follow?: MembershipFollow,
  ) {}

  create(profile: { name: string; description?: string }): Promise<GroupChanged<R>> {
    return this.#followUp(this.#created(profile));
  }

  /** Okta's replaceGroup: the whole profile (a description left out is cleared). */
  rename(id: string, profile: { name: string; description?: string }): Promise<GroupChanged<R>> {
    const group = this.groups.rename(id, profile);
    logGroupChange(this.log, 'update', group);
    return this.#followUp(group);
  }

  async delete(id: string): Promise<GroupChanged<R>> {
    const group = this.groups.get(id);
    this.groups.delete(group.id);
    logGroupChange(this.log, 'delete', group);
    await this.follow?.deleted(group);
    return this.#followUp(group);
  }

  /** Adding a member twice is a no-op, and logs nothing the second time (inferred). */
  async addMember(groupId: string, user: OktaUser): Promise<GroupChanged<R>> {
    const group = this.groups.get(groupId);
    if (group.members.has(user.id)) return { group, outcome: undefined };
    await this.#join(group, user);
    return this.#followUp(group);
  }

  async removeMember(groupId: string, user: OktaUser): Promise<GroupChanged<R>> {
    const group = this.groups.get(groupId);
    if (!group.members.has(user.id)) return { group, outcome: undefined };
    await this.#leave(group, user);
    return this.#followUp(group);
  }

  /**
   * Makes the user's memberships exactly the groups named (a name not seen before creates the
   * group): each change as one add or remove, then one follow-up for all.
   */
  async setMemberships(user: OktaUser, names: string[]): Promise<R | undefined> {
    const wanted = new Set(names.map((n) => n.trim().toLowerCase()));
    for (const group of this.groups.groupsOf(user.id)) {
      if (!wanted.has(group.profile.name.toLowerCase())) await this.#leave(group, user);
    }
    for (const name of names) {
      const group = this.groups.findByName(name) ?? this.#created({ name });
      if (!group.members.has(user.id)) await this.#join(group, user);
    }
    return this.after?.();
  }

  #created(profile: { name: string; description?: string }): OktaGroup {
    const group = this.groups.create(profile);
    logGroupChange(this.log, 'create', group);
    return group;
  }

  async #join(group: OktaGroup, user: OktaUser): Promise<void> {
    logGroupChange(this.log, 'add', this.groups.addMember(group.id, user.id), user);
    await this.follow?.joined(group, user);
  }

  async #leave(group: OktaGroup, user: OktaUser): Promise<void> {
    logGroupChange(this.log, 'remove', this.groups.removeMember(group.id, user.id), user);
    await this.follow?.left(group, user);
  }

  async #followUp(group: OktaGroup): Promise<GroupChanged<R>> {
    return { group, outcome: await this.after?.() };
  }
}
