import { parse } from 'node-html-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededIds } from '../../harness/core/ids.js';
import { CHOICES_MAX, LIST_PAGE_SIZE } from '../../harness/core/paging.js';
import { addConsoleAdmins, type ConsoleAdmin } from '../../harness/world/console-admins.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { generatedWorld } from '../generated-world.js';
import { cookieFrom } from '../routes-helpers.js';

/**
 * Dropbox's admin console with a large team (#16): Members is paged, and a group's "Add members"
 * asks for an email once the team has more than CHOICES_MAX members outside the group.
 */
const COUNT = 120;
let world: World;
let cookie: string;

beforeAll(async () => {
  world = await createWorld(generatedWorld(COUNT, { provisioned: true }));
  const admin = addConsoleAdmins(world, new SeededIds('dropbox-long-lists')).find(
    (a) => a.org === 'dropbox',
  ) as ConsoleAdmin;
  const res = await request(world.dropbox.url)
    .post('/admin/login')
    .type('form')
    .send({ email: admin.login, password: admin.password });
  cookie = cookieFrom(res, 'dbx_admin') as string;
});
afterAll(() => world?.close());

const page = async (path: string) => {
  const res = await request(world.dropbox.url).get(path).set('cookie', cookie);
  expect(res.status).toBe(200);
  return parse(res.text);
};

describe('Dropbox admin console, a team of 120', () => {
  it('lists 50 members a page, with the whole count and a link to the next page', async () => {
    const first = await page('/admin/members');
    expect(first.querySelectorAll('tbody tr')).toHaveLength(LIST_PAGE_SIZE);
    expect(first.text).toContain(`${COUNT} members`);
    expect(first.querySelector('nav.pager span')?.text).toBe('Page 1 of 3');
    expect(first.querySelector('nav.pager a')?.getAttribute('href')).toBe('/admin/members?page=2');
    const last = await page('/admin/members?page=3');
    expect(last.querySelectorAll('tbody tr')).toHaveLength(COUNT - 2 * LIST_PAGE_SIZE);
  });

  it('lists removed members after the team, on the last page', async () => {
    const { team } = world.dropbox;
    for (const n of [3, 4]) team.remove(team.findByUserName(`user${n}@org1.example`)?.id ?? '');
    const last = await page('/admin/members?page=3');
    expect(last.text).toContain(`${COUNT - 2} members, 2 removed`);
    const states = last.querySelectorAll('tbody tr .state').map((s) => s.text);
    expect(states).toHaveLength(COUNT - 2 * LIST_PAGE_SIZE);
    expect(states.slice(-3)).toEqual(['invited', 'removed', 'removed']);
    expect(last.querySelectorAll('tbody tr').at(-1)?.text).toContain('user4@org1.example');
  });

  it('asks for a member’s email instead of listing over CHOICES_MAX choices, and adds them by it', async () => {
    expect(COUNT).toBeGreaterThan(CHOICES_MAX);
    const group = world.dropbox.groups.create('Everyone');
    const base = `/admin/groups/${encodeURIComponent(group.id)}`;
    const form = await page(base);
    expect(form.querySelector('select#member')).toBeNull();
    expect(form.querySelector('label[for=member]')?.text).toBe(
      `Team member (email; ${COUNT - 2} not in this group)`,
    );
    const added = await request(world.dropbox.url)
      .post(`${base}/members`)
      .set('cookie', cookie)
      .set('origin', world.dropbox.url)
      .type('form')
      .send({ member: 'user9@org1.example' });
    expect(added.status).toBe(303);
    const shown = await page(base);
    expect(shown.querySelector('tbody')?.text).toContain('user9@org1.example');
    expect(shown.querySelector('label[for=member]')?.text).toBe(
      `Team member (email; ${COUNT - 3} not in this group)`,
    );
  });
});
