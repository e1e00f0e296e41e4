import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { errorCodeOf, org2DropboxResponse } from '../routes-helpers.js';

/**
 * A programming error inside an ACS (here: a TypeError while reading the SP's profile, in the
 * middle of consuming a well-formed, signed response) is a bug in fedsim: INTERNAL with a 500,
 * never an input code such as SAML_XML_INVALID.
 */
let world: World;
const ids = new SeededIds('internal-errors');
const bug = () => {
  throw new TypeError("Cannot read properties of undefined (reading 'acsUrl')");
};

const dropboxResponse = () => org2DropboxResponse(world, ids, 'x@org2.example');

beforeAll(async () => {
  world = await createWorld();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => world.close());

describe('a bug inside an ACS', () => {
  it.each(['org2', 'dropbox'] as const)(
    'at %s is a 500 INTERNAL page that says it is a bug in fedsim',
    async (party) => {
      const sp = party === 'org2' ? world.org2 : world.dropbox;
      vi.spyOn(sp, 'spProfile').mockImplementation(bug);
      const res = await request(party === 'org2' ? world.org2.acsUrl : world.dropbox.acsUrl)
        .post('')
        .type('form')
        .send({ SAMLResponse: dropboxResponse() });
      expect(res.status).toBe(500);
      expect(errorCodeOf(res)).toBe('INTERNAL');
      expect(res.text).toContain('bug in fedsim');
      expect(res.text).not.toContain('node_modules');
    },
  );

  it('is recorded as INTERNAL in org2’s sign-in log, not as bad input', async () => {
    vi.spyOn(world.org2, 'spProfile').mockImplementation(bug);
    await request(world.org2.acsUrl).post('').type('form').send({ SAMLResponse: dropboxResponse() });
    expect(world.org2.signIns.at(-1)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('while input the XML parser refuses is still SAML_XML_INVALID (400)', async () => {
    const res = await request(world.dropbox.acsUrl)
      .post('')
      .type('form')
      .send({ SAMLResponse: Buffer.from('<<<').toString('base64') });
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'SAML_XML_INVALID']);
  });
});
