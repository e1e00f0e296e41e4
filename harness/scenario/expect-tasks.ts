import type { TaskStatus } from '../provisioning/task-log.js';
import type { World } from '../world/world.js';
import type { Expectation } from './schema-expect.js';

type Mismatch = { what: string; expected: unknown; actual: unknown };

const STATUSES: TaskStatus[] = ['done', 'failed', 'pending', 'skipped'];

/** `tasks`: the party's task counts per status (kept by its log) and how many met a 429. */
export function taskCountChecks(world: World, e: NonNullable<Expectation['tasks']>): Mismatch[] {
  const log = e.party === 'org1' ? world.org1.connector.log : world.org2.provisioner.log;
  const counts = log.counts();
  const out: Mismatch[] = [];
  const check = (what: string, expected: number | undefined, actual: () => number) => {
    if (expected !== undefined && expected !== actual()) out.push({ what, expected, actual: actual() });
  };
  for (const status of STATUSES)
    check(`${e.party} ${status} provisioning tasks`, e[status], () => counts[status]);
  check(
    `${e.party} provisioning tasks that met a 429`,
    e.rateLimited,
    () => log.tasks.filter((t) => t.errors.some((a) => a.status === 429)).length,
  );
  return out;
}
