import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import { readOktaIdp } from '../../harness/okta/org2/idp-json.js';
import { createWorld, type World } from '../../harness/world/world.js';

// Okta management spec (okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml):
// ProvisioningGroups.assignments / filter and PolicyAccountLinkFilterGroups.include are OKTA_GROUP ids.

const CONTRACTORS = '00gk9fedq4TrWx2Lp1d7';

describe('IdP policy group and user references are ids', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld({
      org2: {
        groups: ['Engineering', { id: CONTRACTORS, name: 'Contractors' }],
        idp: {
          accountLinkGroups: ['engineering', CONTRACTORS],
          groups: { action: 'SYNC', sourceAttributeName: 'groups', filter: ['Engineering'] },
        },
      },
    });
  });
  afterAll(() => world.close());

  it('resolves scenario names to ids, so the served IdP object shows ids', async () => {
    const engineering = world.org2.groups.findByName('Engineering')?.id;
    expect(engineering).toMatch(/^00g/);
    const res = await request(world.org2.url)
      .get(`/api/v1/idps/${world.org2.idp.id}`)
      .set('Authorization', `SSWS ${world.tokens.superAdmin}`)
      .expect(200);
    expect(res.body.policy.accountLink.filter.groups.include).toEqual([engineering, CONTRACTORS]);
    expect(res.body.policy.provisioning.groups.filter).toEqual([engineering]);
  });

  it('re-resolves names given by a configure step', () => {
    world.configure({ org2: { idp: { accountLinkGroups: ['Contractors'] } } });
    expect(world.org2.idp.accountLinkGroups).toEqual([CONTRACTORS]);
  });

  it('serves users.exclude as user ids, excludeAdmins and trustClaims', async () => {
    const lee = world.org2.directory.create(
      { login: 'lee@org2.example', email: 'lee@org2.example', firstName: 'Lee', lastName: 'Park' },
      { activate: true },
    );
    world.configure({
      org2: {
        idp: {
          accountLinkExcludeUsers: ['lee@org2.example'],
          accountLinkExcludeAdmins: true,
          trustClaims: true,
        },
      },
    });
    const { body } = await request(world.org2.url)
      .get(`/api/v1/idps/${world.org2.idp.id}`)
      .set('Authorization', `SSWS ${world.tokens.superAdmin}`)
      .expect(200);
    expect(body.policy.accountLink.filter.users).toEqual({ exclude: [lee.id], excludeAdmins: true });
    expect(body.policy.trustClaims).toBe(true);
    const read = readOktaIdp(body, 'served').settings;
    expect(read).toMatchObject({
      accountLinkExcludeUsers: [lee.id],
      accountLinkExcludeAdmins: true,
      trustClaims: true,
    });
  });

  it('refuses a reference to a group org2 does not have with CONFIG_INVALID', async () => {
    const failed = await createWorld({
      org2: { idp: { accountLinkGroups: ['00gNOSUCHGROUP0000001'] } },
    }).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(FedsimError);
    expect((failed as FedsimError).code).toBe('CONFIG_INVALID');
  });
});
