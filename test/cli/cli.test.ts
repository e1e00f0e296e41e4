import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fedsim } from './in-process.js';

/** The built CLI, as a user runs it (test/global-setup.ts keeps dist/ current). */
const CLI = 'dist/harness/bundle/fedsim.js';
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('fedsim run', () => {
  // In process where the process itself is not under test: a spawn costs ~1 s of cold start.
  it('--json prints the documented report and exits 0 when every scenario passes', async () => {
    const res = await fedsim(['run', 'scenarios/sarah-end-to-end.yaml', '--json']);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc).toMatchObject({ passed: 1, failed: 0 });
    expect(doc.scenarios[0]).toMatchObject({
      file: 'scenarios/sarah-end-to-end.yaml',
      name: "Sarah's journey end to end",
      status: 'passed',
    });
    expect(doc.scenarios[0].steps.length).toBeGreaterThan(5);
    expect(doc.scenarios[0].steps.every((s: { status: string }) => s.status === 'passed')).toBe(true);
  });

  it('prints one line per scenario as it finishes, then the report, and exits 1 on a failure', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-cli-'));
    const bad = path.join(dir, 'wrong-expectation.yaml');
    writeFileSync(bad, 'name: Wrong expectation\nsteps:\n  - expect:\n      org2: { userCount: 3 }\n');
    const res = await fedsim(['run', 'scenarios/jit-creates-unprovisioned-user.yaml', bad]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/^\[1\/2\] /m);
    expect(res.stdout).toMatch(/^\[2\/2\] /m);
    expect(res.stdout).toContain('SCENARIO_EXPECTATION_FAILED: org2 user count: expected 3, got 0');
    const lines = res.stdout.trim().split('\n');
    expect(lines).toContain('1 passed, 1 failed');
    // After the report: where the failure's trace is (no SAML message failed: no explain line).
    expect(lines.at(-1)).toMatch(/^Wrong expectation: trace .*wrong-expectation\.json$/);
  });

  it('reports a malformed scenario with file, line and reason, without crashing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-cli-'));
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'name: Broken\nsteps:\n  - assign: { user: [ }\n');
    const res = await fedsim(['run', file, '--json']);
    expect(res.code).toBe(1);
    const step = JSON.parse(res.stdout).scenarios[0].steps[0];
    expect(step.error.code).toBe('SCENARIO_PARSE');
    expect(step.error.message).toContain(`${file}:3:`);
  });

  it('exits 2 with CLI_USAGE on bad usage, and prints the version', () => {
    const bad = run('frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^fedsim: CLI_USAGE: /);
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('exits 2 in a folder without scenarios/, saying where it looked', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'fedsim-cli-'));
    const res = spawnSync(process.execPath, [path.resolve(CLI), 'run'], { cwd: empty, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^fedsim: CLI_USAGE: .*scenarios/);
    expect(res.stderr).toContain(empty);
  });
});

describe('fedsim run --shard', () => {
  it('i/n for every i runs each scenario file exactly once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-shard-'));
    const files = ['a', 'b', 'c'].map((n) => path.join(dir, `${n}.yaml`));
    for (const file of files)
      writeFileSync(file, 'name: empty org2\nsteps:\n  - expect: { org2: { userCount: 0 } }\n');
    const ran: string[] = [];
    for (const shard of ['--shard=1/2', '--shard=2/2']) {
      const res = await fedsim(['run', dir, shard, '--json']);
      expect(res.code).toBe(0);
      const doc = JSON.parse(res.stdout);
      expect(doc.shard).toMatchObject({ count: 2, total: 3 });
      ran.push(...doc.scenarios.map((s: { file: string }) => s.file));
    }
    expect(ran.sort()).toEqual(files);
  });
});

describe('fedsim serve', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
  });

  // One start for both: --app-metadata adds to the finished setup, which stays as it is without it.
  it("--json prints one line of facts, serves the finished setup with --app-metadata's SP added, and stops cleanly on SIGTERM", async () => {
    const args = [
      'serve',
      '--json',
      '--app-metadata',
      'fixtures/responses/metadata/sp.xml',
      '--app-name',
      'Acme Notes',
    ];
    child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
    const facts = JSON.parse(line.toString().split('\n')[0] ?? '');
    expect(facts.org1.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(facts.org2).toMatchObject({
      idpId: expect.stringMatching(/^0oa/),
      acsUrl: expect.stringContaining('/sso/saml2/'),
    });
    expect(facts.users.map((u: { login: string }) => u.login)).toEqual([
      'sarah@org1.example',
      'david@org1.example',
    ]);

    // One console admin per party; the printed password signs org2's in.
    expect(facts.admins.map((a: { org: string; url: string }) => [a.org, a.url])).toEqual([
      ['org1', `${facts.org1.url}/admin`],
      ['org2', `${facts.org2.url}/admin`],
      ['dropbox', `${facts.dropbox.url}/admin`],
    ]);
    const org2Admin = facts.admins[1];
    const signIn = await fetch(`${facts.org2.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: org2Admin.login, password: org2Admin.password }),
      redirect: 'manual',
    });
    expect(signIn.status).toBe(303);

    // Sarah is already provisioned in org2 and in dropbox: the Users API and SCIM say so.
    const user = await fetch(`${facts.org2.url}/api/v1/users/sarah@org1.example`, {
      headers: { Authorization: `SSWS ${facts.org2.apiToken}` },
    });
    expect(user.status).toBe(200);
    const members = await fetch(
      `${facts.dropbox.scimUrl}/Users?filter=${encodeURIComponent('userName eq "sarah@org1.example"')}`,
      {
        headers: { Authorization: `Bearer ${facts.dropbox.scimToken}` },
      },
    );
    expect((await members.json()).totalResults).toBe(1);

    // --app-metadata: the SP is org2's second app, its metadata served, assigned to Sarah.
    expect(facts.apps.map((a: { name: string }) => a.name)).toEqual(['Dropbox Business', 'Acme Notes']);
    const app = facts.apps[1];
    expect(app).toMatchObject({
      name: 'Acme Notes',
      ssoUrl: `${facts.org2.url}/app/org2_acmenotes_1/${app.issuer.split('/').pop()}/sso/saml`,
      certificatePem: expect.stringContaining('BEGIN CERTIFICATE'),
    });
    const metadata = await (await fetch(app.idpMetadataUrl)).text();
    expect(metadata).toContain(`entityID="${app.issuer}"`);
    const users = await fetch(`${facts.org2.url}/api/v1/apps/${app.id}/users`, {
      headers: { Authorization: `SSWS ${facts.org2.apiToken}` },
    });
    expect(
      (await users.json()).map((u: { credentials: { userName: string } }) => u.credentials.userName),
    ).toEqual(['sarah@org1.example']);

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('exits 2 naming the taken port and what to do when --port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    try {
      const { port } = blocker.address() as AddressInfo;
      const res = run('serve', '--port', String(port));
      expect(res.status).toBe(2);
      expect(res.stderr).toContain(`fedsim: CONFIG_INVALID: Port ${port} on 127.0.0.1 is already in use`);
      expect(res.stderr).toContain('--port N');
    } finally {
      blocker.close();
    }
  });

  it('exits 2 with the error code when its world cannot start (a scenario that is not there)', () => {
    const res = run('serve', 'scenarios/no-such-scenario.yaml');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^fedsim: SCENARIO_PARSE: .*no-such-scenario\.yaml/);
  });
});
