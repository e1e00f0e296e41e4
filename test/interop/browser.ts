import { Agent } from '../../harness/agent/index.js';
import type { World } from '../../harness/world/world.js';

/** Sarah's scripted browser in a world (its parties named in hops). */
export const browser = (world: World) => new Agent({ fetch: world.fetch, parties: world.parties() });

/** The InResponseTo of the last response the browser posted to `acsUrl` ('' when unsolicited). */
export function lastInResponseTo(agent: Agent, acsUrl: string): string {
  const post = agent.hops.findLast((h) => h.url === acsUrl && h.method === 'POST');
  const xml = Buffer.from(post?.formFields?.SAMLResponse ?? '', 'base64').toString('utf8');
  return /<(?:\w+:)?Response\b[^>]*\sInResponseTo="([^"]*)"/.exec(xml)?.[1] ?? '';
}
