import { parse } from 'node-html-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../routes-helpers.js';
import { type ConsoleWorld, consoleWorld, lastEvent, type Org, page, post } from './console-helpers.js';

/**
 * Security → API → Tokens (help.okta.com "Manage Okta API tokens"): a created token's value is
 * shown once, works on the org's API with its creator's role, is listed by name with created and
 * last used, and once revoked gets Okta's 401 E0000011 "Invalid token provided"
 * (developer.okta.com/docs/reference/error-codes).
 */
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
});
afterAll(() => cw?.world.close());

const users = (org: Org, token: string) =>
  request(cw.world[org].url).get('/api/v1/users?limit=1').set('authorization', `SSWS ${token}`);

async function create(org: Org, name: string): Promise<string> {
  const res = await post(cw, org, '/admin/api-tokens', { name });
  expect(res.status).toBe(201);
  expect(res.headers['cache-control']).toBe('no-store');
  return parse(res.text).querySelector('#token-value')?.getAttribute('value') ?? '';
}

describe.each(['org1', 'org2'] as const)('%s API tokens', (org) => {
  it('creates a token shown once, which works on the API; revoked, it gets 401 E0000011', async () => {
    const value = await create(org, 'CI pipeline');
    expect(value).toMatch(/^00[\w-]{40}$/);
    expect(lastEvent(cw, org)?.eventType).toBe('system.api_token.create');
    expect((await users(org, value)).status).toBe(200);
    // Only a digest is kept: the value is nowhere in the org's tokens.
    expect(JSON.stringify(cw.world[org].apiTokens.list())).not.toContain(value);

    const list = await page(cw, org, '/admin/api-tokens');
    expect(list.text).not.toContain(value);
    const row = parse(list.text)
      .querySelectorAll('tbody tr')
      .find((r) => r.text.includes('CI pipeline'));
    expect(row?.text).toContain('Super Administrator');
    expect(row?.text).toContain(`••••••••${value.slice(-4)}`);
    // Last used is the call above, not a dash.
    expect(row?.querySelectorAll('td')[4]?.text).toMatch(/UTC$/);

    const [token] = cw.world[org].apiTokens.list().filter((t) => t.name === 'CI pipeline');
    const revoked = await post(cw, org, `/admin/api-tokens/${token?.id}/revoke`);
    expect([revoked.status, revoked.headers.location]).toEqual([303, '/admin/api-tokens?done=revoke']);
    expect(lastEvent(cw, org)?.eventType).toBe('system.api_token.revoke');
    const refused = await users(org, value);
    expect([refused.status, refused.body.errorCode, refused.body.errorSummary]).toEqual([
      401,
      'E0000011',
      'Invalid token provided',
    ]);
  });
});

describe('a token acts as its creator is now', () => {
  it('stops working when its creator is no longer an active admin', async () => {
    const value = await create('org1', 'Owner leaves');
    const owner = cw.world.org1.directory.find(cw.world.org1.apiTokens.list().at(-1)?.userId ?? '');
    expect(owner).toBeDefined();
    cw.world.org1.directory.suspend(owner?.id ?? '');
    expect((await users('org1', value)).status).toBe(401);
    cw.world.org1.directory.unsuspend(owner?.id ?? '');
    expect((await users('org1', value)).status).toBe(200);
  });

  it('a token of org1 is not one of org2', async () => {
    const value = await create('org1', 'org1 only');
    expect((await users('org2', value)).status).toBe(401);
    expect((await users('org1', value)).status).toBe(200);
  });

  it('a blank name is refused on the form, as Okta requires one', async () => {
    const res = await post(cw, 'org1', '/admin/api-tokens', { name: ' ' }).set(
      'referer',
      `${cw.world.org1.url}/admin/api-tokens`,
    );
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'OKTA_E0000001']);
    expect(parse(res.text).querySelector('#f-name-error')).not.toBeNull();
  });

  it("the world's tokens (the Org2Org connector's) are listed masked and still work", async () => {
    const res = await page(cw, 'org2', '/admin/api-tokens');
    expect(res.text).not.toContain(cw.world.tokens.superAdmin);
    expect((await users('org2', cw.world.tokens.superAdmin)).status).toBe(200);
  });
});
