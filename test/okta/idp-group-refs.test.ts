import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import { createWorld, type World } from '../../harness/world/world.js';

// Okta management spec (okta/okta-management-openapi-spec, dist/current/management-oneOfInheritance.yaml):
// ProvisioningGroups.assignments / filter and PolicyAccountLinkFilterGroups.include are OKTA_GROUP ids.

const CONTRACTORS = '00gk9fedq4TrWx2Lp1d7';

describe('IdP policy group references are group ids', () => {
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

  it('refuses a reference to a group org2 does not have with CONFIG_INVALID', async () => {
    const failed = await createWorld({
      org2: { idp: { accountLinkGroups: ['00gNOSUCHGROUP0000001'] } },
    }).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(FedsimError);
    expect((failed as FedsimError).code).toBe('CONFIG_INVALID');
  });
});
