import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { RateLimiter } from '../../harness/okta/api/rate-limit.js';
import { RateLimitGate, readRateLimit } from '../../harness/provisioning/rate-gate.js';
import type { Scheduler } from '../../harness/provisioning/scheduler.js';
import { Slots } from '../../harness/provisioning/slots.js';

const T0 = '2026-01-15T09:00:00.000Z';

/** Virtual time moved only by the test: `advance` wakes the earliest sleepers. */
class FakeScheduler implements Scheduler {
  readonly #sleepers: { target: number; wake: () => void }[] = [];
  constructor(readonly clock: FixedClock) {}
  now(): Date {
    return this.clock.now();
  }
  sleep(ms: number): Promise<void> {
    const target = this.clock.now().getTime() + ms;
    return new Promise((wake) => this.#sleepers.push({ target, wake }));
  }
  hold(ms: number): Promise<void> {
    return this.sleep(ms);
  }
  tracking<F>(fetch: F): F {
    return fetch;
  }
  advance(): boolean {
    if (this.#sleepers.length === 0) return false;
    const earliest = Math.min(...this.#sleepers.map((s) => s.target));
    this.clock.advance(Math.max(0, earliest - this.clock.now().getTime()));
    for (const s of this.#sleepers.filter((x) => x.target <= earliest)) s.wake();
    this.#sleepers.splice(0, this.#sleepers.length, ...this.#sleepers.filter((x) => x.target > earliest));
    return true;
  }
}

/** Answer order: which of the calls sent (not yet counted) or counted (not yet answered) moves next. */
type Order = (waiting: number) => number;
const oldestFirst: Order = () => 0;
const newestFirst: Order = (n) => n - 1;
function seeded(seed: number): Order {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
}

type Call = { answer: (r: { status: number; headers: Headers }) => void };

/**
 * `users` pushes, eight at a time, through one gate to a server with org2's fixed-window limiter.
 * The server counts the calls sent and answers the calls counted in the order `order` picks, and
 * interleaves counting and answering by it too: every ordering a loaded machine could produce.
 */
async function pushAll(users: number, limit: number, order: Order) {
  const clock = new FixedClock(T0);
  const scheduler = new FakeScheduler(clock);
  const limiter = new RateLimiter({ limit, windowMs: 60_000, clock });
  const gate = new RateLimitGate(
    () => scheduler,
    () => 300_000,
  );
  const sent: Call[] = [];
  const counted: { call: Call; status: number; headers: Headers }[] = [];
  const met429 = new Set<number>();
  const perWindow = new Map<number, number>();
  const slots = new Slots(8);
  const push = async (user: number) => {
    for (;;) {
      await gate.ready();
      const res = await new Promise<{ status: number; headers: Headers }>((answer) => sent.push({ answer }));
      gate.answered(readRateLimit(res.status, res.headers, clock.now().getTime()));
      if (res.status !== 429) return;
      met429.add(user);
      await scheduler.sleep(Number(res.headers.get('x-rate-limit-reset')) * 1000 - clock.now().getTime());
    }
  };
  let finished = 0;
  for (let u = 0; u < users; u += 1) void slots.run(() => push(u)).then(() => (finished += 1));
  for (;;) {
    await new Promise((settled) => setImmediate(settled));
    if (finished === users) break;
    const moves = sent.length + counted.length;
    if (moves === 0) {
      if (!scheduler.advance())
        throw new Error(`stuck: ${finished} of ${users} pushed, nothing in flight or asleep`);
      continue;
    }
    const pick = order(moves);
    if (pick < sent.length) {
      const [call] = sent.splice(pick, 1) as [Call];
      const d = limiter.take('users');
      if (d.allowed) perWindow.set(d.reset, (perWindow.get(d.reset) ?? 0) + 1);
      const headers = new Headers({
        Date: d.at.toUTCString(),
        'X-Rate-Limit-Limit': String(d.limit),
        'X-Rate-Limit-Remaining': String(d.remaining),
        'X-Rate-Limit-Reset': String(d.reset),
      });
      counted.push({ call, status: d.allowed ? 200 : 429, headers });
    } else {
      const [c] = counted.splice(pick - sent.length, 1) as [(typeof counted)[number]];
      c.call.answer(c);
    }
  }
  return { met429: met429.size, perWindow: [...perWindow.values()], end: clock.now().toISOString() };
}

describe('RateLimitGate', () => {
  const orders: [string, Order][] = [
    ['oldest first', oldestFirst],
    ['newest first', newestFirst],
    ...[1, 2, 3, 4, 5, 6].map((seed): [string, Order] => [`shuffled (seed ${seed})`, seeded(seed)]),
  ];

  it.each(orders)('30 pushes under 5 a minute: exactly 3 meet a 429, 5 per window (%s)', async (_, order) => {
    const run = await pushAll(30, 5, order);
    // Only the first eight go before any answer: 8 − 5 are refused; after that the budget is known.
    expect(run.met429).toBe(3);
    expect(run.perWindow).toEqual([5, 5, 5, 5, 5, 5]);
    expect(run.end).toBe('2026-01-15T09:05:00.000Z');
  });

  it.each(orders)('30 pushes under 10 a minute: none meets a 429 (%s)', async (_, order) => {
    const run = await pushAll(30, 10, order);
    expect(run.met429).toBe(0);
    expect(run.perWindow).toEqual([10, 10, 10]);
  });

  it('holds a call until the reset once the budget is used up; a wait past the policy is not learnt', async () => {
    const clock = new FixedClock(T0);
    const scheduler = new FakeScheduler(clock);
    const gate = new RateLimitGate(
      () => scheduler,
      () => 60_000,
    );
    await gate.ready();
    gate.answered({ remaining: 0, window: 1, waitMs: 120_000 });
    await gate.ready();
    gate.answered({ remaining: 0, limit: 5, window: 2, waitMs: 30_000 });
    let sent = false;
    const next = gate.ready().then(() => (sent = true));
    await new Promise((settled) => setImmediate(settled));
    expect(sent).toBe(false);
    expect(scheduler.advance()).toBe(true);
    await next;
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:30.000Z');
  });

  it('reads X-Rate-Limit-* by the answer Date; a 429 leaves nothing; no reset, no reading', () => {
    const headers = new Headers({
      Date: 'Thu, 15 Jan 2026 09:00:00 GMT',
      'X-Rate-Limit-Limit': '10',
      'X-Rate-Limit-Remaining': '4',
      'X-Rate-Limit-Reset': String(Date.parse(T0) / 1000 + 60),
    });
    const now = Date.parse(T0) + 5_000; // the client's clock runs 5 s ahead: Date is what counts
    expect(readRateLimit(200, headers, now)).toEqual({
      limit: 10,
      remaining: 4,
      window: Date.parse(T0) / 1000 + 60,
      waitMs: 60_000,
    });
    expect(readRateLimit(429, headers, now)?.remaining).toBe(0);
    expect(readRateLimit(200, new Headers({ 'X-Rate-Limit-Remaining': '4' }), now)).toBeUndefined();
  });
});
