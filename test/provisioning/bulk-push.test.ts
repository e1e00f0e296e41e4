import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { type HttpFetch, loopbackFetch } from '../../harness/core/http.js';
import { assignGroup } from '../../harness/okta/org1/group-assignment.js';
import { createWorld, type World } from '../../harness/world/world.js';

const USERS = 300;
const LIMIT = 100;
let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** org1's calls to org2's Users API that org2 let through, by rate-limit window (virtual minute), and its 429s. */
function countingFetch(now: () => number) {
  const perWindow = new Map<number, number>();
  let refused = 0;
  const fetch: HttpFetch = async (url, init) => {
    const res = await loopbackFetch(url, init);
    if (new URL(url).pathname.startsWith('/api/v1/users')) {
      if (res.status === 429) refused += 1;
      else {
        const window = Math.floor(now() / 60_000);
        perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
      }
    }
    return res;
  };
  return { fetch, perWindow, refused: () => refused };
}

describe('a group assigned to Org2Org under org2 rate limit', () => {
  it(`pushes ${USERS} members ${LIMIT} a virtual minute, holding calls while no budget is left (no 429), all provisioned`, async () => {
    let clockNow = () => 0;
    const counter = countingFetch(() => clockNow());
    world = await createWorld(
      {
        org1: {
          users: [
            {
              generate: {
                count: USERS,
                template: { login: 'u{n}@org1.example', firstName: 'U', lastName: '{n}' },
                groups: { pattern: 'Everyone', every: USERS },
              },
            },
          ],
        },
        org2: { rateLimit: { limit: LIMIT, windowSeconds: 60 } },
      },
      { fetch: counter.fetch },
    );
    const w = world;
    clockNow = () => w.clock.now().getTime();
    const started = clockNow();
    const { queued, pushed, assignment } = assignGroup(w.org1, w.org1.group('Everyone').id);
    expect(queued).toBe(USERS);
    expect(assignment.priority).toBe(0);
    expect(w.org1.connector.log.counts().pending).toBe(USERS);
    const tasks = await pushed;

    expect(tasks.filter((t) => t.status === 'done')).toHaveLength(USERS);
    // The first eight go before any answer, within the 100: after that X-Rate-Limit-Remaining is known.
    expect(counter.refused()).toBe(0);
    expect([...counter.perWindow.values()]).toEqual([LIMIT, LIMIT, LIMIT]);
    // 300 creates at 100 a minute: three windows, so the scenario clock moved at least two minutes.
    expect(clockNow() - started).toBeGreaterThanOrEqual(2 * 60_000);
    expect(w.org1.connector.log.counts()).toMatchObject({ done: USERS, pending: 0, failed: 0 });
    expect(w.org2.directory.all().filter((u) => u.status === 'PROVISIONED')).toHaveLength(USERS);
    const appUser = w.org1.appUsers.find(w.org1.app.id, w.org1.directory.get('u300@org1.example').id);
    expect(appUser).toMatchObject({ scope: 'GROUP', status: 'PROVISIONED', syncState: 'SYNCHRONIZED' });
  });
});

/** A call to org1's API with the world's admin token. */
const api = (w: World, method: 'get' | 'put', path: string) =>
  request(w.org1.url)[method](path).set('Authorization', `SSWS ${w.tokens.superAdmin}`);

describe("org1's Apps API: a group assigned, its pushes paged", () => {
  it('PUT /apps/{appId}/groups/{groupId} answers the assignment, then pushes; the task list pages with Link next', async () => {
    const w = await createWorld({
      org1: {
        users: [
          {
            generate: {
              count: 5,
              template: { login: 'p{n}@org1.example', firstName: 'P', lastName: '{n}' },
              groups: { pattern: 'Pilots', every: 5 },
            },
          },
        ],
      },
    });
    world = w;
    const appId = w.org1.app.id;
    const groupId = w.org1.group('Pilots').id;
    // okta-management OpenAPI spec, assignGroupToApplication: 200 with the ApplicationGroupAssignment.
    const put = await api(w, 'put', `/api/v1/apps/${appId}/groups/${groupId}`).send({});
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: groupId, priority: 0, profile: {} });
    expect(put.body._links.group.href).toBe(`${w.org1.url}/api/v1/groups/${groupId}`);
    await w.settle();
    expect(w.org2.directory.all()).toHaveLength(5);

    const seen: number[] = [];
    let next: string | undefined = `/api/v1/apps/${appId}/tasks?limit=2`;
    while (next) {
      const res = await api(w, 'get', next);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.map((t: { id: number }) => t.id));
      const link = /<([^>]+)>; rel="next"/.exec(String(res.headers.link))?.[1];
      next = link && new URL(link).pathname + new URL(link).search;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const done = await api(w, 'get', `/api/v1/apps/${appId}/tasks?status=done&after=3`);
    expect(done.body.map((t: { login: string }) => t.login)).toEqual(['p4@org1.example', 'p5@org1.example']);
    expect((await api(w, 'get', `/api/v1/apps/${appId}/tasks?after=x`)).body.errorCode).toBe('E0000001');
    expect((await api(w, 'put', `/api/v1/apps/${appId}/groups/00gnope`).send({})).status).toBe(404);
  });
});
