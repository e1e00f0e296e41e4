import { type Clock, recordTime } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import { KeyedIds } from '../core/keyed-ids.js';
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

/** userName is caseExact=false (RFC 7643 §4.1.1): one key for every spelling. */
const nameKey = (userName: string) => userName.toLowerCase();

/**
 * Dropbox's SCIM server keeps its Users here, indexed by id, userName and externalId, and in join
 * order with positions (so a page is read where it starts, not found by walking the team).
 */
export class Team implements ScimUserStore {
  readonly #members = new Map<string, Member>();
  readonly #byUserName = new Map<string, string>();
  readonly #byExternalId = new KeyedIds();
  /** Join order; a removed member leaves a hole until the next page read closes the holes. */
  #order: (Member | undefined)[] = [];
  #holes = 0;
  /** Member id → when they joined (a counter), to list index lookups in join order. */
  readonly #joined = new Map<string, number>();
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
    const now = recordTime(this.clock);
    const member: Member = {
      id: this.ids.uuid(),
      ...this.#profile(input),
      active: input.active !== false,
      state: input.active === false ? 'suspended' : 'invited',
      created: now,
      lastModified: now,
    };
    this.#members.set(member.id, member);
    this.#joined.set(member.id, this.#order.push(member));
    this.#indexNames(member);
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
    const id = this.#byUserName.get(nameKey(userName));
    return id === undefined ? undefined : this.find(id);
  }

  withExternalId(externalId: string): Member[] {
    const ids = this.#byExternalId.get(externalId);
    const joined = (id: string) => this.#joined.get(id) ?? 0;
    return ids.sort((a, b) => joined(a) - joined(b)).map((id) => this.get(id));
  }

  /** Members in the order they joined, so paging is stable. */
  all(): Member[] {
    return [...this.#members.values()].map((m) => ({ ...m }));
  }

  count(): number {
    return this.#members.size;
  }

  /** How many members pass `test`, and copies of the matches `start` to `end` (from 0): no other is copied. */
  select(
    test: (member: Readonly<Member>) => boolean,
    start: number,
    end: number,
  ): { total: number; page: Member[] } {
    const page: Member[] = [];
    let total = 0;
    for (const member of this.#members.values()) {
      if (!test(member)) continue;
      if (total >= start && total < end) page.push({ ...member });
      total += 1;
    }
    return { total, page };
  }

  /** Members `start` to `end` (exclusive, from 0) in join order. */
  slice(start: number, end: number): Member[] {
    if (this.#holes > 0) {
      this.#order = this.#order.filter((m) => m !== undefined);
      this.#holes = 0;
    }
    return (this.#order.slice(start, end) as Member[]).map((m) => ({ ...m }));
  }

  /** Full replace of the profile; `active`, when given, goes through the same lifecycle as setActive. */
  replace(id: string, input: MemberInput): Member {
    const member = this.#stored(id);
    this.#assertUnique(input.userName, id);
    this.#unindexNames(member);
    Object.assign(member, this.#profile(input), { lastModified: recordTime(this.clock) });
    this.#indexNames(member);
    return input.active === undefined ? { ...member } : this.setActive(id, input.active);
  }

  setActive(id: string, active: boolean): Member {
    const member = this.#stored(id);
    if (active === member.active) return { ...member };
    if (!active && this.options.deactivation === 'remove') return this.remove(id);
    const state = active ? (this.#confirmed.has(id) ? 'active' : 'invited') : 'suspended';
    Object.assign(member, { state, active, lastModified: recordTime(this.clock) });
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
      Object.assign(member, { state: 'active', lastModified: recordTime(this.clock) });
    return { ...member };
  }

  /** Removed members leave the team: their userName is free again and lookups no longer see them. */
  remove(id: string): Member {
    const member = this.#stored(id);
    this.#members.delete(id);
    this.#joined.delete(id);
    this.#unindexNames(member);
    this.#order[this.#order.indexOf(member)] = undefined;
    this.#holes += 1;
    this.#confirmed.delete(id);
    const gone: Member = { ...member, state: 'removed', active: false, lastModified: recordTime(this.clock) };
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

  #indexNames(member: Member): void {
    this.#byUserName.set(nameKey(member.userName), member.id);
    if (member.externalId !== undefined) this.#byExternalId.add(member.externalId, member.id);
  }

  #unindexNames(member: Member): void {
    this.#byUserName.delete(nameKey(member.userName));
    if (member.externalId !== undefined) this.#byExternalId.delete(member.externalId, member.id);
  }

  #assertUnique(userName: string, exceptId?: string): void {
    const clash = this.#byUserName.get(nameKey(userName));
    if (clash !== undefined && clash !== exceptId) {
      throw new FedsimError('SCIM_UNIQUENESS', `User with userName ${userName} already exists`, {
        actual: userName,
      });
    }
  }
}
