import type { WorldConfig } from '../../harness/world/config.js';

/**
 * The group-assignment tests' org1: Sarah in Contractors and Partners, David in Partners, Emma in
 * no group; Org2Org deactivates users in org2 unless `deactivate` is false.
 */
export function contractorsConfig(deactivate = true): WorldConfig {
  const password = 'Passw0rd-Passw0rd!';
  return {
    org1: {
      users: [
        {
          login: 'sarah@org1.example',
          firstName: 'Sarah',
          lastName: 'M',
          password,
          groups: ['Contractors', 'Partners'],
        },
        { login: 'david@org1.example', firstName: 'David', lastName: 'O', password, groups: ['Partners'] },
        { login: 'emma@org1.example', firstName: 'Emma', lastName: 'K', password },
      ],
      org2org: { provisioning: { deactivate } },
    },
  };
}
