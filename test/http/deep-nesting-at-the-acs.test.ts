import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_META } from '../../harness/core/html.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { org1Org2Response } from '../routes-helpers.js';

/**
 * The deepest nesting under the size limit is refused at org2's ACS while a sign-in page of
 * another party is answered meanwhile (all parties share one thread). Timings are measured by
 * `npm run bench -- --hostile`, not asserted here.
 */
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

afterAll(async () => {
  await world?.close();
});

function deepResponse(levels: number): string {
  const { xml } = org1Org2Response(world, 'sarah@org1.example');
  const deep = xml.replace(
    '</saml2:Issuer>',
    `</saml2:Issuer>${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`,
  );
  return new URLSearchParams({ SAMLResponse: Buffer.from(deep).toString('base64') }).toString();
}

describe('a deeply nested SAMLResponse at org2 while org1 serves its sign-in page', () => {
  it('refuses 19,000 levels with SAML_XML_TOO_DEEP and answers the concurrent GET /login', async () => {
    const post = fetch(world.org2.acsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: deepResponse(19_000),
      redirect: 'manual',
    });
    const login = fetch(`${world.org1.url}/login`);
    const [acs, page] = await Promise.all([post, login]);
    expect(acs.status).toBe(400);
    const code = parse(await acs.text())
      .querySelector(`meta[name="${ERROR_META}"]`)
      ?.getAttribute('content');
    expect(code).toBe('SAML_XML_TOO_DEEP');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="sign-in"');
  });
});
