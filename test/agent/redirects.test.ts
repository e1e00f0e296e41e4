import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../harness/agent/index.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { html, redirect, startServer, type TestServer } from './server.js';

let sp: TestServer;
let idp: TestServer;

beforeAll(async () => {
  idp = await startServer((req, res) => {
    if (req.path === '/sso') return redirect(res, `${sp.origin}/landing`);
    html(res, 'not found', 404);
  });
  sp = await startServer((req, res) => {
    switch (req.path) {
      case '/dir/a':
        return redirect(res, 'b'); // relative to /dir/
      case '/dir/b':
        return redirect(res, '/c', 301);
      case '/c':
        return html(res, '<title>C</title><p>done</p>');
      case '/start':
        return redirect(res, `${idp.origin}/sso`);
      case '/landing':
        return html(res, '<p>landed</p>');
      case '/form':
        return html(
          res,
          '<form id="login" method="post" action="/login"><input name="user" value="sarah"></form>' +
            '<form id="keep" method="post" action="/old"><input name="x" value="1"><input name="y" value="two"></form>' +
            '<form id="moved" method="post" action="/moved"><input name="z" value="3"></form>',
        );
      case '/login':
        return redirect(res, '/home', 303);
      case '/home':
        return html(res, `<p>home via ${req.method} body=[${req.body}]</p>`);
      case '/old':
        return redirect(res, '/new', 307);
      case '/new':
        return html(res, `<p>new via ${req.method} body=[${req.body}]</p>`);
      case '/moved':
        return redirect(res, '/home', 302);
      case '/loop':
        return redirect(res, '/loop');
      default:
        return html(res, 'not found', 404);
    }
  });
});

afterAll(async () => {
  await sp.close();
  await idp.close();
});

const agentFor = (maxRedirects?: number) =>
  new Agent({
    fetch: loopbackFetch,
    parties: { [sp.origin]: 'dropbox', [`${idp.origin}/`]: 'org1' },
    ...(maxRedirects === undefined ? {} : { maxRedirects }),
  });

describe('redirects', () => {
  it('follows a 302/301 chain resolving relative Locations', async () => {
    const agent = agentFor();
    const page = await agent.goto(`${sp.origin}/dir/a`);
    expect(page.url).toBe(`${sp.origin}/c`);
    expect(page.status).toBe(200);
    expect(page.title).toBe('C');
    expect(page.text).toBe('done');
    expect(agent.hops.map((h) => [h.kind, h.method, h.url, h.status, h.location])).toEqual([
      ['navigate', 'GET', `${sp.origin}/dir/a`, 302, `${sp.origin}/dir/b`],
      ['redirect', 'GET', `${sp.origin}/dir/b`, 301, `${sp.origin}/c`],
      ['redirect', 'GET', `${sp.origin}/c`, 200, undefined],
    ]);
    expect(agent.hops.map((h) => h.from)).toEqual(['browser', 'dropbox', 'dropbox']);
    expect(agent.hops.every((h) => h.durationMs >= 0)).toBe(true);
  });

  it('names parties across origins (trailing slash in the parties map is tolerated)', async () => {
    const agent = agentFor();
    const page = await agent.goto(`${sp.origin}/start`);
    expect(page.text).toBe('landed');
    expect(agent.hops.map((h) => `${h.from}->${h.to} ${h.status}`)).toEqual([
      'browser->dropbox 302',
      'dropbox->org1 302',
      'org1->dropbox 200',
    ]);
  });

  it('labels unknown origins by host:port', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    await agent.goto(`${sp.origin}/c`);
    expect(agent.hops[0]?.to).toBe(new URL(sp.origin).host);
  });

  it('turns a POST into a GET after 303', async () => {
    const agent = agentFor();
    const page = await agent.submit(await agent.goto(`${sp.origin}/form`), {}, { formId: 'login' });
    expect(page.text).toBe('home via GET body=[]');
    expect(sp.seen.at(-1)).toMatchObject({ method: 'GET', path: '/home', body: '' });
    expect(agent.hops.slice(1).map((h) => [h.kind, h.method, h.status, h.formFields])).toEqual([
      ['form', 'POST', 303, { user: 'sarah' }],
      ['redirect', 'GET', 200, undefined],
    ]);
  });

  it('keeps the method and body through a 307', async () => {
    const agent = agentFor();
    const page = await agent.submit(await agent.goto(`${sp.origin}/form`), {}, { formId: 'keep' });
    expect(page.text).toBe('new via POST body=[x=1&y=two]');
    expect(sp.seen.at(-1)).toMatchObject({
      method: 'POST',
      path: '/new',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(agent.hops.slice(1).map((h) => [h.kind, h.method, h.status, h.formFields])).toEqual([
      ['form', 'POST', 307, { x: '1', y: 'two' }],
      ['redirect', 'POST', 200, { x: '1', y: 'two' }],
    ]);
  });

  it('turns a POST into a GET after 302', async () => {
    const agent = agentFor();
    const page = await agent.submit(await agent.goto(`${sp.origin}/form`), {}, { formId: 'moved' });
    expect(page.text).toBe('home via GET body=[]');
  });

  it('gives up on a loop with AGENT_TOO_MANY_REDIRECTS', async () => {
    const agent = agentFor(3);
    await expect(agent.goto(`${sp.origin}/loop`)).rejects.toMatchObject({
      name: 'FedsimError',
      code: 'AGENT_TOO_MANY_REDIRECTS',
    });
    // the first request plus three followed redirects, then the fourth Location is refused
    expect(agent.hops).toHaveLength(4);
  });

  it('allows exactly maxRedirects redirects', async () => {
    const agent = agentFor(2);
    const page = await agent.goto(`${sp.origin}/dir/a`);
    expect(page.url).toBe(`${sp.origin}/c`);
  });
});
