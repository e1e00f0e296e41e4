import { performance } from 'node:perf_hooks';
import { FedsimError } from '../core/errors.js';
import { namedOriginsTransport } from '../core/http.js';
import { randomSecrets } from '../core/secrets.js';
import type { ScimAuthScheme } from '../scim/auth.js';
import { runScimCheck, type ScimCheckReport, type ScimCheckResult } from '../scim/check/index.js';
import type { ScimCheckGroup } from '../scim/check/types.js';
import type { CliIo } from './io.js';

export interface ScimCheckInput {
  url: string;
  token: string;
  auth: ScimAuthScheme;
  timeoutMs: number;
  json: boolean;
}

const GROUPS: Record<ScimCheckGroup, string> = {
  okta: "Okta's provisioning lifecycle, sent by Okta's SCIM client",
  spec: "Okta SCIM 2.0 SPEC Test (the Runscope suite of Okta's OIN submission)",
  rfc: 'RFC 7643/7644 rules Okta relies on',
};

function usage(message: string): FedsimError {
  return new FedsimError('CLI_USAGE', message, { hint: "'fedsim scim-check --help' lists every option." });
}

function validated(input: ScimCheckInput): void {
  const url = URL.canParse(input.url) ? new URL(input.url) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw usage(
      `${input.url} is not an http(s) URL; give the SCIM base URL, e.g. http://127.0.0.1:8080/scim/v2`,
    );
  }
  if (input.auth === 'basic' && !input.token.includes(':')) {
    throw usage('--auth basic takes --token user:password');
  }
}

const pad = (text: string, width: number) => text.padEnd(width);

function row(r: ScimCheckResult, width: number): string {
  const head = `  ${r.verdict.toUpperCase().padEnd(4)}  ${pad(r.id, width)}  ${r.title}\n`;
  if (r.verdict === 'pass') return head;
  const indent = ' '.repeat(8);
  const lines =
    r.verdict === 'skip'
      ? [`skipped:  ${r.reasons.join('; ')}`]
      : [
          `expected: ${r.expectation}`,
          ...r.observed.map((e) => `observed: ${e.request} → ${e.response}`),
          ...r.reasons.map((reason) => `wrong:    ${reason}`),
          `fix:      ${r.fix}`,
        ];
  return head + lines.map((l) => `${indent}${l}\n`).join('');
}

function text(report: ScimCheckReport, auth: string): string {
  const width = Math.max(...report.results.map((r) => r.id.length));
  let out = `fedsim scim-check ${report.url} (auth: ${auth})\n`;
  let group: ScimCheckGroup | undefined;
  for (const r of report.results) {
    if (r.group !== group) {
      group = r.group;
      out += `\n${GROUPS[group]}\n`;
    }
    out += row(r, width);
  }
  out += '\nCleanup:\n';
  out += report.cleanup.length
    ? report.cleanup.map((c) => `  ${c.outcome.padEnd(11)} ${c.userName} (${c.id}): ${c.detail}\n`).join('')
    : '  nothing was created\n';
  const { pass, fail, skip } = report.counts;
  return `${out}\n${report.results.length} checks: ${pass} pass, ${fail} fail, ${skip} skip\n`;
}

/** `fedsim scim-check URL --token T [--auth …] [--timeout ms] [--json]`. */
export async function scimCheckCommand(input: ScimCheckInput, io: CliIo): Promise<number> {
  validated(input);
  const fetch = namedOriginsTransport([new URL(input.url).origin], input.timeoutMs);
  const report = await runScimCheck({
    url: input.url,
    auth: { scheme: input.auth, token: input.token },
    fetch,
    now: () => performance.now(),
    random: () =>
      randomSecrets
        .token(10)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x'),
  }).finally(() => fetch.close());
  const auth = typeof input.auth === 'object' ? `header ${input.auth.header}` : input.auth;
  io.stdout(input.json ? `${JSON.stringify(report, null, 2)}\n` : text(report, auth));
  return report.counts.fail > 0 ? 1 : 0;
}
