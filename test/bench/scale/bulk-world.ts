import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createWorld } from '../../../harness/world/world.js';
import { batchedWorld } from '../../generated-world.js';
import { rssMb } from '../proc.js';
import { gc } from '../stats.js';

/**
 * A world of N generated org1 users in 10 groups, started provisioned into org2 and Dropbox
 * (world.org1.users[].generate): build wall and CPU seconds, RSS and bytes per user (RSS, and the
 * V8 heap alone, which GC timing and the allocator's slack move less). Prints one JSON line.
 * Usage: node bulk-world.js N
 */
const count = Number(process.argv[2] ?? 100_000);

// An empty world first: what the parties cost before any generated user.
const empty = await createWorld({ seed: 'bulk', org1: { users: [] } });
await empty.close();
gc();
const rssEmpty = rssMb();
const heapEmpty = process.memoryUsage().heapUsed;
const cpu = process.cpuUsage();
const t = performance.now();
const world = await createWorld({
  seed: 'bulk',
  ...batchedWorld(count),
});
const wallS = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
gc();
const rss = rssMb();
const heap = process.memoryUsage().heapUsed;
const counts = [
  world.org1.directory.all().length,
  world.org2.directory.all().length,
  world.dropbox.team.count(),
];
await world.close();
process.stdout.write(
  `${JSON.stringify({
    users: count,
    build_s: wallS,
    build_cpu_s: (used.user + used.system) / 1e6,
    rss_mb: rss,
    rss_empty_world_mb: rssEmpty,
    bytes_per_user: ((rss - rssEmpty) * 2 ** 20) / count,
    heap_mb: heap / 2 ** 20,
    heap_bytes_per_user: (heap - heapEmpty) / count,
    load_average: loadavg().map((l) => Math.round(l * 100) / 100),
    org1_org2_dropbox_counts: counts,
  })}\n`,
);
