import type { TracedSaml } from '../trace/decode.js';
import type { TraceDocument } from '../trace/document.js';

export interface StepError {
  code: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
  hint?: string;
}

export interface StepResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  error?: StepError;
  /** For a failed step: the last SAML message it sent, decoded (the message that caused the failure). */
  saml?: TracedSaml;
  durationMs: number;
}

export interface ScenarioResult {
  file: string;
  name: string;
  status: 'passed' | 'failed';
  steps: StepResult[];
  durationMs: number;
  /**
   * Every exchange of the run (browser and party to party), raw: real origins and timings. Only
   * when asked for (`trace: true`); `normalizeTrace` gives the stable form `--trace` writes.
   */
  trace?: TraceDocument;
}

export interface ScenarioOptions {
  /** Record every exchange into `ScenarioResult.trace` (off: the parties call each other directly). */
  trace?: boolean;
}
