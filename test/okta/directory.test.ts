import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import { SeededIds } from '../../harness/core/ids.js';
import { Directory, type OktaProfile, type OktaUser } from '../../harness/okta/directory.js';
import { codeOf } from '../codes.js';

const T0 = '2026-01-15T09:00:00.000Z';
const T1 = '2026-01-15T09:01:00.000Z';

let clock: FixedClock;
let dir: Directory;

const profile = (login: string, extra: Partial<OktaProfile> = {}): OktaProfile => ({
  login,
  email: login,
  firstName: 'Sarah',
  lastName: 'Miller',
  ...extra,
});

beforeEach(() => {
  clock = new FixedClock(T0);
  dir = new Directory(clock, new SeededIds('dir'));
});

describe('create', () => {
  it('sets the status from password, activate and provider', () => {
    expect(dir.create(profile('a@x.example'), { password: 'pw' }).status).toBe('ACTIVE');
    expect(dir.create(profile('b@x.example')).status).toBe('PROVISIONED');
    expect(dir.create(profile('c@x.example'), { activate: false, password: 'pw' }).status).toBe('STAGED');
    const fed = dir.create(profile('d@x.example'), { provider: 'FEDERATION' });
    expect(fed.status).toBe('ACTIVE');
    expect(fed.provider).toBe('FEDERATION');
    expect(dir.find('b@x.example')?.provider).toBe('OKTA');
  });

  it('stamps times from the injected clock and issues 00u ids', () => {
    const u = dir.create(profile('a@x.example'), { password: 'pw' });
    expect(u.id).toMatch(/^00u[0-9A-Za-z]{17}$/);
    expect(u.created.toISOString()).toBe(T0);
    expect(u.activated?.toISOString()).toBe(T0);
    expect(u.passwordChanged?.toISOString()).toBe(T0);
    expect(u.lastLogin).toBeNull();
    expect(u.profile.mobilePhone).toBeNull();
    const staged = dir.create(profile('s@x.example'), { activate: false });
    expect(staged.activated).toBeNull();
    expect(staged.statusChanged).toBeNull();
    expect(staged.passwordChanged).toBeNull();
  });

  it('refuses a duplicate login whatever its case', () => {
    dir.create(profile('sarah@org1.example'));
    expect(codeOf(() => dir.create(profile('SARAH@Org1.Example')))).toBe('OKTA_E0000001');
    expect(dir.all()).toHaveLength(1);
  });

  it('enforces login length 5–100 and required fields', () => {
    expect(codeOf(() => dir.create(profile('a@b.')))).toBe('OKTA_E0000001');
    expect(dir.create(profile('a@b.c')).profile.login).toBe('a@b.c');
    const long = `${'x'.repeat(90)}@y.example`; // 100 characters
    expect(long).toHaveLength(100);
    expect(dir.create(profile(long)).profile.login).toBe(long);
    expect(codeOf(() => dir.create(profile(`x${long}`)))).toBe('OKTA_E0000001');
    expect(codeOf(() => dir.create(profile('e@x.example', { firstName: '' })))).toBe('OKTA_E0000001');
    expect(codeOf(() => dir.create(profile('f@x.example', { email: 'no-at-sign' })))).toBe('OKTA_E0000001');
    expect(dir.all()).toHaveLength(2);
  });
});

describe('lookup', () => {
  it('finds by id and by login case-insensitively, get throws E0000007', () => {
    const u = dir.create(profile('sarah@org1.example'));
    expect(dir.find(u.id)).toBe(u);
    expect(dir.find('Sarah@ORG1.example')).toBe(u);
    expect(dir.find('nobody@org1.example')).toBeUndefined();
    expect(dir.get(u.id)).toBe(u);
    expect(codeOf(() => dir.get('nobody@org1.example'))).toBe('OKTA_E0000007');
  });

  it('findBy matches any profile attribute case-insensitively', () => {
    dir.create(profile('a@x.example', { email: 'shared@x.example', department: 'Eng' }));
    dir.create(profile('b@x.example', { email: 'SHARED@x.example' }));
    dir.create(profile('c@x.example'));
    expect(dir.findBy('email', 'shared@X.example').map((u) => u.profile.login)).toEqual([
      'a@x.example',
      'b@x.example',
    ]);
    expect(dir.findBy('department', 'eng')).toHaveLength(1);
    expect(dir.findBy('department', 'sales')).toHaveLength(0);
  });
});

describe('update and replace', () => {
  it('update merges, replace swaps the whole profile, both bump lastUpdated', () => {
    const u = dir.create(profile('sarah@org1.example', { department: 'Eng' }));
    clock.advance(60_000);
    dir.update(u.id, { lastName: 'Jones' });
    expect(u.profile.lastName).toBe('Jones');
    expect(u.profile.department).toBe('Eng');
    expect(u.lastUpdated.toISOString()).toBe(T1);
    expect(u.created.toISOString()).toBe(T0);
    dir.replace(u.id, profile('sarah@org1.example', { firstName: 'Sara' }));
    expect(u.profile.firstName).toBe('Sara');
    expect(u.profile.department).toBeUndefined();
  });

  it('renames the login: old login gone, new one found, collisions refused', () => {
    const sarah = dir.create(profile('sarah@org1.example'));
    dir.create(profile('david@org1.example'));
    dir.update(sarah.id, { login: 'sarah.miller@org1.example' });
    expect(dir.find('sarah@org1.example')).toBeUndefined();
    expect(dir.find('SARAH.MILLER@org1.example')).toBe(sarah);
    expect(codeOf(() => dir.update(sarah.id, { login: 'David@org1.example' }))).toBe('OKTA_E0000001');
    expect(codeOf(() => dir.replace(sarah.id, profile('david@org1.example')))).toBe('OKTA_E0000001');
    expect(sarah.profile.login).toBe('sarah.miller@org1.example');
    // A case-only change of one's own login is not a collision.
    dir.update(sarah.id, { login: 'Sarah.Miller@org1.example' });
    expect(dir.find('sarah.miller@org1.example')?.profile.login).toBe('Sarah.Miller@org1.example');
    // The freed login can be reused.
    expect(dir.create(profile('sarah@org1.example')).id).not.toBe(sarah.id);
  });

  it('validates the new profile', () => {
    const u = dir.create(profile('sarah@org1.example'));
    expect(codeOf(() => dir.update(u.id, { login: 'abc' }))).toBe('OKTA_E0000001');
    expect(codeOf(() => dir.update('missing-user', { lastName: 'X' }))).toBe('OKTA_E0000007');
    expect(u.profile.login).toBe('sarah@org1.example');
  });
});

describe('lifecycle', () => {
  let active: OktaUser;
  beforeEach(() => {
    active = dir.create(profile('sarah@org1.example'), { password: 'pw' });
    clock.advance(60_000);
  });

  it('activate: STAGED → ACTIVE with password, PROVISIONED without; E0000016 when active', () => {
    const staged = dir.create(profile('s@x.example'), { activate: false, password: 'pw' });
    expect(dir.activate(staged.id).status).toBe('ACTIVE');
    expect(staged.activated?.toISOString()).toBe(T1);
    expect(staged.statusChanged?.toISOString()).toBe(T1);
    const bare = dir.create(profile('n@x.example'), { activate: false });
    expect(dir.activate(bare.id).status).toBe('PROVISIONED');
    expect(codeOf(() => dir.activate(active.id))).toBe('OKTA_E0000016');
    expect(codeOf(() => dir.activate(bare.id))).toBe('OKTA_E0000038');
  });

  it('deactivate → DEPROVISIONED, then activate again; second deactivate refused', () => {
    expect(dir.deactivate(active.id).status).toBe('DEPROVISIONED');
    expect(active.statusChanged?.toISOString()).toBe(T1);
    expect(codeOf(() => dir.deactivate(active.id))).toBe('OKTA_E0000038');
    expect(dir.activate(active.id).status).toBe('ACTIVE');
  });

  it('reactivate only from PROVISIONED or RECOVERY', () => {
    const prov = dir.create(profile('p@x.example'));
    expect(dir.reactivate(prov.id).status).toBe('PROVISIONED');
    expect(codeOf(() => dir.reactivate(active.id))).toBe('OKTA_E0000038');
  });

  it('suspend / unsuspend (E0000001) and lockOut / unlock (E0000038) check the current status', () => {
    expect(codeOf(() => dir.unsuspend(active.id))).toBe('OKTA_E0000001');
    expect(dir.suspend(active.id).status).toBe('SUSPENDED');
    expect(codeOf(() => dir.suspend(active.id))).toBe('OKTA_E0000001');
    expect(codeOf(() => dir.lockOut(active.id))).toBe('OKTA_E0000038');
    expect(dir.unsuspend(active.id).status).toBe('ACTIVE');
    expect(codeOf(() => dir.unlock(active.id))).toBe('OKTA_E0000038');
    expect(dir.lockOut(active.id).status).toBe('LOCKED_OUT');
    expect(dir.unlock(active.id).status).toBe('ACTIVE');
  });

  it('activateOnSignIn makes STAGED and PROVISIONED users ACTIVE, leaves others alone', () => {
    const prov = dir.create(profile('p@x.example'));
    const staged = dir.create(profile('s@x.example'), { activate: false });
    expect(dir.activateOnSignIn(prov.id).status).toBe('ACTIVE');
    expect(dir.activateOnSignIn(staged.id).status).toBe('ACTIVE');
    expect(staged.activated?.toISOString()).toBe(T1);
    dir.deactivate(active.id);
    expect(dir.activateOnSignIn(active.id).status).toBe('DEPROVISIONED');
  });

  it('delete only a DEPROVISIONED user, and frees the login', () => {
    expect(codeOf(() => dir.delete(active.id))).toBe('OKTA_E0000038');
    dir.deactivate(active.id);
    dir.delete(active.id);
    expect(dir.find(active.id)).toBeUndefined();
    expect(dir.find('sarah@org1.example')).toBeUndefined();
    expect(dir.all()).toHaveLength(0);
    expect(codeOf(() => dir.delete(active.id))).toBe('OKTA_E0000007');
  });

  it('recordLogin stamps lastLogin from the clock', () => {
    dir.recordLogin(active);
    expect(active.lastLogin?.toISOString()).toBe(T1);
  });
});

describe('passwords', () => {
  it('lists each password held once, follows a new password and forgets a deleted user', () => {
    const a = dir.create(profile('a@x.example'), { password: 'shared' });
    dir.create(profile('b@x.example'), { password: 'shared' });
    dir.create(profile('c@x.example'));
    expect(dir.passwords()).toEqual(['shared']);
    dir.setPassword(a, 'own');
    expect(dir.passwords().sort()).toEqual(['own', 'shared']);
    dir.deactivate(a.id);
    dir.delete(a.id);
    expect(dir.passwords()).toEqual(['shared']);
  });
});

describe('onChange', () => {
  it('fires on create, profile change and status change, not on refused operations', () => {
    const seen: string[] = [];
    dir.onChange((u) => seen.push(`${u.profile.login}:${u.status}`));
    const u = dir.create(profile('sarah@org1.example'), { password: 'pw' });
    dir.update(u.id, { lastName: 'Jones' });
    dir.suspend(u.id);
    expect(() => dir.suspend(u.id)).toThrow(FedsimError);
    expect(() => dir.create(profile('sarah@org1.example'))).toThrow(FedsimError);
    dir.deactivate(u.id);
    expect(seen).toEqual([
      'sarah@org1.example:ACTIVE',
      'sarah@org1.example:ACTIVE',
      'sarah@org1.example:SUSPENDED',
      'sarah@org1.example:DEPROVISIONED',
    ]);
  });

  it('a listener notified of a new user can already find it by login', () => {
    const found: (OktaUser | undefined)[] = [];
    dir.onChange((u) => found.push(dir.find(u.profile.login)));
    const u = dir.create(profile('sarah@org1.example'));
    expect(found).toEqual([u]);
  });
});
