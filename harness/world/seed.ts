import { FedsimError } from '../core/errors.js';
import type { Dropbox } from '../dropbox/dropbox.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import type { SeedUserConfig, WorldConfig } from './config.js';
import { WORLD_DEFAULTS as D } from './defaults.js';
import { generateUsers } from './generate.js';

/** The users (and org2 groups) a scenario's world starts with; org1 gets the seed's when none are listed. */
export function seedUsers(parties: { org1: Org1; org2: Org2; dropbox: Dropbox }, config: WorldConfig): void {
  const { org1, org2 } = parties;
  for (const u of config.org1?.users ?? (D.org1Users as SeedUserConfig[])) {
    if ('generate' in u) {
      generateUsers(parties, u.generate);
      continue;
    }
    const { status, profile: extra, groups, ...profile } = u;
    const created = org1.addUser({ ...profile, ...extra, email: profile.email ?? profile.login });
    if (status === 'DEPROVISIONED') org1.directory.deactivate(created.id);
    // World seeding, not an admin's change: no app is assigned yet, so nothing follows.
    if (groups) org1.groups.setMemberships(created.id, groups, (name) => org1.groups.create({ name }));
  }
  for (const g of config.org2?.groups ?? []) {
    if (typeof g === 'string') org2.groups.create({ name: g });
    else org2.groups.create({ name: g.name }, g.id);
  }
  for (const u of config.org2?.users ?? []) {
    const { status, password, profile: extra, groups, ...base } = u;
    const profile = { ...base, ...extra };
    const created = org2.directory.create(
      { ...profile, email: profile.email ?? profile.login },
      { password, activate: status !== 'STAGED' },
    );
    if (status === 'DEPROVISIONED') org2.directory.deactivate(created.id);
    if (status === 'SUSPENDED') org2.directory.suspend(created.id);
    if (groups) setOrg2Groups(org2, created.id, groups);
  }
  for (const login of config.org2?.admins ?? []) org2.admins.add(org2.directory.get(login).id);
}

/** Makes an org2 user's memberships exactly `names` (each group must exist). */
export function setOrg2Groups(org2: Org2, idOrLogin: string, names: string[]): void {
  const groups = org2.groups;
  groups.setMemberships(org2.directory.get(idOrLogin).id, names, (name) => {
    throw new FedsimError('CONFIG_INVALID', `No group ${name} in org2`, {
      expected: groups.all().map((g) => g.profile.name),
      actual: name,
      hint: 'List it under world.org2.groups.',
    });
  });
}
