import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Agent } from '../../harness/agent/index.js';
import { FedsimError } from '../../harness/core/errors.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { closedPort, html, startServer, type TestServer } from './server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path === '/dashboard') {
      return html(
        res,
        `<nav><a href="/apps/dropbox">Dropbox Business</a> <a href="apps/box">Box</a>
         <a href="/signout">Sign out</a></nav>`,
      );
    }
    html(res, `<p>at ${req.path}</p>`, req.path === '/signout' ? 401 : 200);
  });
});

afterAll(() => server.close());

describe('clickLink', () => {
  it('follows a link by exact text, then by contained text, then by RegExp', async () => {
    const agent = new Agent({ fetch: loopbackFetch, parties: { [server.origin]: 'org1' } });
    const dashboard = await agent.goto(`${server.origin}/dashboard`);
    expect((await agent.clickLink(dashboard, 'Box')).text).toBe('at /apps/box');
    expect((await agent.clickLink(dashboard, 'Dropbox')).text).toBe('at /apps/dropbox');
    const out = await agent.clickLink(dashboard, /^sign\s+out$/i);
    expect(out.status).toBe(401);
    expect(out.text).toBe('at /signout');
    expect(agent.hops.slice(1).map((h) => [h.from, h.to, h.kind, h.url])).toEqual([
      ['org1', 'org1', 'navigate', `${server.origin}/apps/box`],
      ['org1', 'org1', 'navigate', `${server.origin}/apps/dropbox`],
      ['org1', 'org1', 'navigate', `${server.origin}/signout`],
    ]);
  });

  it('reports AGENT_NO_LINK with the links that exist', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const dashboard = await agent.goto(`${server.origin}/dashboard`);
    const err = await agent.clickLink(dashboard, 'Salesforce').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FedsimError);
    expect(err).toMatchObject({
      code: 'AGENT_NO_LINK',
      expected: 'Salesforce',
      actual: [
        `"Dropbox Business" → ${server.origin}/apps/dropbox`,
        `"Box" → ${server.origin}/apps/box`,
        `"Sign out" → ${server.origin}/signout`,
      ],
    });
  });
});

describe('failures', () => {
  it('turns a refused connection into HTTP_FAILED naming the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/sso`;
    const agent = new Agent({ fetch: loopbackFetch });
    const err = await agent.goto(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FedsimError);
    expect((err as FedsimError).code).toBe('HTTP_FAILED');
    expect((err as FedsimError).message).toContain(`GET ${url} failed`);
    expect((err as FedsimError).message).toContain('ECONNREFUSED');
    expect(agent.hops).toEqual([]);
  });

  it('lets loopbackFetch refuse a non-loopback URL without touching the network', async () => {
    const realFetch = vi.spyOn(globalThis, 'fetch');
    try {
      const agent = new Agent({ fetch: loopbackFetch });
      await expect(agent.goto('https://www.dropbox.com/login')).rejects.toMatchObject({
        name: 'FedsimError',
        code: 'HTTP_OUTBOUND_BLOCKED',
        actual: 'https://www.dropbox.com/login',
      });
      expect(realFetch).not.toHaveBeenCalled();
      expect(agent.hops).toEqual([]);
    } finally {
      realFetch.mockRestore();
    }
  });

  it('rejects a URL that is not absolute with HTTP_FAILED', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await expect(agent.goto('/relative')).rejects.toMatchObject({ code: 'HTTP_FAILED', actual: '/relative' });
  });
});
