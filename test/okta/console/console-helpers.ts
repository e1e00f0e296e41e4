import request from 'supertest';
import { expect } from 'vitest';
import { SeededIds } from '../../../harness/core/ids.js';
import type { LogEvent } from '../../../harness/okta/syslog/log-store.js';
import type { WorldConfig } from '../../../harness/world/config.js';
import { addConsoleAdmins } from '../../../harness/world/console-admins.js';
import { createWorld, type World } from '../../../harness/world/world.js';
import { cookieFrom } from '../../routes-helpers.js';

export type Org = 'org1' | 'org2';

/** A world with both orgs' console admins, and each admin's session cookie. */
export interface ConsoleWorld {
  world: World;
  cookie: Record<Org, string>;
}

export async function consoleWorld(config?: WorldConfig): Promise<ConsoleWorld> {
  const world = await createWorld(config);
  const admins = addConsoleAdmins(world, new SeededIds('console-test'));
  const cookie = {} as Record<Org, string>;
  for (const { org, login, password } of admins) {
    if (org === 'dropbox') continue;
    const res = await request(world[org].url).post('/login').type('form').send({ username: login, password });
    expect(res.status).toBe(303);
    cookie[org] = cookieFrom(res, world[org].sessions.cookieName) as string;
  }
  return { world, cookie };
}

/** GET a console page as the org's admin. */
export function page(cw: ConsoleWorld, org: Org, path: string) {
  return request(cw.world[org].url).get(path).set('cookie', cw.cookie[org]);
}

/** POST a console form as the org's admin, from the org's own pages. */
export function post(cw: ConsoleWorld, org: Org, path: string, form: Record<string, string> = {}) {
  const url = cw.world[org].url;
  return request(url).post(path).set('cookie', cw.cookie[org]).set('origin', url).type('form').send(form);
}

/** An event without what differs between two identical changes: its id, time and transaction id. */
export function comparable(event: LogEvent | undefined) {
  if (!event) return undefined;
  const { uuid: _uuid, published: _published, transaction, ...rest } = event;
  return { ...rest, transaction: { ...transaction, id: '' } };
}

/** The org's newest System Log event. */
export const lastEvent = (cw: ConsoleWorld, org: Org) => cw.world[org].log.events.at(-1);

/** Calls the org's API with the world's Super Admin token. */
export function api(
  cw: ConsoleWorld,
  org: Org,
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  body?: object,
) {
  const req = request(cw.world[org].url)
    [method](`/api/v1${path}`)
    .set('authorization', `SSWS ${cw.world.tokens.superAdmin}`);
  return body ? req.send(body) : req;
}
