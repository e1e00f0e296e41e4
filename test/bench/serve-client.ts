import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, type Page } from '../../harness/agent/index.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { confirmPrompts } from '../../harness/scenario/browse.js';
import { firstLine } from '../first-line.js';

/** A `fedsim serve --json` process and Sarah-style browsers against it (org1 sign-in → Dropbox home). */
export interface Facts {
  org1: { url: string };
  org2: { url: string };
  dropbox: { url: string };
  users: { login: string; password: string }[];
}

/** `args`: more `fedsim serve` options (e.g. `--heap throughput`). */
export function startServe(cli: string, args: string[] = []): Promise<{ child: ChildProcess; facts: Facts }> {
  const child = spawn(process.execPath, [cli, 'serve', '--json', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return firstLine(child, 'fedsim serve').then((line) => ({ child, facts: JSON.parse(line) as Facts }));
}

export async function signIn(facts: Facts, parties: Record<string, string>): Promise<Page> {
  const user = facts.users[0] as Facts['users'][number];
  const agent = new Agent({ fetch: loopbackFetch, parties });
  let page = await agent.goto(`${facts.org1.url}/app/UserHome`);
  page = await agent.submit(page, { username: user.login, password: user.password }, { formId: 'sign-in' });
  page = await confirmPrompts(agent, page, true);
  page = await confirmPrompts(agent, await agent.clickLink(page, 'Org2Org'), true);
  return confirmPrompts(agent, await agent.clickLink(page, 'Dropbox Business'), true);
}
