import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';

const errorCode = (html: string) => /<meta name="fedsim-error-code" content="([^"]+)"/.exec(html)?.[1];

describe('hostile bodies at the browser-facing endpoints', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });
  afterAll(() => world.close());

  it.each(['org2', 'dropbox'] as const)(
    'an oversized SAMLResponse at %s gets a 413 page with a stable code, no stack, no user',
    async (party) => {
      const acs = party === 'org2' ? world.org2.acsUrl : world.dropbox.acsUrl;
      const res = await fetch(acs, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `SAMLResponse=${'A'.repeat(700_000)}`,
      });
      const html = await res.text();
      expect(res.status).toBe(413);
      expect(errorCode(html)).toBe('HTTP_BODY_TOO_LARGE');
      expect(html).not.toContain('node_modules');
      expect(world.org2.directory.all()).toHaveLength(0);
    },
  );

  it('a malformed %-escape in the form body gets a 400 page with a stable code', async () => {
    const res = await fetch(world.org2.acsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'SAMLResponse=%E0%A4%A',
    });
    expect(res.status).toBe(400);
    expect(errorCode(await res.text())).toMatch(/^(SAML_BASE64_INVALID|HTTP_BODY_INVALID)$/);
  });
});
