import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import { namedOriginsTransport } from '../../harness/core/http.js';
import type { Listening } from '../../harness/core/listen.js';
import { BROKEN_KEY, brokenScimServer } from '../scim/broken-scim-server.js';
import { fedsim } from './in-process.js';

let broken: Listening;
let silent: Server;
let silentUrl: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  broken = await brokenScimServer();
  // Accepts connections and never answers.
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
  const address = silent.address();
  silentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/scim/v2`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((done) => silent?.close(done));
  await broken?.close();
});

const brokenArgs = () => [
  'scim-check',
  `${broken.url}/scim/v2`,
  '--token',
  BROKEN_KEY,
  '--auth',
  'header:X-Api-Key',
];

describe('fedsim scim-check', () => {
  it('prints each failure with expected, observed, what was wrong and the fix; exit 1', async () => {
    const out = await fedsim(brokenArgs());
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`fedsim scim-check ${broken.url}/scim/v2 (auth: header X-Api-Key)`);
    expect(out.stdout).toMatch(
      / {2}FAIL {2}spec\.create +Required Test: Create Okta user with realistic values\n/,
    );
    expect(out.stdout).toMatch(/ {8}observed: POST \/Users \{"schemas".*→ 200 application\/scim\+json/);
    expect(out.stdout).toContain('        wrong:    status 200, expected 201\n');
    expect(out.stdout).toMatch(/ {8}fix: {6}Answer a successful POST \/Users with 201 Created/);
    expect(out.stdout).toMatch(/ {2}deleted {5}fedsim-okta-/);
    expect(out.stdout).toMatch(/\n27 checks: \d+ pass, \d+ fail, 0 skip\n$/);
  });

  it('--json prints the report', async () => {
    const out = await fedsim([...brokenArgs(), '--json']);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(report.url).toBe(`${broken.url}/scim/v2`);
    expect(report.counts.fail).toBeGreaterThanOrEqual(11);
    expect(report.results[0]).toMatchObject({ id: 'okta.lookup', group: 'okta', verdict: 'fail' });
  });

  it('a refused credential on the first request: exit 2 SCIM_CHECK_REFUSED, nothing created', async () => {
    const out = await fedsim(['scim-check', `${broken.url}/scim/v2`, '--token', 'wrong']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^fedsim: SCIM_CHECK_REFUSED: .* refused the credential on the first request \(GET \/Users\?filter=.* → 401/,
    );
    expect(out.stdout).toBe('');
  });

  it('nothing listening: exit 2 HTTP_FAILED', async () => {
    const out = await fedsim(['scim-check', 'http://127.0.0.1:9/scim/v2', '--token', 't']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^fedsim: HTTP_FAILED: No answer from http:\/\/127\.0\.0\.1:9\/scim\/v2: no answer: .*ECONNREFUSED/,
    );
  });

  it('a server that never answers does not hang it: exit 2 after --timeout', async () => {
    const out = await fedsim(['scim-check', silentUrl, '--token', 't', '--timeout', '150']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('no answer within 150 ms');
  });

  it.each([
    [['scim-check', 'http://127.0.0.1:9/scim/v2'], "required option '--token <token>' not specified"],
    [
      ['scim-check', 'http://127.0.0.1:9', '--token', 't', '--auth', 'oauth'],
      'Expected bearer, basic or header:NAME',
    ],
    [['scim-check', 'ftp://127.0.0.1/scim', '--token', 't'], 'is not an http(s) URL'],
    [
      ['scim-check', 'http://127.0.0.1:9', '--token', 't', '--auth', 'basic'],
      '--auth basic takes --token user:password',
    ],
    [
      ['scim-check', 'http://127.0.0.1:9', '--token', 't', '--timeout', '0'],
      'Expected an integer from 1 to 600000',
    ],
  ])('usage error %j: exit 2 CLI_USAGE', async (argv, message) => {
    const out = await fedsim(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^fedsim: CLI_USAGE: /);
    expect(out.stderr).toContain(message);
  });

  it('--help lists every option with its default', async () => {
    const out = await fedsim(['scim-check', '--help']);
    expect(out.code).toBe(0);
    for (const option of [
      '--token <token>',
      '--auth <scheme>',
      '(default: "bearer")',
      '--timeout <ms>',
      '(default: 10000)',
      '--json',
    ])
      expect(out.stdout).toContain(option);
  });
});

describe('namedOriginsTransport', () => {
  it('refuses any origin but loopback and the one named', async () => {
    const fetch = namedOriginsTransport(['https://scim.example.test'], 100);
    const refused = await fetch('https://other.example.test/scim/v2/Users').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FedsimError);
    expect((refused as FedsimError).code).toBe('HTTP_OUTBOUND_BLOCKED');
  });
});
