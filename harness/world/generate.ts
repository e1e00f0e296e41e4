import type { Dropbox } from '../dropbox/dropbox.js';
import type { OktaUser } from '../okta/directory.js';
import type { OktaGroup } from '../okta/groups.js';
import { createOptions } from '../okta/org1/initial-status.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import type { GeneratedUsersConfig } from './config.js';

/** `{n}` (and `{g}` in group names) replaced in a pattern. */
const fill = (pattern: string, name: string, value: number) => pattern.replaceAll(`{${name}}`, String(value));

/**
 * A `generate` entry of world.org1.users: `count` org1 users from the template, their groups, and,
 * when `provisioned`, the state provisioning would have left (docs/decisions/bulk-worlds.md): the
 * Org2Org assignment linked to an org2 user, that user assigned to Dropbox Business and a member
 * of the team. Seeded in process: a world's starting state is not a push to watch, and 100,000
 * pushes over HTTP take minutes where the seed takes seconds.
 */
export function generateUsers(
  parties: { org1: Org1; org2: Org2; dropbox: Dropbox },
  gen: GeneratedUsersConfig,
): void {
  const { org1 } = parties;
  const groups = new Map<string, OktaGroup>();
  const groupFor = (name: string) => {
    const group = groups.get(name) ?? org1.groups.findByName(name) ?? org1.groups.create({ name });
    groups.set(name, group);
    return group;
  };
  const t = gen.template;
  for (let n = 1; n <= gen.count; n++) {
    const login = fill(t.login, 'n', n);
    const user = org1.addUser({
      login,
      email: t.email === undefined ? login : fill(t.email, 'n', n),
      firstName: fill(t.firstName, 'n', n),
      lastName: fill(t.lastName, 'n', n),
      password: t.password,
    });
    if (gen.groups)
      org1.groups.addMember(
        groupFor(fill(gen.groups.pattern, 'g', Math.ceil(n / gen.groups.every))).id,
        user.id,
      );
    if (gen.provisioned) seedProvisioned(parties, user);
  }
}

/** What a done Org2Org push and a done Dropbox push leave, without the pushes. */
function seedProvisioned(
  { org1, org2, dropbox }: { org1: Org1; org2: Org2; dropbox: Dropbox },
  user: OktaUser,
): void {
  const app = org1.app;
  org1.appUsers.assign(app.id, user.id, org1.appUserName(user));
  const { email, firstName, lastName } = user.profile;
  const remote = org2.directory.create(
    { login: org1.appUserName(user), email, firstName, lastName },
    createOptions(app.provisioning.initialStatus, user.password),
  );
  org1.connector.links.set(user.id, remote.id);
  org1.appUsers.pushed(app.id, user.id, 'done');
  const dbx = org2.options.dropbox;
  const userName = org2.apps.userNameOf(dbx, remote);
  org2.appUsers.assign(dbx.id, remote.id, userName);
  const member = dropbox.team.create({
    userName,
    givenName: firstName,
    familyName: lastName,
    email,
    externalId: remote.id,
  });
  org2.provisioner.adopt(remote.id, member.id);
  org2.appUsers.pushed(dbx.id, remote.id, 'done');
}
