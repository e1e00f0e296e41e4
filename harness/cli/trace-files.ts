import { join } from 'node:path';
import { scenarioStem } from '../scenario/files.js';
import type { ScenarioResult } from '../scenario/runner.js';
import type { TraceDocument } from '../trace/document.js';
import { traceHtml } from '../trace/html.js';
import { normalizeTrace } from '../trace/normalize.js';
import { explainCommand } from '../trace/page/format.js';
import { writeOutput } from './output.js';

/** Where a scenario's trace JSON goes in `dir`. */
export function tracePath(dir: string, result: ScenarioResult): string {
  return join(dir, `${scenarioStem(result.file)}.json`);
}

/** Writes `<dir>/<stem>.json` (normalised unless `raw`) and `.html`; returns the JSON's path. */
export function writeTrace(option: string, dir: string, result: ScenarioResult, raw: boolean): string {
  const stem = join(dir, scenarioStem(result.file));
  // The page and the JSON show the same document, so hop numbers and explain commands match.
  const doc = raw ? (result.trace as TraceDocument) : normalizeTrace(result.trace as TraceDocument);
  writeOutput(option, `${stem}.json`, `${JSON.stringify(doc, null, 2)}\n`);
  writeOutput(option, `${stem}.html`, traceHtml(doc, `${stem}.json`));
  return `${stem}.json`;
}

/**
 * The hop explain should look at first: in the failed step, the last SAML Response an SP refused,
 * else that step's last SAML message.
 */
export function failingHop(doc: TraceDocument): number | undefined {
  const failed = doc.steps.find((s) => s.status === 'failed')?.index;
  const inStep = doc.hops.filter((h) => h.saml && (failed === undefined || h.step === failed));
  return (inStep.findLast((h) => h.decision?.outcome === 'refused') ?? inStep.at(-1))?.n;
}

/** Where a failure's trace is and the command that explains its failing message. */
export function failureNote(path: string, doc: TraceDocument): string {
  const hop = failingHop(doc);
  const explain = hop === undefined ? '' : `\n  explain: ${explainCommand(path, hop)}`;
  return `${doc.scenario.name}: trace ${path}${explain}\n`;
}
