import type { OktaUser } from './directory.js';
import type { Groups, OktaGroup } from './groups.js';
import { logGroupChange } from './syslog/admin-events.js';
import type { SystemLog } from './syslog/log-store.js';

/** A group change done: the group, and what the org's follow-up returned (org1: failed group pushes). */
export interface GroupChanged<R> {
  group: OktaGroup;
  outcome: R | undefined;
}

/**
 * What an admin does to an org's groups, whichever way they act (Groups API, Admin Console,
 * scenario step): the change, its System Log event, then the org's follow-up (org1 pushes its
 * pushed groups to org2).
 */
export class GroupAdmin<R = unknown> {
  constructor(
    readonly groups: Groups,
    private readonly log: SystemLog | undefined,
    private readonly after?: () => Promise<R>,
  ) {}

  create(profile: { name: string; description?: string }): Promise<GroupChanged<R>> {
    const group = this.groups.create(profile);
    logGroupChange(this.log, 'create', group);
    return this.#followUp(group);
  }

  /** Okta's replaceGroup: the whole profile (a description left out is cleared). */
  rename(id: string, profile: { name: string; description?: string }): Promise<GroupChanged<R>> {
    const group = this.groups.rename(id, profile);
    logGroupChange(this.log, 'update', group);
    return this.#followUp(group);
  }

  delete(id: string): Promise<GroupChanged<R>> {
    const group = this.groups.get(id);
    this.groups.delete(group.id);
    logGroupChange(this.log, 'delete', group);
    return this.#followUp(group);
  }

  /** Adding a member twice is a no-op, and logs nothing the second time (inferred). */
  addMember(groupId: string, user: OktaUser): Promise<GroupChanged<R>> {
    const group = this.groups.get(groupId);
    if (group.members.has(user.id)) return Promise.resolve({ group, outcome: undefined });
    logGroupChange(this.log, 'add', this.groups.addMember(group.id, user.id), user);
    return this.#followUp(group);
  }

  removeMember(groupId: string, user: OktaUser): Promise<GroupChanged<R>> {
    const group = this.groups.get(groupId);
    if (!group.members.has(user.id)) return Promise.resolve({ group, outcome: undefined });
    logGroupChange(this.log, 'remove', this.groups.removeMember(group.id, user.id), user);
    return this.#followUp(group);
  }

  async #followUp(group: OktaGroup): Promise<GroupChanged<R>> {
    return { group, outcome: await this.after?.() };
  }
}
