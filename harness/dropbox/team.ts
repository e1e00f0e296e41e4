import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import type { ScimUserInput, ScimUserRecord, ScimUserStore } from '../scim/store.js';

/** Dropbox Business's team: members, their lifecycle and the admin's deactivation choice. */
export type MemberState = 'invited' | 'active' | 'suspended' | 'removed';

/** A member as SCIM sees it, plus Dropbox's state; `active` is true while invited or active. */
export interface Member extends ScimUserRecord {
  state: MemberState;
}

export type MemberInput = ScimUserInput;

export interface TeamOptions {
  /** What Dropbox does when the IdP deactivates a member: suspend (default in Dropbox) or remove. */
  deactivation: 'suspend' | 'remove';
}

/** Removed members kept for the admin console, so a long `serve` stays bounded. */
const REMOVED_MAX = 1000;

function notFound(id: string): FedsimError {
  return new FedsimError('SCIM_NOT_FOUND', `Resource ${id} not found`, { actual: id });
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Dropbox's SCIM server keeps its Users here. */
export class Team implements ScimUserStore {
  readonly #members = new Map<string, Member>();
  /** Ids of members who ever confirmed: reactivation returns them to active rather than invited. */
  readonly #confirmed = new Set<string>();
  /** Members who left the team, newest last (at most REMOVED_MAX): the admin console lists them. */
  readonly removed: Member[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** Mutable: an admin may change the deactivation choice at any time. */
    readonly options: TeamOptions,
  ) {}

  /** Provisioned members start invited; one created inactive is suspended, as there is nothing to remove yet. */
  create(input: MemberInput): Member {
    this.#assertUnique(input.userName);
    const now = this.clock.now();
    const member: Member = {
      id: this.ids.uuid(),
      ...this.#profile(input),
      active: input.active !== false,
      state: input.active === false ? 'suspended' : 'invited',
      created: now,
      lastModified: now,
    };
    this.#members.set(member.id, member);
    return { ...member };
  }

  find(id: string): Member | undefined {
    const member = this.#members.get(id);
    return member && { ...member };
  }

  get(id: string): Member {
    const member = this.find(id);
    if (!member) throw notFound(id);
    return member;
  }

  findByUserName(userName: string): Member | undefined {
    const member = [...this.#members.values()].find((m) => sameName(m.userName, userName));
    return member && { ...member };
  }

  /** Members in the order they joined, so paging is stable. */
  all(): Member[] {
    return [...this.#members.values()].map((m) => ({ ...m }));
  }

  /** Full replace of the profile; `active`, when given, goes through the same lifecycle as setActive. */
  replace(id: string, input: MemberInput): Member {
    const member = this.#stored(id);
    this.#assertUnique(input.userName, id);
    Object.assign(member, this.#profile(input), { lastModified: this.clock.now() });
    return input.active === undefined ? { ...member } : this.setActive(id, input.active);
  }

  setActive(id: string, active: boolean): Member {
    const member = this.#stored(id);
    if (active === member.active) return { ...member };
    if (!active && this.options.deactivation === 'remove') return this.remove(id);
    const state = active ? (this.#confirmed.has(id) ? 'active' : 'invited') : 'suspended';
    Object.assign(member, { state, active, lastModified: this.clock.now() });
    return { ...member };
  }

  /** The member's first sign-in accepts the invitation. */
  confirm(id: string): Member {
    const member = this.#stored(id);
    if (member.state === 'suspended') {
      throw new FedsimError('DROPBOX_MEMBER_SUSPENDED', `Member ${member.userName} is suspended`, {
        actual: member.state,
      });
    }
    this.#confirmed.add(id);
    if (member.state === 'invited')
      Object.assign(member, { state: 'active', lastModified: this.clock.now() });
    return { ...member };
  }

  /** Removed members leave the team: their userName is free again and lookups no longer see them. */
  remove(id: string): Member {
    const member = this.#stored(id);
    this.#members.delete(id);
    this.#confirmed.delete(id);
    const gone: Member = { ...member, state: 'removed', active: false, lastModified: this.clock.now() };
    this.removed.push(gone);
    if (this.removed.length > REMOVED_MAX) this.removed.shift();
    return { ...gone };
  }

  #stored(id: string): Member {
    const member = this.#members.get(id);
    if (!member) throw notFound(id);
    return member;
  }

  #profile(
    input: MemberInput,
  ): Pick<Member, 'userName' | 'externalId' | 'givenName' | 'familyName' | 'displayName' | 'email'> {
    const { userName, externalId, givenName, familyName, email } = input;
    const displayName = input.displayName || `${givenName} ${familyName}`.trim();
    return { userName, externalId, givenName, familyName, displayName, email };
  }

  #assertUnique(userName: string, exceptId?: string): void {
    const clash = [...this.#members.values()].find(
      (m) => m.id !== exceptId && sameName(m.userName, userName),
    );
    if (clash) {
      throw new FedsimError('SCIM_UNIQUENESS', `User with userName ${userName} already exists`, {
        actual: userName,
      });
    }
  }
}
