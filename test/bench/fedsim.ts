import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { issuerOf } from '../../harness/okta/org1/org2org-app.js';
import { appIssuerOf } from '../../harness/okta/org2/saml-app.js';
import { consumeResponse } from '../../harness/saml/consume.js';
import {
  type IssuedResponse,
  type IssuerSettings,
  issueResponse,
  type ResponseRequest,
} from '../../harness/saml/issue.js';
import { EMPTY_SP_STATE, type SpProfile } from '../../harness/saml/profile.js';
import { parseScenario } from '../../harness/scenario/load.js';
import { runParsedScenario, runScenario } from '../../harness/scenario/runner.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { check } from './stats.js';

/**
 * The focused journey, apples to apples with the baseline's four messages: a fresh world,
 * provisioning org1 → org2 → dropbox, and one sign-in through both tiles over loopback HTTP
 * (user agent, check table, hops recorded).
 */
export const JOURNEY_YAML = `
name: bench - Sarah's journey (provision and sign in through both tiles)
steps:
  - assign: { user: sarah@org1.example }
  - assign: { user: sarah@org1.example, app: Dropbox Business }
  - login: { user: sarah@org1.example, tiles: [Org2Org, Dropbox Business] }
`;

/** With `trace` (the issue's definition) every hop's SAML is decoded into the result, as `--trace` does. */
export function journeyRunner(trace = true): () => Promise<void> {
  const scenario = parseScenario(JOURNEY_YAML, 'bench-journey.yaml');
  return async () => {
    const result = await runParsedScenario(scenario, 'bench-journey.yaml', { trace });
    check(result.status === 'passed', `journey passed: ${JSON.stringify(result.steps.find((s) => s.error))}`);
    if (trace)
      check(result.trace?.hops.filter((h) => h.saml).length === 2, 'the trace holds two SAML responses');
  };
}

export function fullScenarioRunner(root: string): () => Promise<void> {
  const file = join(root, 'scenarios', 'sarah-end-to-end.yaml');
  return async () => {
    const result = await runScenario(file);
    check(
      result.status === 'passed',
      `sarah-end-to-end passed: ${JSON.stringify(result.steps.find((s) => s.error))}`,
    );
  };
}

interface MessageLeg {
  settings: IssuerSettings;
  request: ResponseRequest;
  profile: () => SpProfile;
}

/** The library-level pieces, driven with the settings and SP profiles of a real (default) world. */
export interface Messages {
  world: World;
  issue(leg?: number): IssuedResponse;
  consume(issued: IssuedResponse, leg?: number): void;
  /** Whether consumeResponse already runs the schema validator (then it is not run a second time). */
  consumeValidatesSchema: boolean;
  /** null when harness/saml/schema/validate.js is not there yet. */
  schema: { validate(doc: Document): void } | null;
  close(): Promise<void>;
}

type SchemaModule = { validateSamlSchema(doc: Document): { ok: boolean; errors: unknown[] } };

/** The warm schema validator is picked up when present (it is written in parallel to this bench). */
async function loadSchemaValidator(): Promise<SchemaModule | null> {
  const url = pathToFileURL(
    join(dirname(fileURLToPath(import.meta.url)), '../../harness/saml/schema/validate.js'),
  ).href;
  try {
    return (await import(url)) as SchemaModule;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw err;
  }
}

export async function setupMessages(): Promise<Messages> {
  const world = await createWorld({ seed: 'bench' });
  const deps = { clock: world.clock, ids: world.ids };
  const dbx = world.org2.options.dropbox;
  const legs: MessageLeg[] = [
    {
      settings: { ...world.org1.app, issuer: issuerOf(world.org1.app) },
      request: {
        acsUrl: world.org2.acsUrl,
        audience: world.org2.spProfile().audience,
        nameId: 'sarah@org1.example',
        attributes: { firstName: 'Sarah', lastName: 'Miller', email: 'sarah@org1.example' },
      },
      profile: () => world.org2.spProfile(),
    },
    {
      settings: { ...dbx, issuer: appIssuerOf(dbx) },
      request: {
        acsUrl: world.dropbox.acsUrl,
        audience: world.dropbox.options.entityId,
        nameId: 'sarah@org1.example',
        attributes: { givenName: 'Sarah', surname: 'Miller', email: 'sarah@org1.example' },
      },
      profile: () => world.dropbox.spProfile(),
    },
  ];
  const schemaModule = await loadSchemaValidator();
  const leg = (i: number) => legs[i] as MessageLeg;
  const probe = consumeResponse(
    issueResponse(leg(0).settings, leg(0).request, deps).base64,
    leg(0).profile(),
    EMPTY_SP_STATE,
    world.clock.now(),
  );
  return {
    world,
    consumeValidatesSchema: 'schema' in probe.message,
    issue: (i = 0) => issueResponse(leg(i).settings, leg(i).request, deps),
    consume(issued, i = 0) {
      const result = consumeResponse(issued.base64, leg(i).profile(), EMPTY_SP_STATE, world.clock.now());
      check(result.ok, `consumeResponse accepted: ${JSON.stringify(result.checks.find((c) => !c.ok))}`);
    },
    schema: schemaModule && {
      validate(doc) {
        const result = schemaModule.validateSamlSchema(doc);
        check(result.ok, `schema-valid: ${JSON.stringify(result.errors[0])}`);
      },
    },
    close: () => world.close(),
  };
}
