import { describe, expect, it } from 'vitest';
import { Slots } from '../../harness/provisioning/slots.js';
import type { ProvisioningTask } from '../../harness/provisioning/task-log.js';
import { taskPage } from '../../harness/provisioning/task-page.js';

/** Tasks with ids 1…n, except those in `gone` (dropped from the log); odd ids failed. */
function tasks(n: number, gone: number[] = []): ProvisioningTask[] {
  return Array.from({ length: n }, (_, i) => i + 1)
    .filter((id) => !gone.includes(id))
    .map((id) => ({ id, status: id % 2 ? 'failed' : 'done' }) as ProvisioningTask);
}
const ids = (page: { tasks: ProvisioningTask[] }) => page.tasks.map((t) => t.id);

describe('taskPage', () => {
  it('pages oldest first by id cursor, the last page without a next cursor', () => {
    const log = tasks(5);
    const first = taskPage(log, { limit: 2 });
    expect([ids(first), first.next]).toEqual([[1, 2], 2]);
    expect(ids(taskPage(log, { limit: 2, after: 2 }))).toEqual([3, 4]);
    const last = taskPage(log, { limit: 2, after: 4 });
    expect([ids(last), last.next]).toEqual([[5], undefined]);
  });

  it('pages newest first, and a filter reads on until the page is full', () => {
    const log = tasks(9);
    expect(ids(taskPage(log, { limit: 3, newestFirst: true }))).toEqual([9, 8, 7]);
    expect(ids(taskPage(log, { limit: 3, newestFirst: true, after: 7 }))).toEqual([6, 5, 4]);
    const failed = taskPage(log, { limit: 2, newestFirst: true, accept: (t) => t.status === 'failed' });
    expect([ids(failed), failed.next]).toEqual([[9, 7], 7]);
  });

  it('starts past a cursor whose task was dropped, in either direction', () => {
    const log = tasks(6, [3]);
    expect(ids(taskPage(log, { limit: 2, after: 3 }))).toEqual([4, 5]);
    expect(ids(taskPage(log, { limit: 2, after: 3, newestFirst: true }))).toEqual([2, 1]);
  });
});

describe('Slots', () => {
  it('runs at most `size` at once, the rest in call order', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        slots.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((r) => setImmediate(r));
          order.push(n);
          running -= 1;
        }),
      ),
    );
    expect([most, order]).toEqual([2, [1, 2, 3, 4, 5]]);
    expect(() => new Slots(0)).toThrow(RangeError);
  });
});
