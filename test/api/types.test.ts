import {
  Agent,
  type AgentOptions,
  type CheckResult,
  type Clock,
  type ConsumeResult,
  consumeResponse,
  createWorld,
  EMPTY_SP_STATE,
  FixedClock,
  type Form,
  type Hop,
  type HttpFetch,
  type IdGenerator,
  ISSUER_DEFAULTS,
  type IssuedResponse,
  type IssuerSettings,
  issueResponse,
  type JsonReport,
  jsonReport,
  loadCredential,
  loadScenarioFile,
  type Page,
  parseScenario,
  type ResponseRequest,
  type RunOptions,
  runParsedScenario,
  runScenario,
  runScenarios,
  runStep,
  type Scenario,
  type ScenarioOptions,
  type ScenarioResult,
  SeededIds,
  type SpProfile,
  type SpState,
  type Step,
  type StepContext,
  type World,
  type WorldConfig,
  type WorldOptions,
} from 'fedsim';
import { describe, expect, expectTypeOf, it } from 'vitest';

/**
 * The package entry names every type its functions take and return: these assertions are checked
 * by `tsc --noEmit` (npm run lint) against dist/'s declarations, as a user's editor sees them.
 */
describe('the package entry exports the types of its functions', () => {
  it('saml: issueResponse and consumeResponse', () => {
    expectTypeOf(issueResponse).parameters.toEqualTypeOf<
      [IssuerSettings, ResponseRequest, { clock: Clock; ids: IdGenerator }]
    >();
    expectTypeOf(issueResponse).returns.toEqualTypeOf<IssuedResponse>();
    expectTypeOf(consumeResponse).parameters.toEqualTypeOf<[string, SpProfile, SpState, Date]>();
    expectTypeOf(consumeResponse).returns.toEqualTypeOf<ConsumeResult>();
    expectTypeOf<ConsumeResult['checks']>().toEqualTypeOf<CheckResult[]>();
  });

  it('world, scenario and steps', () => {
    expectTypeOf(createWorld).parameters.toEqualTypeOf<[WorldConfig?, WorldOptions?]>();
    expectTypeOf(createWorld).returns.toEqualTypeOf<Promise<World>>();
    expectTypeOf(parseScenario).returns.toEqualTypeOf<Scenario>();
    expectTypeOf(loadScenarioFile).returns.toEqualTypeOf<Scenario>();
    expectTypeOf(runScenario).parameters.toEqualTypeOf<[string, ScenarioOptions?]>();
    expectTypeOf(runParsedScenario).returns.toEqualTypeOf<Promise<ScenarioResult>>();
    expectTypeOf(runScenarios).parameters.toEqualTypeOf<[string[], RunOptions?]>();
    expectTypeOf(runStep).parameters.toEqualTypeOf<[Step, StepContext]>();
    expectTypeOf(jsonReport).returns.toEqualTypeOf<JsonReport>();
    expectTypeOf<StepContext['onHop']>().parameter(0).toEqualTypeOf<Hop>();
    expectTypeOf<ScenarioResult['trace']>().not.toBeAny();
    expectTypeOf(Agent).constructorParameters.toEqualTypeOf<[AgentOptions]>();
    expectTypeOf<AgentOptions['fetch']>().toEqualTypeOf<HttpFetch>();
    expectTypeOf<Page['forms']>().items.toEqualTypeOf<Form>();
  });

  it('a response issued and consumed with nothing but the package entry', () => {
    const clock = new FixedClock('2026-01-15T09:00:00.000Z');
    const acsUrl = 'https://sp.example/acs';
    const settings: IssuerSettings = {
      ...ISSUER_DEFAULTS,
      issuer: 'https://idp.example',
      credential: loadCredential('org1-org2org'),
    };
    const issued = issueResponse(
      settings,
      { acsUrl, audience: 'https://sp.example', nameId: 'sarah@org1.example', attributes: {} },
      { clock, ids: new SeededIds('api-types') },
    );
    const profile: SpProfile = {
      idpIssuer: settings.issuer,
      trustedCerts: [settings.credential.cert],
      audience: 'https://sp.example',
      acsUrl,
      signatureScope: 'ANY',
      minSignatureAlgorithm: 'SHA-256',
      maxClockSkewMs: 120_000,
      allowUnsolicited: true,
      labels: { idpApp: 'the test IdP', sp: 'the test SP' },
    };
    const result = consumeResponse(issued.base64, profile, EMPTY_SP_STATE, clock.now());
    expect(result.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual([]);
    expect(result.message.assertion?.nameId).toBe('sarah@org1.example');
  });
});
