#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { toFedsimError } from '../core/errors.js';

const USAGE = `usage:
  fedsim run [files or folders…] [--json] [--trace DIR] [--junit FILE] [--concurrency N]
  fedsim serve [scenario.yaml] [--host 127.0.0.1] [--port N] [--json]
  fedsim explain [file|-] [--profile scenario.yaml|profile.json | --okta-idp idp.json | --sp-metadata sp.xml] [--idp-metadata idp.xml] [--cert pem] [--issuer X --audience X --acs URL] [--request-id ID] [--now ISO] [--json]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'explain') return (await import('./explain.js')).explainCommand(rest);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      trace: { type: 'string' },
      junit: { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  if (command === 'run') {
    const { runCommand } = await import('./run.js');
    return runCommand({
      paths: positionals,
      json: values.json,
      traceDir: values.trace,
      junit: values.junit,
      concurrency: Number(values.concurrency) || 4,
    });
  }
  if (command === 'serve') {
    // Loaded on demand: serve's thread holds no scenario runner, the world lives on its worker.
    const { serveCommand } = await import('./serve.js');
    return serveCommand({
      scenario: positionals[0],
      port: Number(values.port) || 0,
      host: values.host,
      json: values.json,
    });
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = toFedsimError(err);
    process.stderr.write(`fedsim: ${e.code}: ${e.message}\n${e.hint ? `  ${e.hint}\n` : ''}`);
    process.exitCode = 2;
  },
);
