/** fedsim's programmatic API: build a world, drive its steps, or run scenario files. */

export type { Hop, Page } from './agent/index.js';
export { Agent } from './agent/index.js';
export type { Clock } from './core/clock.js';
export { FixedClock, SystemClock } from './core/clock.js';
export type { ErrorCode } from './core/errors.js';
export { ERROR_CODES, FedsimError } from './core/errors.js';
export { consumeResponse } from './saml/consume.js';
export { issueResponse } from './saml/issue.js';
export { loadScenarioFile, parseScenario } from './scenario/load.js';
export { jsonReport } from './scenario/report.js';
export type { ScenarioResult, StepResult } from './scenario/runner.js';
export { runParsedScenario, runScenario, runScenarios } from './scenario/runner.js';
export type { Scenario, Step } from './scenario/schema.js';
export { runStep } from './scenario/steps.js';
export type { WorldConfig } from './world/config.js';
export { createWorld, World } from './world/world.js';
