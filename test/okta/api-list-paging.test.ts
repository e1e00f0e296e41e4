import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';
import { generatedWorld } from '../generated-world.js';

/**
 * listApplicationUsers and listGroupUsers page as Okta's (management OpenAPI spec): before, both
 * answered every member at once (53 MB for an app of 100,000 users). App users: `limit` 50 by
 * default, at most 500; group members: 1,000 by default; both with the `after` cursor in
 * `Link: rel="next"`, followed here as an SDK follows it.
 */
const COUNT = 120;
let world: World;
beforeAll(async () => {
  world = await createWorld(generatedWorld(COUNT, { group: 'Crew', provisioned: true }));
});
afterAll(() => world?.close());

const get = (url: string) =>
  request(url).get('').set('authorization', `SSWS ${world.tokens.superAdmin}`).expect(200);
const nextOf = (link: string | undefined) => /<([^>]+)>; rel="next"/.exec(link ?? '')?.[1];

/** Every page from `url` on, following `rel="next"`: the ids of each page. */
async function follow(url: string): Promise<string[][]> {
  const pages: string[][] = [];
  for (let next: string | undefined = url; next; ) {
    const res = await get(next);
    pages.push(res.body.map((item: { id: string }) => item.id));
    next = nextOf(res.headers.link);
  }
  return pages;
}

describe('GET /api/v1/apps/{appId}/users', () => {
  const appUsers = () => `${world.org1.url}/api/v1/apps/${world.org1.app.id}/users`;

  it('answers 50 a page by default and links the next until every app user was listed once', async () => {
    const pages = await follow(appUsers());
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(COUNT);
    expect(ids[0]).toBe(world.org1.directory.get('user1@org1.example').id);
    const first = await get(appUsers());
    expect(nextOf(first.headers.link)).toBe(`${appUsers()}?after=${pages[0]?.at(-1)}&limit=50`);
  });

  it('caps limit at 500, keeps q in the next link, and matches q on the start of the username', async () => {
    expect((await get(`${appUsers()}?limit=600`)).body).toHaveLength(COUNT);
    const q = await get(`${appUsers()}?q=user11&limit=5`);
    expect(q.body.map((u: { credentials: { userName: string } }) => u.credentials.userName)).toEqual([
      'user11@org1.example',
      'user110@org1.example',
      'user111@org1.example',
      'user112@org1.example',
      'user113@org1.example',
    ]);
    expect(nextOf(q.headers.link)).toContain('q=user11&after=');
    expect((await follow(`${appUsers()}?q=user11&limit=5`)).flat()).toHaveLength(11);
  });

  it('refuses a cursor that names no app user with E0000001', async () => {
    const res = await request(`${appUsers()}?after=00uNOPE`)
      .get('')
      .set('authorization', `SSWS ${world.tokens.superAdmin}`);
    expect([res.status, res.body.errorCode]).toEqual([400, 'E0000001']);
  });
});

describe('GET /api/v1/groups/{groupId}/users', () => {
  it('answers up to 1,000 by default, and pages by limit and the after cursor', async () => {
    const group = world.org1.groups.findByName('Crew');
    const members = `${world.org1.url}/api/v1/groups/${group?.id}/users`;
    const all = await get(members);
    expect([all.body.length, nextOf(all.headers.link)]).toEqual([COUNT, undefined]);
    const pages = await follow(`${members}?limit=50`);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pages.flat()).toEqual(all.body.map((u: { id: string }) => u.id));
  });
});
