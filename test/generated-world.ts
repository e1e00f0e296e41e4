import type { WorldConfig } from '../harness/world/config.js';

/**
 * A world whose org1 has `count` generated users, `user1@org1.example`…: all in one group `group`
 * when named (or `groups` as the generator takes them); `provisioned`: already in org2 and Dropbox.
 */
export function generatedWorld(
  count: number,
  options: {
    group?: string;
    groups?: { pattern: string; every: number };
    provisioned?: boolean;
    password?: string;
  } = {},
): WorldConfig {
  const { group, provisioned = false, password } = options;
  const groups = options.groups ?? (group ? { pattern: group, every: count } : undefined);
  return {
    org1: {
      users: [
        {
          generate: {
            count,
            template: {
              login: 'user{n}@org1.example',
              firstName: 'User',
              lastName: '{n}',
              ...(password ? { password } : {}),
            },
            ...(groups ? { groups } : {}),
            provisioned,
          },
        },
      ],
    },
  };
}

/** The scale benches' world: `count` provisioned users with a password, in 10 groups `Batch 1`… */
export function batchedWorld(count: number): WorldConfig {
  return generatedWorld(count, {
    groups: { pattern: 'Batch {g}', every: Math.ceil(count / 10) },
    provisioned: true,
    password: 'Passw0rd-1!',
  });
}
