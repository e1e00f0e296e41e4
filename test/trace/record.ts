import { dirname } from 'node:path';
import type { Agent, Hop } from '../../harness/agent/index.js';
import { loadScenarioFile, scenarioSeed } from '../../harness/scenario/load.js';
import { describeStep, runStep } from '../../harness/scenario/steps/index.js';
import { traceHops } from '../../harness/trace/decode.js';
import {
  TRACE_VERSION,
  type TraceDocument,
  type TracedExchange,
  type TracedSpProfile,
} from '../../harness/trace/document.js';
import { mapStrings, toPlaceholders } from '../../harness/trace/parties.js';
import { createWorld, type World } from '../../harness/world/world.js';

/**
 * A stand-in for the recorder (s4-trace-model builds the real one): runs a scenario in-process
 * and writes its browser hops as a TraceDocument, each Response posted to an ACS with the
 * receiving SP's profile as it stood when the message arrived.
 */

function spAt(world: World, url: string): TracedSpProfile | undefined {
  const profile = world.spFor(url)?.profile;
  if (!profile) return undefined;
  return {
    party: world.parties()[new URL(url).origin] ?? '',
    idpIssuer: profile.idpIssuer,
    audience: profile.audience,
    acsUrl: profile.acsUrl,
    signatureScope: profile.signatureScope,
    minSignatureAlgorithm: profile.minSignatureAlgorithm,
    maxClockSkewMs: profile.maxClockSkewMs,
    allowUnsolicited: profile.allowUnsolicited,
    requireEncryption: profile.requireEncryption ?? false,
    trustedCertsPem: profile.trustedCerts.map((c) => c.pem),
    trustedCertFingerprints: profile.trustedCerts.map((c) => c.sha256),
    outstandingRequestIds: [],
    now: world.clock.now().toISOString(),
    labels: profile.labels,
  };
}

/** Origins → `{party}` everywhere, inside the SAML too (so the base64 is re-encoded). */
function normalise(doc: TraceDocument): TraceDocument {
  const swap = (s: string) => toPlaceholders(s, doc.parties);
  const hops = doc.hops.map((h) => {
    const { durationMs: _, ...rest } = h;
    const out = mapStrings(rest, swap) as TracedExchange;
    const b64 = h.saml?.base64;
    if (!b64 || !out.saml) return out;
    const encoded = Buffer.from(swap(Buffer.from(b64, 'base64').toString('utf8'))).toString('base64');
    const formFields = out.formFields?.SAMLResponse
      ? { ...out.formFields, SAMLResponse: encoded }
      : out.formFields;
    return { ...out, formFields, saml: { ...out.saml, base64: encoded } };
  });
  return { ...doc, normalized: true, hops };
}

export async function recordTrace(
  file: string,
  options: { normalized?: boolean } = {},
): Promise<TraceDocument> {
  const scenario = loadScenarioFile(file);
  const world = await createWorld(
    { ...scenario.world, seed: scenarioSeed(scenario) },
    { baseDir: dirname(file) },
  );
  const hops: Array<Hop & { step: number; stepName: string; sp?: TracedSpProfile }> = [];
  const steps: TraceDocument['steps'] = [];
  try {
    const browsers = new Map<string, Agent>();
    for (const [i, step] of scenario.steps.entries()) {
      const stepName = describeStep(step);
      const onHop = (hop: Hop) => {
        const sp = hop.method === 'POST' && hop.formFields?.SAMLResponse ? spAt(world, hop.url) : undefined;
        hops.push({ ...hop, step: i + 1, stepName, ...(sp ? { sp } : {}) });
      };
      const status = await runStep(step, { world, browsers, onHop }).then(
        () => 'passed' as const,
        () => 'failed' as const,
      );
      steps.push({ index: i + 1, name: stepName, status });
    }
    const traced = traceHops(hops, (url) => world.spFor(url));
    const parties = Object.fromEntries(
      Object.entries(world.parties()).map(([origin, name]) => [name, origin]),
    );
    const doc: TraceDocument = {
      fedsimTrace: TRACE_VERSION,
      scenario: { name: scenario.name, file, status: 'passed' },
      parties,
      normalized: false,
      steps,
      hops: traced.map((h, i) => ({ ...(h as TracedExchange), n: i + 1, channel: 'browser' })),
    };
    return options.normalized ? normalise(doc) : doc;
  } finally {
    await world.close();
  }
}
