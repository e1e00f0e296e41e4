import { type HTMLElement, parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOICES_MAX, LIST_PAGE_SIZE } from '../../../harness/core/paging.js';
import { generatedWorld } from '../../generated-world.js';
import { type ConsoleWorld, consoleWorld, type Org, page, post } from './console-helpers.js';

/**
 * Long lists in the consoles (#16): a directory of 100,000 made an app's Assignments tab 44 MB
 * (12 s) and a group's page 3.6 MB. Every list is paged (LIST_PAGE_SIZE rows, `?page=`), and a
 * choice among more than CHOICES_MAX people is a text field, so a page costs one page's rows.
 */
const COUNT = 120;
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld(generatedWorld(COUNT, { group: 'Crew', provisioned: true }));
});
afterAll(() => cw?.world.close());

/** The page's table with this caption: its body rows, and the pager's position text. */
async function listed(org: Org, path: string, caption: string) {
  const res = await page(cw, org, path);
  expect(res.status).toBe(200);
  const html = parse(res.text);
  const table = html
    .querySelectorAll('table')
    .find((t) => t.querySelector('caption')?.text === caption) as HTMLElement;
  return {
    html,
    rows: table.querySelectorAll('tbody tr').map((tr) => tr.text),
    position: html.querySelector('nav.pager span')?.text,
    next: html.querySelector('nav.pager a:last-child')?.getAttribute('href'),
  };
}

describe('paged console lists', () => {
  it('org1: a group of 120 shows 50 members a page, the count, and links to the next page', async () => {
    const group = cw.world.org1.groups.findByName('Crew');
    const base = `/admin/groups/${group?.id}`;
    const first = await listed('org1', base, 'Members');
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.html.text).toContain(`${COUNT} people`);
    expect([first.position, first.next]).toEqual(['Page 1 of 3', `${base}?page=2`]);
    const last = await listed('org1', `${base}?page=3`, 'Members');
    expect(last.rows).toHaveLength(COUNT - 2 * LIST_PAGE_SIZE);
    expect(last.rows.at(-1)).toContain(`user${COUNT}@org1.example`);
  });

  it('org1: People reads only as far as the page, in creation order, counting from the index', async () => {
    const second = await listed('org1', '/admin/people?page=2', 'People');
    expect(second.rows).toHaveLength(20);
    expect(second.rows[0]).toContain('user21@org1.example');
    expect(second.html.text).toContain(`${COUNT + 1} people`); // and the console's admin
    const last = await listed('org1', '/admin/people?page=7', 'People');
    expect(last.rows).toHaveLength(1); // 121 people, 20 a page: the admin, created last
    expect(last.rows[0]).toContain('admin@org1.example');
  });

  it('org1: Org2Org’s assigned people are paged', async () => {
    const path = '/admin/apps/org2org/assignments';
    const first = await listed('org1', path, 'Assigned people');
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.html.text).toContain(`${COUNT} people assigned`);
    expect(first.next).toBe(`${path}?page=2`);
    expect((await listed('org1', `${path}?page=2`, 'Assigned people')).rows[0]).toContain(
      'user51@org1.example',
    );
  });

  it('org2: the Dropbox app’s assignments are paged', async () => {
    const [dropbox] = cw.world.org2.apps.summaries();
    const path = `/admin/apps/${dropbox?.id}/assignments`;
    const first = await listed('org2', path, 'People assigned');
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect([first.position, first.next]).toEqual(['Page 1 of 3', `${path}?page=2`]);
  });

  it('org2: provisioning tasks are paged, newest first', async () => {
    const { org2 } = cw.world;
    for (let n = 1; n <= 60; n++) await org2.directory.update(`user${n}@org1.example`, { title: 'Crew' });
    await cw.world.settle();
    const first = await listed('org2', '/admin/tasks', 'Provisioning tasks');
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.html.text).toContain('60 tasks, 0 failed');
    expect(first.rows[0]).toContain('user60@org1.example');
    const second = await listed('org2', '/admin/tasks?page=2', 'Provisioning tasks');
    expect(second.rows).toHaveLength(10);
    expect(second.rows.at(-1)).toContain('user1@org1.example');
  });
});

describe('choices past CHOICES_MAX', () => {
  let fresh: ConsoleWorld;
  beforeAll(async () => {
    fresh = await consoleWorld(generatedWorld(COUNT));
  });
  afterAll(() => fresh?.world.close());

  it('org1: the person to assign is typed (a select of 120 would not be read), and assigning works', async () => {
    expect(COUNT).toBeGreaterThan(CHOICES_MAX);
    const res = await page(fresh, 'org1', '/admin/apps/org2org/assignments');
    const html = parse(res.text);
    expect(html.querySelector('select[name=login]')).toBeNull();
    const input = html.querySelector('input[name=login]');
    expect(html.querySelector(`label[for=${input?.id}]`)?.text).toBe(
      `Person (username; ${COUNT + 1} not assigned)`, // and the console's admin
    );
    const assigned = await post(fresh, 'org1', '/admin/apps/org2org/assignments/assign', {
      login: 'user7@org1.example',
    });
    expect(assigned.status).toBe(303);
    const user = fresh.world.org1.directory.get('user7@org1.example');
    expect(fresh.world.org1.appUsers.find(fresh.world.org1.app.id, user.id)).toBeDefined();
  });
});
