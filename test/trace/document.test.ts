import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../harness/scenario/runner.js';
import type { TraceDocument, TracedExchange } from '../../harness/trace/document.js';
import { normalizeTrace, restoreOrigins } from '../../harness/trace/normalize.js';
import { fedsim } from '../cli/in-process.js';

async function traceOf(file: string): Promise<TraceDocument> {
  const result = await runScenario(file, { trace: true });
  if (!result.trace) throw new Error(`no trace for ${file}`);
  return result.trace;
}

const acsHops = (doc: TraceDocument) => doc.hops.filter((h) => h.decision);

describe('an SP that refuses shows why in the trace', () => {
  it("org2's ACS: the check table as it ran, the failing row and the refusal's code", async () => {
    const doc = await traceOf('scenarios/audience-mismatch.yaml');
    const [acs] = acsHops(doc) as [TracedExchange];
    expect(acs).toMatchObject({ from: 'browser:sarah@org1.example', to: 'org2', initiator: 'org1', step: 2 });
    expect(acs.status).toBeGreaterThanOrEqual(400);
    expect(acs.decision).toMatchObject({ outcome: 'refused', code: 'SAML_AUDIENCE_MISMATCH' });
    const failed = acs.checks?.filter((c) => !c.ok);
    expect(failed?.map((c) => c.code)).toEqual(['SAML_AUDIENCE_MISMATCH']);
    expect(failed?.[0]?.actual).toBe('https://www.okta.com/saml2/service-provider/spwrongaudience00000');
    expect(acs.sp).toMatchObject({ party: 'org2', audience: failed?.[0]?.expected, acsUrl: acs.url });
    expect(acs.sp?.trustedCertFingerprints).toHaveLength(acs.sp?.trustedCertsPem.length ?? -1);
  });

  it("dropbox's ACS refuses a response signed with a certificate it does not trust", async () => {
    const doc = await traceOf('scenarios/dropbox-wrong-certificate.yaml');
    const refused = acsHops(doc).filter((h) => h.decision?.outcome === 'refused');
    expect(refused.map((h) => [h.to, h.sp?.party, h.decision?.code])).toEqual([
      ['dropbox', 'dropbox', refused[0]?.checks?.find((c) => !c.ok)?.code],
    ]);
    expect(refused[0]?.decision?.code).toMatch(/^SAML_SIGNATURE/);
  });

  it('an accepted sign-in records the policy decision and the AuthnRequest the SP waited for', async () => {
    const doc = await traceOf('scenarios/sp-initiated-at-org2.yaml');
    const request = doc.hops.find((h) => h.saml?.kind === 'AuthnRequest');
    const [org2, dropbox] = acsHops(doc);
    expect(org2?.decision).toMatchObject({ outcome: 'linked', login: 'sarah@org1.example' });
    expect(org2?.sp?.outstandingRequestIds).toEqual([
      (request?.saml?.decoded as { id?: string } | undefined)?.id,
    ]);
    expect(org2?.sp?.now).toBe('2026-01-15T09:00:00.000Z');
    expect(org2?.checks?.every((c) => c.ok)).toBe(true);
    expect(dropbox?.decision).toMatchObject({ outcome: 'signed-in', login: 'sarah@org1.example' });
  });
});

describe('calls between parties are hops', () => {
  it('a provisioning-only scenario lists its Users API and SCIM calls, step by step', async () => {
    const doc = await traceOf('scenarios/profile-change-reaches-dropbox.yaml');
    expect(doc.hops.every((h) => h.channel === 'api' && h.kind === 'api')).toBe(true);
    const calls = doc.hops.map((h) => `${h.step} ${h.from}->${h.to} ${h.method} ${new URL(h.url).pathname}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^1 org1->org2 POST \/api\/v1\/users$/),
        expect.stringMatching(/^2 org2->dropbox POST \/scim\/v2\/Users$/),
        expect.stringMatching(/^4 org1->org2 POST \/api\/v1\/users\/00u\w+$/),
        expect.stringMatching(/^4 org2->dropbox PUT \/scim\/v2\/Users\/[\w-]+$/),
      ]),
    );
    const users = doc.hops.find((h) => h.method === 'POST' && h.url.endsWith('/api/v1/users?activate=true'));
    expect(users?.requestHeaders?.authorization).toBe('SSWS [redacted]');
    expect(users?.requestBody).toMatchObject({
      profile: { login: 'sarah@org1.example', lastName: 'Miller' },
    });
    expect(users?.responseBody).toMatchObject({ status: 'PROVISIONED' });
    const scim = doc.hops.find((h) => h.to === 'dropbox' && h.method === 'POST');
    expect(scim?.requestHeaders?.authorization).toBe('Bearer [redacted]');
    expect(scim?.status).toBe(201);
  });

  it('metadata fetched while the world is built is a hop of the importing party, before any step', async () => {
    const doc = await traceOf('scenarios/trust-wired-from-metadata.yaml');
    const imports = doc.hops.filter((h) => h.step === undefined);
    expect(imports.map((h) => `${h.from}->${h.to} ${h.status}`)).toEqual([
      'org2->org1 200',
      'org1->org2 200',
      'dropbox->org2 200',
    ]);
    expect(String(imports[0]?.responseBody)).toContain('EntityDescriptor');
  });

  it('a dropped connection is a hop with status 0 and the reason', async () => {
    const doc = await traceOf('scenarios/dropbox-scim-dropped-connection-recovers.yaml');
    const dropped = doc.hops.filter((h) => h.status === 0);
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ from: 'org2', to: 'dropbox', error: expect.any(String) });
  });
});

describe('secrets and normalisation', () => {
  it('redacts passwords in forms and API bodies, keeping the field', async () => {
    const login = await traceOf('scenarios/sarah-end-to-end.yaml');
    expect(login.hops.find((h) => h.formFields?.password)?.formFields).toMatchObject({
      username: 'sarah@org1.example',
      password: '[redacted]',
    });
    const push = await traceOf('scenarios/org2org-initial-status-active-with-password.yaml');
    const create = push.hops.find((h) => h.method === 'POST' && h.url.includes('/api/v1/users?'));
    expect(create?.requestBody).toMatchObject({ credentials: { password: { value: '[redacted]' } } });
  });

  it('writes origins as placeholders, keeps them in parties, and drops timings', async () => {
    const raw = await traceOf('scenarios/sp-initiated-at-org2.yaml');
    const doc = normalizeTrace(raw);
    const text = JSON.stringify({ ...doc, parties: {} });
    const ports = Object.values(raw.parties).map((o) => o.replace('http://', ''));
    // Only the signed SAML values carry a port (inside the signed XML, so inside base64).
    expect(ports.filter((p) => text.includes(p))).toEqual([]);
    expect(doc.hops.some((h) => h.durationMs !== undefined)).toBe(false);
    expect(doc.hops[0]?.url.startsWith('{org1}/') || doc.hops[0]?.url.startsWith('{org2}/')).toBe(true);
    const back = restoreOrigins(doc);
    expect(back.hops.map((h) => h.url)).toEqual(raw.hops.map((h) => h.url));
    expect(back.hops.map((h) => h.saml?.base64)).toEqual(raw.hops.map((h) => h.saml?.base64));
  });
});

describe('a failed run points to its trace', () => {
  it('writes the trace without --trace and prints the explain command for the refused message', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fedsim-failure-'));
    const file = path.join(dir, 'broken-audience.yaml');
    const scenario = readFileSync('scenarios/audience-mismatch.yaml', 'utf8').replace(
      /\n\s+expectError: SAML_AUDIENCE_MISMATCH/,
      '',
    );
    writeFileSync(file, scenario);
    const out = await fedsim(['run', file, '--trace-on-failure', path.join(dir, 'traces')]);
    expect(out.code).toBe(1);
    const written = path.join(dir, 'traces', 'broken-audience.json');
    const doc = JSON.parse(readFileSync(written, 'utf8')) as TraceDocument;
    const refused = doc.hops.find((h) => h.decision?.outcome === 'refused');
    expect(out.stdout).toContain(`fedsim explain ${written} --hop ${refused?.n}`);
    expect(doc).toMatchObject({ normalized: true, scenario: { status: 'failed' } });
  });
});
