import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../harness/scenario/load.js';
import { runParsedScenario } from '../../harness/scenario/runner.js';
import { createWorld, type World } from '../../harness/world/world.js';

// world.org1.users[].generate: many users from a pattern, their groups, and a world that starts
// with them provisioned into org2 and Dropbox (issue 16).

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const GENERATE = {
  count: 25,
  template: {
    login: 'user{n}@org1.example',
    firstName: 'User',
    lastName: 'Number {n}',
    password: 'Passw0rd-{n}!',
  },
  groups: { pattern: 'Batch {g}', every: 10 },
};

describe('generated org1 users', () => {
  it('fills logins, names and groups from the patterns, next to users listed one by one', async () => {
    world = await createWorld({
      org1: {
        users: [{ login: 'ann@org1.example', firstName: 'Ann', lastName: 'Lee' }, { generate: GENERATE }],
      },
    });
    const { directory, groups } = world.org1;
    expect(directory.all()).toHaveLength(26);
    expect(directory.get('user25@org1.example').profile).toMatchObject({
      email: 'user25@org1.example',
      firstName: 'User',
      lastName: 'Number 25',
    });
    expect(groups.all().map((g) => [g.profile.name, g.members.size])).toEqual([
      ['Batch 1', 10],
      ['Batch 2', 10],
      ['Batch 3', 5],
    ]);
    expect(world.org2.directory.all()).toHaveLength(0);
  });

  it('starts provisioned: linked org2 users, Dropbox members, and a sign-in through both tiles', async () => {
    const scenario = parseScenario(
      `name: bulk world
world:
  org1:
    users:
      - generate:
          count: 25
          template: { login: "user{n}@org1.example", firstName: User, lastName: "{n}", password: Passw0rd-1! }
          provisioned: true
steps:
  - login: { user: user17@org1.example, password: Passw0rd-1!, tiles: [Org2Org, Dropbox Business] }
  - expect: { dropbox: { member: user17@org1.example, state: active, memberCount: 25 } }
`,
      'bulk.yaml',
    );
    const result = await runParsedScenario(scenario, 'bulk.yaml', {});
    expect(result.steps.find((s) => s.error)?.error).toBeUndefined();
    expect(result.status).toBe('passed');
  });

  it('links each provisioned user as a push would have: no task was needed', async () => {
    world = await createWorld({ org1: { users: [{ generate: { ...GENERATE, provisioned: true } }] } });
    const user = world.org1.directory.get('user3@org1.example');
    const remote = world.org2.directory.get('user3@org1.example');
    expect(world.org1.connector.links.get(user.id)).toBe(remote.id);
    expect(remote.status).toBe('PROVISIONED');
    expect(world.dropbox.team.findByUserName('USER3@org1.example')?.externalId).toBe(remote.id);
    expect(world.org2.provisioner.externalId(remote.id)).toBe(
      world.dropbox.team.findByUserName('user3@org1.example')?.id,
    );
    expect(world.org1.connector.tasks).toEqual([]);
  });
});
