import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import { SeededIds } from '../../harness/core/ids.js';
import { type MemberInput, Team } from '../../harness/dropbox/team.js';
import { START } from './fixture.js';

const LATER = '2026-01-15T09:01:00.000Z';
const ada: MemberInput = {
  userName: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  email: 'ada@example.com',
};

let clock: FixedClock;
const team = (deactivation: 'suspend' | 'remove' = 'suspend') =>
  new Team(clock, new SeededIds('team-test'), { deactivation });

function thrown(fn: () => unknown): FedsimError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FedsimError) return err;
    throw err;
  }
  throw new Error('expected a FedsimError');
}

beforeEach(() => {
  clock = new FixedClock(START);
});

describe('Team', () => {
  it('creates invited, active members with a default displayName', () => {
    const member = team().create(ada);
    expect(member).toEqual({
      id: member.id,
      userName: 'ada@example.com',
      externalId: undefined,
      givenName: 'Ada',
      familyName: 'Lovelace',
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      active: true,
      state: 'invited',
      created: new Date(START),
      lastModified: new Date(START),
    });
    expect(member.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('creates a member sent inactive as suspended', () => {
    expect(team().create({ ...ada, active: false })).toMatchObject({ state: 'suspended', active: false });
  });

  it('refuses a duplicate userName regardless of case with SCIM_UNIQUENESS / 409', () => {
    const t = team();
    t.create(ada);
    const err = thrown(() => t.create({ ...ada, userName: 'ADA@EXAMPLE.COM' }));
    expect([err.code, err.status, err.message]).toEqual([
      'SCIM_UNIQUENESS',
      409,
      'User with userName ADA@EXAMPLE.COM already exists',
    ]);
  });

  it('finds by id and by userName case-insensitively; get throws 404 for unknown ids', () => {
    const t = team();
    const { id } = t.create(ada);
    expect(t.find(id)?.userName).toBe('ada@example.com');
    expect(t.findByUserName('Ada@Example.com')?.id).toBe(id);
    expect(t.find('missing')).toBeUndefined();
    const err = thrown(() => t.get('missing'));
    expect([err.code, err.status]).toEqual(['SCIM_NOT_FOUND', 404]);
  });

  it('hands out snapshots, not its own records', () => {
    const t = team();
    const member = t.create(ada);
    member.state = 'removed';
    expect(t.get(member.id).state).toBe('invited');
  });

  it('selects a page of the members a test passes, with their count, copying only the page', () => {
    const t = team();
    for (let n = 1; n <= 7; n++) t.create({ ...ada, userName: `u${n}@example.com`, active: n % 2 === 1 });
    const { total, page } = t.select((m) => m.active, 1, 3);
    expect([total, page.map((m) => m.userName)]).toEqual([4, ['u3@example.com', 'u5@example.com']]);
    const first = page[0] as (typeof page)[number];
    first.userName = 'changed@example.com';
    expect(t.get(first.id).userName).toBe('u3@example.com');
  });

  it('confirms an invited member at first sign-in and refuses a suspended one', () => {
    const t = team();
    const { id } = t.create(ada);
    clock.advance(60_000);
    expect(t.confirm(id)).toMatchObject({ state: 'active', active: true, lastModified: new Date(LATER) });
    t.setActive(id, false);
    const err = thrown(() => t.confirm(id));
    expect([err.code, err.status]).toEqual(['DROPBOX_MEMBER_SUSPENDED', 403]);
  });

  it('reactivates to active only members who had confirmed, others back to invited', () => {
    const t = team();
    const confirmed = t.create(ada).id;
    const pending = t.create({ ...ada, userName: 'grace@example.com' }).id;
    t.confirm(confirmed);
    for (const id of [confirmed, pending]) {
      expect(t.setActive(id, false)).toMatchObject({ state: 'suspended', active: false });
    }
    expect(t.setActive(confirmed, true).state).toBe('active');
    expect(t.setActive(pending, true).state).toBe('invited');
  });

  it('leaves lastModified alone when active does not change', () => {
    const t = team();
    const { id } = t.create(ada);
    clock.advance(60_000);
    expect(t.setActive(id, true).lastModified).toEqual(new Date(START));
  });

  it('in remove mode, deactivation removes the member and frees the userName', () => {
    const t = team('remove');
    const { id } = t.create(ada);
    expect(t.setActive(id, false)).toMatchObject({ id, state: 'removed', active: false });
    expect(t.find(id)).toBeUndefined();
    expect(t.findByUserName('ada@example.com')).toBeUndefined();
    expect(t.all()).toEqual([]);
    expect(t.create(ada).id).not.toBe(id);
  });

  it('replaces the profile, keeps active when not given, and allows a case-only rename', () => {
    const t = team();
    const { id } = t.create(ada);
    t.create({ ...ada, userName: 'grace@example.com' });
    clock.advance(60_000);
    const replaced = t.replace(id, {
      ...ada,
      userName: 'ADA@example.com',
      givenName: 'Augusta',
      externalId: 'x1',
    });
    expect(replaced).toMatchObject({
      userName: 'ADA@example.com',
      displayName: 'Augusta Lovelace',
      externalId: 'x1',
      state: 'invited',
      lastModified: new Date(LATER),
    });
    expect(thrown(() => t.replace(id, { ...ada, userName: 'Grace@example.com' })).code).toBe(
      'SCIM_UNIQUENESS',
    );
  });
});
