import { type Clock, recordTime } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import type { Team } from './team.js';

/** A Dropbox team group: a name and the team members in it (Dropbox's company-managed groups). */
export interface TeamGroup {
  id: string;
  name: string;
  created: Date;
  /** Member ids, in the order they were added. */
  members: Set<string>;
}

function groupNotFound(id: string): FedsimError {
  return new FedsimError('DROPBOX_GROUP_INVALID', `No group ${id} in this team`, { actual: id });
}

/**
 * The team's groups, which a team admin makes and fills in the admin console (Dropbox admin
 * console › Groups). A member who leaves the team leaves its groups: only current members count.
 */
export class TeamGroups {
  readonly #groups = new Map<string, TeamGroup>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly team: Team,
  ) {}

  /** A new group; names are unique in a team, case aside. */
  create(name: string): TeamGroup {
    const trimmed = name.trim();
    if (trimmed === '')
      throw new FedsimError('DROPBOX_GROUP_INVALID', 'A group needs a name', { actual: name });
    if (this.all().some((g) => g.name.toLowerCase() === trimmed.toLowerCase()))
      throw new FedsimError('DROPBOX_GROUP_INVALID', `The team already has a group named ${trimmed}`, {
        actual: trimmed,
      });
    const group: TeamGroup = {
      id: `g:${this.ids.token(24)}`,
      name: trimmed,
      created: recordTime(this.clock),
      members: new Set(),
    };
    this.#groups.set(group.id, group);
    return group;
  }

  get(id: string): TeamGroup {
    const group = this.#groups.get(id);
    if (!group) throw groupNotFound(id);
    this.#forgetLeavers(group);
    return group;
  }

  all(): TeamGroup[] {
    const groups = [...this.#groups.values()];
    for (const group of groups) this.#forgetLeavers(group);
    return groups;
  }

  /** Adds a member by id or username; a removed or unknown member cannot join a group. */
  addMember(groupId: string, who: string): void {
    const group = this.get(groupId);
    const member = this.team.find(who) ?? this.team.findByUserName(who);
    if (!member)
      throw new FedsimError('DROPBOX_GROUP_INVALID', `No team member ${who}`, {
        actual: who,
        expected: 'a member of the team (Members lists them)',
      });
    group.members.add(member.id);
  }

  removeMember(groupId: string, memberId: string): void {
    this.get(groupId).members.delete(memberId);
  }

  /** The groups a member is in. */
  groupsOf(memberId: string): TeamGroup[] {
    return this.all().filter((g) => g.members.has(memberId));
  }

  #forgetLeavers(group: TeamGroup): void {
    for (const id of group.members) if (!this.team.find(id)) group.members.delete(id);
  }
}
