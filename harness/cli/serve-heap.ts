/**
 * How `fedsim serve` sizes its world's V8 heap: a long-running server trades memory for CPU, and
 * no setting measured gives both (docs/decisions/serve-concurrency.md). V8 flags are process-wide
 * and a heap takes its shape when its isolate is created, so they are set before the world's
 * worker starts.
 *
 * - `footprint` (default): `--optimize-for-size`, every mark-compact a memory-reducing one and a
 *   1 MB young generation: RSS grows < 20 MB over 1,000 sign-ins.
 * - `throughput`: a fixed 32 MB semi-space (the objects of 32 journeys in flight die young
 *   instead of being promoted) and the old generation grown 50 % at a time (fewer mark-compacts):
 *   ~1.5× fewer CPU ms per journey than footprint (84–111 journeys/s at 32 browsers on the 2-core
 *   VM as its speed drifted, against 50–77). RSS grows ~47 MB over 1,000 sign-ins and levels off
 *   near 210 MB under 32 browsers (16 MB and 20 %: 7–10 % fewer journeys, ~40 MB less).
 */
export const SERVE_HEAPS = ['footprint', 'throughput'] as const;
export type ServeHeap = (typeof SERVE_HEAPS)[number];

export const SERVE_V8_FLAGS: Readonly<Record<ServeHeap, string>> = {
  footprint: '--optimize-for-size',
  throughput: '--min-semi-space-size=32 --max-semi-space-size=32 --heap-growing-percent=50',
};
