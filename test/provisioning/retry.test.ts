import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import {
  backoffMs,
  DEFAULT_RETRY,
  decideRetry,
  outcomeOf,
  type RetryPolicy,
  serverWaitMs,
  withOutcome,
} from '../../harness/provisioning/retry.js';
import { schedulerFor } from '../../harness/provisioning/scheduler.js';
import { PerKeyQueue, TASK_LOG_MAX, TaskLog } from '../../harness/provisioning/task-log.js';

const T0 = '2026-01-15T09:00:00.000Z';
const policy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 5000,
  maxRateLimitWaitMs: 120_000,
};

describe('decideRetry', () => {
  it('waits for the reset the server named on 429', () => {
    expect(decideRetry({ status: 429, waitMs: 42_000 }, 1, policy)).toEqual({
      retry: true,
      delayMs: 42_000,
      reason: 'rate-limited',
    });
  });

  it('falls back to the back-off for a 429 without rate-limit headers', () => {
    expect(decideRetry({ status: 429 }, 2, policy)).toMatchObject({ retry: true, delayMs: 2000 });
  });

  it('gives up on a 429 whose reset is further than the policy allows', () => {
    expect(decideRetry({ status: 429, waitMs: 120_001 }, 1, policy)).toEqual({
      retry: false,
      reason: 'wait-too-long',
    });
  });

  it.each([500, 502, 503, 504])('backs off exponentially on %i', (status) => {
    const delays = [1, 2, 3].map((n) => decideRetry({ status }, n, policy));
    expect(delays.map((d) => (d.retry ? d.delayMs : -1))).toEqual([1000, 2000, 4000]);
    expect(delays.every((d) => d.retry && d.reason === 'server-error')).toBe(true);
  });

  it('backs off on a dropped connection (no status)', () => {
    expect(decideRetry({}, 1, policy)).toEqual({ retry: true, delayMs: 1000, reason: 'no-response' });
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries %i', (status) => {
    expect(decideRetry({ status }, 1, policy)).toEqual({ retry: false, reason: 'client-error' });
  });

  it('never retries an error that did not come from an HTTP call', () => {
    expect(decideRetry(undefined, 1, policy)).toEqual({ retry: false, reason: 'not-an-http-failure' });
  });

  it('stops after maxAttempts tries, whatever the failure', () => {
    for (const outcome of [{ status: 429, waitMs: 1 }, { status: 500 }, {}]) {
      expect(decideRetry(outcome, 4, policy)).toEqual({ retry: false, reason: 'attempts-exhausted' });
    }
    expect(decideRetry({ status: 500 }, 1, { ...policy, maxAttempts: 1 }).retry).toBe(false);
  });

  it('caps the back-off at maxDelayMs', () => {
    expect(backoffMs(10, policy)).toBe(5000);
    expect(backoffMs(1, DEFAULT_RETRY)).toBe(1000);
  });
});

describe('serverWaitMs', () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it('is X-Rate-Limit-Reset minus the Date header (the server clock, not ours)', () => {
    const date = new Date('2026-01-15T09:00:20.000Z');
    const reset = String(Date.parse('2026-01-15T09:01:00.000Z') / 1000);
    const h = headers({ 'x-rate-limit-reset': reset, date: date.toUTCString() });
    expect(serverWaitMs(h, Date.parse('2030-01-01T00:00:00Z'))).toBe(40_000);
  });

  it('uses the client clock without a Date header, and never goes negative', () => {
    const reset = String(Date.parse(T0) / 1000 + 10);
    expect(serverWaitMs(headers({ 'x-rate-limit-reset': reset }), Date.parse(T0))).toBe(10_000);
    expect(serverWaitMs(headers({ 'x-rate-limit-reset': reset }), Date.parse(T0) + 60_000)).toBe(0);
    expect(serverWaitMs(headers({ 'x-rate-limit-reset': reset }))).toBeUndefined();
  });

  it('reads Retry-After seconds when there is no reset, else nothing', () => {
    expect(serverWaitMs(headers({ 'retry-after': '7' }), 0)).toBe(7000);
    expect(serverWaitMs(headers({}), 0)).toBeUndefined();
  });
});

describe('withOutcome', () => {
  it('tags an error for the retry decision without changing it', () => {
    const err = new FedsimError('PROVISIONING_FAILED', 'x');
    expect(outcomeOf(err)).toBeUndefined();
    expect(withOutcome(err, { status: 503 })).toBe(err);
    expect(outcomeOf(err)).toEqual({ status: 503 });
    expect(outcomeOf('not an object')).toBeUndefined();
  });
});

describe('schedulerFor a fixed clock', () => {
  it('moves the clock instead of sleeping', async () => {
    const clock = new FixedClock(T0);
    await schedulerFor(clock).sleep(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-15T09:01:30.000Z');
  });

  it('moves it once for waits that started together', async () => {
    const clock = new FixedClock(T0);
    const s = schedulerFor(clock);
    await Promise.all(Array.from({ length: 50 }, () => s.sleep(1000)));
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:01.000Z');
  });

  it('lets no wait end while a tracked call is in flight, then wakes the earliest first', async () => {
    const clock = new FixedClock(T0);
    const s = schedulerFor(clock);
    const order: string[] = [];
    let answer: (r: Response) => void = () => undefined;
    const slowFetch = s.tracking(() => new Promise<Response>((resolve) => (answer = resolve)));
    const call = slowFetch('http://127.0.0.1:1/').then(() =>
      order.push(`answered at ${clock.now().toISOString()}`),
    );
    const late = s.sleep(2000).then(() => order.push(`slept 2 s, now ${clock.now().toISOString()}`));
    const early = s.sleep(1000).then(() => order.push(`slept 1 s, now ${clock.now().toISOString()}`));
    await new Promise((done) => setTimeout(done, 20));
    expect(order).toEqual([]);
    answer(new Response('ok'));
    await Promise.all([call, late, early]);
    expect(order).toEqual([
      'answered at 2026-01-15T09:00:00.000Z',
      'slept 1 s, now 2026-01-15T09:00:01.000Z',
      'slept 2 s, now 2026-01-15T09:00:02.000Z',
    ]);
  });

  it('moves time anyway when a call in flight itself waits on a sleeper (no deadlock)', async () => {
    const clock = new FixedClock(T0);
    const s = schedulerFor(clock);
    // A handler that backs off while answering: its own call is in flight during the wait.
    const answering = s.tracking(async () => {
      await s.sleep(3000);
      return new Response('after a back-off');
    });
    expect(await (await answering('http://127.0.0.1:1/')).text()).toBe('after a back-off');
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:03.000Z');
  });

  it('does not count a request a server holds (injected latency) as holding time back', async () => {
    const clock = new FixedClock(T0);
    const s = schedulerFor(clock);
    const served = s.tracking(async () => {
      await s.hold(5000);
      return new Response('late');
    });
    expect(await (await served('http://127.0.0.1:1/')).text()).toBe('late');
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:05.000Z');
  });
});

function failing(status: number | undefined, times: number) {
  let calls = 0;
  return async () => {
    calls += 1;
    if (calls <= times) throw withOutcome(new FedsimError('PROVISIONING_FAILED', `try ${calls}`), { status });
    return calls;
  };
}

describe('TaskLog', () => {
  const log = () => {
    const clock = new FixedClock(T0);
    return {
      clock,
      log: new TaskLog<'create'>({ scheduler: () => schedulerFor(clock), policy: () => policy }),
    };
  };

  it('records each failed try and its wait, and ends done when a retry succeeds', async () => {
    const { clock, log: tasks } = log();
    const task = tasks.open('create', 'sarah@org1.example');
    expect(task).toMatchObject({ status: 'pending', attempts: 0, created: T0 });
    await tasks.run(task, async (run) => ((await run.call(failing(503, 2))) === 3 ? 'done' : 'skipped'));
    expect(task).toMatchObject({ status: 'done', attempts: 3, lastUpdated: '2026-01-15T09:00:03.000Z' });
    expect(task.errors.map((e) => [e.attempt, e.status, e.waitMs])).toEqual([
      [1, 503, 1000],
      [2, 503, 2000],
    ]);
    expect(task.error).toBeUndefined();
    expect(clock.now().toISOString()).toBe('2026-01-15T09:00:03.000Z');
  });

  it(`keeps at most its max (default ${TASK_LOG_MAX}) tasks, dropping the oldest finished ones, ids still counting up`, async () => {
    const max = 20;
    const clock = new FixedClock(T0);
    const tasks = new TaskLog<'create'>({ scheduler: () => schedulerFor(clock), policy: () => policy, max });
    const stuck = tasks.open('create', 'still-pending@org1.example');
    for (let i = 0; i < max + 5; i++) {
      await tasks.run(tasks.open('create', `user${i}@org1.example`), async () => 'done');
    }
    expect(tasks.tasks).toHaveLength(max);
    expect(tasks.tasks[0]).toBe(stuck);
    expect(tasks.tasks.at(-1)?.id).toBe(max + 6);
    expect(tasks.tasks[1]?.login).toBe('user6@org1.example');
    // Counts follow every change, the dropped tasks included; a dropped task is no longer found.
    expect(tasks.counts()).toEqual({ pending: 1, done: max - 1, failed: 0, skipped: 0 });
    expect(tasks.find(2)).toBeUndefined();
    expect(tasks.find(max + 6)?.login).toBe(`user${max + 4}@org1.example`);
  });

  it('fails at once on a 4xx, with the error as the last one', async () => {
    const { log: tasks } = log();
    const task = await tasks.run(tasks.open('create', 'x'), async (run) => {
      await run.call(failing(400, 1));
      return 'done';
    });
    expect(task).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'PROVISIONING_FAILED' } });
    expect(task.errors).toHaveLength(1);
    expect(task.errors[0]?.waitMs).toBeUndefined();
  });

  it('fails after maxAttempts tries of a persistent 5xx', async () => {
    const { log: tasks } = log();
    const task = await tasks.run(tasks.open('create', 'x'), async (run) => {
      await run.call(failing(500, 99));
      return 'done';
    });
    expect(task).toMatchObject({ status: 'failed', attempts: 4 });
    expect(task.errors.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
  });
});

describe('PerKeyQueue', () => {
  it('runs one key in call order and other keys alongside, even after a failure', async () => {
    const queue = new PerKeyQueue();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const a1 = queue.run('a', async () => {
      await gate;
      order.push('a1');
      throw new Error('a1 failed');
    });
    const a2 = queue.run('a', async () => void order.push('a2'));
    const b1 = queue.run('b', async () => void order.push('b1'));
    await b1;
    expect(order).toEqual(['b1']);
    release();
    await expect(a1).rejects.toThrow('a1 failed');
    await a2;
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });
});
