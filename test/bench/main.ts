import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseUntrustedXml } from '../../harness/saml/xml.js';
import { setupBaseline } from './baseline.js';
import { fullScenarioRunner, journeyRunner, setupMessages } from './fedsim.js';
import { setupFloor } from './floor.js';
import { hostileInput } from './hostile.js';
import { coldStart, scenarioBatch, serveMemoryMedian } from './processes.js';
import { profileJourneys } from './profile.js';
import { writeResults } from './results-file.js';
import {
  bulkProvisioning,
  bulkWorld,
  concurrentBrowsers,
  directoryTable,
  printDirectoryTable,
  servedWorld,
  writeScale,
} from './scale/run.js';
import { suiteScale } from './scale/suite.js';
import { gc, measure, measureInterleaved, type Stat } from './stats.js';

/**
 * `npm run bench`: every measure of issue 6 in one process (child processes only for the cold
 * start and the serve-mode memory), a table on stdout and test/bench/results.json.
 * `npm run bench -- --profile [N]` instead profiles N focused journeys; `npm run bench -- --hostile`
 * times hostile SAMLResponses at org2's ACS and a concurrent `GET /login` (test/bench/hostile.ts).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);

if (args.includes('--hostile')) {
  console.table(await hostileInput());
  process.exit(0);
}

if (args.includes('--scale')) {
  // `--scale [sizes] [--runs N] [--directory-only | --bulk-only | --bulk-provisioning-only | --served-only | --concurrency-only | --suite-only]`: sizes like 1000,10000,100000 (the largest is the bulk world's).
  const sizes = args[args.indexOf('--scale') + 1]?.split(',').map(Number).filter(Boolean);
  const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 1000;
  if (args.includes('--bulk-only')) {
    const bulk = await bulkWorld(ROOT, sizes?.at(-1));
    console.log('\nbulk world', bulk);
    writeScale(ROOT, { bulk_world: bulk });
    process.exit(0);
  }
  if (args.includes('--bulk-provisioning-only')) {
    const bulkPush = await bulkProvisioning(ROOT);
    console.log('bulk provisioning', bulkPush);
    writeScale(ROOT, { bulk_provisioning: bulkPush });
    process.exit(0);
  }
  if (args.includes('--served-only')) {
    const served = await servedWorld(ROOT, sizes?.at(-1));
    console.log('served world', served);
    writeScale(ROOT, { served_world: served });
    process.exit(0);
  }
  // serve's default heap, then the one for load (`fedsim serve --heap throughput`).
  const concurrentScale = async () => {
    const footprint = await concurrentBrowsers(ROOT, 'footprint');
    console.table(footprint);
    const throughput = await concurrentBrowsers(ROOT, 'throughput');
    console.table(throughput);
    return { concurrent_browsers: footprint, concurrent_browsers_throughput: throughput };
  };
  if (args.includes('--concurrency-only')) {
    writeScale(ROOT, await concurrentScale());
    process.exit(0);
  }
  if (args.includes('--suite-only')) {
    const suite = await suiteScale(ROOT, runs);
    console.log('suite', suite);
    writeScale(ROOT, { suite });
    process.exit(0);
  }
  const directory = await directoryTable(ROOT, sizes?.length ? sizes : undefined);
  printDirectoryTable(directory);
  if (args.includes('--directory-only')) {
    writeScale(ROOT, { directory });
    process.exit(0);
  }
  const bulk = await bulkWorld(ROOT, sizes?.at(-1));
  console.log('\nbulk world', bulk);
  const bulkPush = await bulkProvisioning(ROOT);
  console.log('\nbulk provisioning', bulkPush);
  const served = await servedWorld(ROOT, sizes?.at(-1));
  console.log('\nserved world', served);
  const concurrency = await concurrentScale();
  process.stderr.write(`bench scale: ${runs} scenario runs…\n`);
  const suite = await suiteScale(ROOT, runs);
  console.log('suite', suite);
  writeScale(ROOT, {
    directory,
    bulk_world: bulk,
    bulk_provisioning: bulkPush,
    served_world: served,
    ...concurrency,
    suite,
  });
  process.exit(0);
}

if (args.includes('--profile')) {
  await profileJourneys(ROOT, Number(args[args.indexOf('--profile') + 1]) || 50);
  process.exit(0);
}

const started = Date.now();
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
};
const progress = (what: string) =>
  process.stderr.write(`bench: ${what}… (${Math.round((Date.now() - started) / 1000)} s)\n`);

progress('baseline (samlify)');
const baseline = setupBaseline();
const samlifyCreate = await measure(() => baseline.createOne(), { warmup: 10, min: 30, budgetMs: 1000 });
const sampleB64 = await baseline.createOne();
const samlifyParse = await measure(() => baseline.parseOne(sampleB64), {
  warmup: 10,
  min: 30,
  budgetMs: 1000,
});

progress('floor (node:crypto)');
const floor = setupFloor();
const floorJourney = await measure(() => floor.journey(), { warmup: 10, min: 100, budgetMs: 1000 });

progress('fedsim messages');
const messages = await setupMessages();
const issued = messages.issue(0);
const issue = await measure(() => messages.issue(0), { warmup: 20, min: 50, budgetMs: 1500 });
const consume = await measure(() => messages.consume(issued, 0), { warmup: 20, min: 50, budgetMs: 1500 });
let schema: Stat | null = null;
let schemaWithParse: Stat | null = null;
const validator = messages.schema;
if (validator) {
  const doc = parseUntrustedXml(issued.xml);
  schema = await measure(() => validator.validate(doc), { warmup: 50, min: 200, budgetMs: 1000 });
  schemaWithParse = await measure(() => validator.validate(parseUntrustedXml(issued.xml)), {
    warmup: 50,
    min: 200,
    budgetMs: 1000,
  });
}
/** The library-level counterpart of the baseline: both responses issued, schema-validated, checked (once each). */
const fourMessages = await measure(
  () => {
    for (const leg of [0, 1]) {
      const r = messages.issue(leg);
      if (validator && !messages.consumeValidatesSchema) validator.validate(parseUntrustedXml(r.xml));
      messages.consume(r, leg);
    }
  },
  { warmup: 5, min: 30, budgetMs: 2000 },
);
await messages.close();
gc();

progress('fedsim journey, taking turns with the baseline');
// Taking turns with the baseline: the ratio the target is about is read under the same conditions.
const { baseline: baselineJourney, journey } = await measureInterleaved(
  { baseline: () => baseline.journey(), journey: journeyRunner(true) },
  { warmup: 10, min: 60, budgetMs: 10_000 },
);
gc();
const journeyNoTrace = await measure(journeyRunner(false), { warmup: 2, min: 15, budgetMs: 3000 });
gc();
progress('fedsim sarah-end-to-end.yaml');
const fullScenario = await measure(fullScenarioRunner(ROOT), { warmup: 2, min: 10, budgetMs: 4000 });
gc();

progress('200 scenario runs');
const batch = await scenarioBatch(ROOT, 200);
gc();
progress('cold start');
const cold = await coldStart(ROOT, 5);
progress('serve-mode memory (3 serve processes × 1,000 sign-ins)');
const memory = await serveMemoryMedian(ROOT, 3);

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const results = {
  journey_ms: r2(journey.median),
  journey_p95_ms: r2(journey.p95),
  journey_without_trace_ms: r2(journeyNoTrace.median),
  journey_without_trace_p95_ms: r2(journeyNoTrace.p95),
  scenario_sarah_end_to_end_ms: r2(fullScenario.median),
  scenario_sarah_end_to_end_p95_ms: r2(fullScenario.p95),
  baseline_ms: r2(baselineJourney.median),
  baseline_p95_ms: r2(baselineJourney.p95),
  floor_ms: r2(floorJourney.median),
  floor_p95_ms: r2(floorJourney.p95),
  ratio_journey_vs_baseline: r2(journey.median / baselineJourney.median),
  ratio_journey_vs_floor: r2(journey.median / floorJourney.median),
  fedsim_four_messages_ms: r2(fourMessages.median),
  fedsim_four_messages_p95_ms: r2(fourMessages.p95),
  ratio_four_messages_vs_baseline: r2(fourMessages.median / baselineJourney.median),
  ratio_four_messages_vs_floor: r2(fourMessages.median / floorJourney.median),
  issue_response_ms: r3(issue.median),
  issue_response_p95_ms: r3(issue.p95),
  consume_response_ms: r3(consume.median),
  consume_response_p95_ms: r3(consume.p95),
  consume_includes_schema: messages.consumeValidatesSchema,
  samlify_create_response_ms: r3(samlifyCreate.median),
  samlify_parse_response_ms: r3(samlifyParse.median),
  schema_validate_ms: schema ? r3(schema.median) : null,
  schema_validate_p95_ms: schema ? r3(schema.p95) : null,
  schema_parse_and_validate_ms: schemaWithParse ? r3(schemaWithParse.median) : null,
  scenarios200_s: r2(batch.seconds),
  scenarios200_failed_files: batch.failed,
  cold_start_s: r3(cold.median),
  cold_start_p95_s: r3(cold.p95),
  rss_growth_mb: memory.rssGrowthMb,
  rss_growth_runs_mb: memory.growthRunsMb,
  rss_growth_after_warmup_mb: memory.rssGrowthAfterWarmupMb,
  rss_before_mb: memory.rssBeforeMb,
  rss_after_mb: memory.rssAfterMb,
  rss_peak_mb: memory.rssPeakMb,
  serve_sign_in_ms: r2(memory.signInMs.median),
  serve_sign_in_p95_ms: r2(memory.signInMs.p95),
  iterations: {
    journey: journey.n,
    journey_without_trace: journeyNoTrace.n,
    scenario_sarah_end_to_end: fullScenario.n,
    baseline: baselineJourney.n,
    floor: floorJourney.n,
    issue_response: issue.n,
    consume_response: consume.n,
    schema_validate: schema?.n ?? 0,
    cold_start: cold.n,
    serve_sign_ins: memory.signIns,
  },
  machine,
  date: new Date().toISOString(),
  bench_wall_s: 0,
};
results.bench_wall_s = r1((Date.now() - started) / 1000);
// The scale section (`--scale`) is measured on its own: kept as it was.
const previous = JSON.parse(readFileSync(join(ROOT, 'test/bench/results.json'), 'utf8')) as Record<
  string,
  unknown
>;
writeResults(ROOT, { ...results, scale: previous.scale, scale_before: previous.scale_before });

const ms = (s: Stat | null, digits = 2) =>
  s ? [s.median.toFixed(digits), s.p95.toFixed(digits), String(s.n)] : ['n/a', 'n/a', '0'];
const rows: [string, string[], string][] = [
  ['baseline: samlify, 2 responses created + parsed', ms(baselineJourney), ''],
  ['  samlify: create one response', ms(samlifyCreate, 3), ''],
  ['  samlify: parse one response', ms(samlifyParse, 3), ''],
  ['floor: node:crypto 4 signs + 4 verifies', ms(floorJourney), ''],
  ['fedsim: journey (world, 2 assigns, sign-in via 2 tiles)', ms(journey), '≤ 1.0× baseline'],
  ['  the same without trace decoding', ms(journeyNoTrace), ''],
  ['fedsim: sarah-end-to-end.yaml (incl. lifecycle)', ms(fullScenario), ''],
  ['fedsim: 2 responses issued + schema + checked', ms(fourMessages), ''],
  ['fedsim: issueResponse (one)', ms(issue, 3), ''],
  [
    `fedsim: consumeResponse (one, check table${messages.consumeValidatesSchema ? ' incl. schema' : ''})`,
    ms(consume, 3),
    '',
  ],
  [
    'fedsim: schema validation (one, parsed doc)',
    schema ? ms(schema, 3) : ['not yet available', '', ''],
    '≤ 2 ms',
  ],
  ['fedsim: schema parse + validate (one)', schemaWithParse ? ms(schemaWithParse, 3) : ['n/a', '', ''], ''],
  ['200 scenario runs, wall (s)', [batch.seconds.toFixed(2), '', '1'], '< 10 s'],
  ['cold start fedsim run (s)', [cold.median.toFixed(3), cold.p95.toFixed(3), String(cold.n)], '< 1.5 s'],
  [
    `serve: RSS growth over ${memory.signIns} sign-ins (MB, median process)`,
    [memory.rssGrowthMb.toFixed(1), '', String(memory.growthRunsMb.length)],
    '< 20 MB',
  ],
  ['  after warm-up (sign-in 100 → last) (MB)', [memory.rssGrowthAfterWarmupMb.toFixed(1), '', ''], ''],
  ['  serve: one sign-in org1 → org2 → dropbox (ms)', ms(memory.signInMs), ''],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(
  `\nfedsim bench — ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
);
console.log(
  `${'measure'.padEnd(w)}  ${'median ms'.padStart(10)}  ${'p95 ms'.padStart(10)}  ${'n'.padStart(5)}  target`,
);
for (const [name, [a = '', b = '', n = ''], target] of rows) {
  console.log(`${name.padEnd(w)}  ${a.padStart(10)}  ${b.padStart(10)}  ${n.padStart(5)}  ${target}`);
}
console.log(
  `\nratios: journey ÷ baseline ${results.ratio_journey_vs_baseline}×, journey ÷ floor ${results.ratio_journey_vs_floor}×; ` +
    `2 responses (fedsim library) ÷ baseline ${results.ratio_four_messages_vs_baseline}×, ÷ floor ${results.ratio_four_messages_vs_floor}×`,
);
if (batch.failed.length)
  console.log(`scenarios that failed in the 200-run batch: ${batch.failed.join(', ')}`);
console.log(
  `serve RSS growth of each process (MB): ${memory.growthRunsMb.join(', ')}; the median one by sign-ins: ${memory.samples.map((s) => `${s.signIns}:${s.rssMb}`).join(' ')}`,
);
console.log(`\nwrote test/bench/results.json (bench wall ${results.bench_wall_s} s)`);
