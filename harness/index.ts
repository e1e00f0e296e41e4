/**
 * fedsim's programmatic API: build a world, drive its steps, or run scenario files; issue and
 * check SAML responses. Every type a function here takes or returns is exported too, so callers
 * can name it (test/api/exports.test.ts checks that).
 */

// agent: the scripted browser
export type { FormChoice } from './agent/choose.js';
export type { AgentOptions, Form, Hop, Link, Page, SubmitButton } from './agent/index.js';
export { Agent } from './agent/index.js';
// core: time, ids, errors and the loopback client
export type { FrontHandlers } from './core/app.js';
export type { Clock } from './core/clock.js';
export { FixedClock, SystemClock } from './core/clock.js';
export type { ErrorCode, ErrorDetails, ErrorInfo } from './core/errors.js';
export { ERROR_CODES, ERRORS, errorInfo, FedsimError } from './core/errors.js';
export type { HttpFetch, HttpResponse } from './core/http.js';
export type { IdGenerator } from './core/ids.js';
export { SeededIds } from './core/ids.js';
export type { SecretSource } from './core/secrets.js';
export { randomSecrets } from './core/secrets.js';
// crypto: the committed test credentials
export type { CertInfo, SigningCredential } from './crypto/credential.js';
export type { CredentialName } from './crypto/store.js';
export { loadCredential } from './crypto/store.js';
// the parties, as a world holds them
export type { Dropbox } from './dropbox/dropbox.js';
export type { Member, MemberState } from './dropbox/team.js';
export type { CreateUserOptions, OktaProfile, OktaStatus, OktaUser } from './okta/directory.js';
export type { OktaGroup } from './okta/groups.js';
export type { Org2OrgTask, TaskAction } from './okta/org1/connector.js';
export type { GroupPushAction, GroupPushTask } from './okta/org1/group-push.js';
export type { Org1, SeedUser } from './okta/org1/org1.js';
export type { SignInEvent } from './okta/org2/idp-routes.js';
export type { InboundIdp } from './okta/org2/inbound-idp.js';
export type { Org2 } from './okta/org2/org2.js';
export type { ProvisioningTask, TaskStatus } from './provisioning/task-log.js';
// saml: issuing a response, and the SP's check table
export type { CheckResult } from './saml/checks/types.js';
export type { NameIdFormatName, SignatureAlgorithmName, SignatureScope } from './saml/constants.js';
export type { ConsumeResult } from './saml/consume.js';
export { consumeResponse } from './saml/consume.js';
export type { EncryptionAlgorithm } from './saml/encrypt.js';
export type { IssuedResponse, IssuerSettings, ResponseRequest } from './saml/issue.js';
export { ISSUER_DEFAULTS, issueResponse } from './saml/issue.js';
export type { InboundMessage } from './saml/message.js';
export type { ParsedAssertion, ParsedResponse, ParsedSubjectConfirmation } from './saml/parse.js';
export type { SpProfile, SpState } from './saml/profile.js';
export { EMPTY_SP_STATE } from './saml/profile.js';
export type { ResponseFields } from './saml/response-xml.js';
export type { DigestMismatch, SignatureFailure, SignatureOutcome } from './saml/signature-outcome.js';
export type { SpArrival, SpDecision } from './saml/sp.js';
// scenario: files, steps and results
export { loadScenarioFile, parseScenario } from './scenario/load.js';
export type { JsonReport } from './scenario/report.js';
export { jsonReport } from './scenario/report.js';
export type { ScenarioOptions, ScenarioResult, StepError, StepResult } from './scenario/result.js';
export type { RunOptions } from './scenario/run-many.js';
export { runScenarios } from './scenario/run-many.js';
export { runParsedScenario, runScenario } from './scenario/runner.js';
export type { Scenario, Step } from './scenario/schema.js';
export type { StepContext, StepDefinition } from './scenario/steps/index.js';
export { runStep, STEP_KINDS } from './scenario/steps/index.js';
// scim: `fedsim scim-check`, a SCIM server driven as Okta drives it
export type { ScimAuth, ScimAuthScheme } from './scim/auth.js';
export type {
  CleanupOutcome,
  ScimCheckOptions,
  ScimCheckReport,
  ScimCheckResult,
  ScimCheckVerdict,
  ScimExchange,
} from './scim/check/index.js';
export { runScimCheck } from './scim/check/index.js';
export type { ScimCheckGroup } from './scim/check/types.js';
// trace: the trace document (every exchange, SAML decoded), its recording, normalisation, reading and diffing
export type { TracedHop, TracedSaml } from './trace/decode.js';
export type { FieldDiff, HopDiff, TraceDiff } from './trace/diff.js';
export { diffTraces } from './trace/diff.js';
export type {
  Actor,
  TraceDocument,
  TracedDecision,
  TracedExchange,
  TracedSpProfile,
  TracedStep,
} from './trace/document.js';
export { REDACTED, TRACE_VERSION } from './trace/document.js';
export type { LiveEntry, LiveWorld } from './trace/live/recorder.js';
export { LIVE_TRACE_MAX_HOPS, LiveTrace } from './trace/live/recorder.js';
export { comparableTrace, normalizeTrace, restoreOrigins } from './trace/normalize.js';
export type { ReadTrace } from './trace/read.js';
export { readTrace } from './trace/read.js';
export type { CallSink, PartySinks, RecordedCall } from './trace/record.js';
// world: the three parties wired together
export type { SeedUserConfig, WorldConfig } from './world/config.js';
export type { WorldOutbound } from './world/outbound.js';
export { createWorld, World } from './world/world.js';
export type { WorldOptions, WorldSecrets } from './world/world-options.js';
