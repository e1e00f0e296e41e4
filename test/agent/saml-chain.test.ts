import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, type Hop } from '../../harness/agent/index.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { html, redirect, startServer, type TestServer } from './server.js';

// Base64 with '+', '/' and '=' that the IdP page entity-encodes, as real IdPs do.
const SAML_RESPONSE = 'PHNhbWxwOlJlc3BvbnNlPg+/dGVzdA==';
const ENCODED_RESPONSE = 'PHNhbWxwOlJlc3BvbnNlPg&#x2B;&#x2F;dGVzdA&#x3D;&#x3D;';
const SAML_REQUEST = 'PHNhbWxwOkF1dGhuUmVxdWVzdD4=';

let org1: TestServer;
let dropbox: TestServer;

beforeAll(async () => {
  org1 = await startServer((req, res) => {
    const body = new URLSearchParams(req.body);
    if (req.path === '/app/dropbox/sso/saml' && req.method === 'POST') {
      if (body.get('SAMLRequest') !== SAML_REQUEST) return html(res, '<p>bad request</p>', 400);
      res.setHeader('set-cookie', 'sid=org1-session; Path=/; HttpOnly');
      return html(
        res,
        `<html><body onload="document.forms[0].submit()">
           <form method="POST" action="${dropbox.origin}/saml/acs">
             <input type="hidden" name="SAMLResponse" value="${ENCODED_RESPONSE}"/>
             <input type="hidden" name="RelayState" value="${body.get('RelayState')}"/>
             <noscript><input type="submit" value="Continue"/></noscript>
           </form></body></html>`,
      );
    }
    if (req.path === '/loop') {
      return html(
        res,
        `<form method="post" action="/loop"><input type="hidden" name="SAMLResponse" value="x"></form>`,
      );
    }
    html(res, 'not found', 404);
  });
  dropbox = await startServer((req, res) => {
    if (req.path === '/login') {
      return html(
        res,
        `<form id="saml" method="post" action="${org1.origin}/app/dropbox/sso/saml">
           <input type="hidden" name="SAMLRequest" value="${SAML_REQUEST}">
           <input type="hidden" name="RelayState" value="/home?tab=files&amp;v=2">
         </form>
         <script>document.getElementById('saml').submit();</script>`,
      );
    }
    if (req.path === '/saml/acs' && req.method === 'POST') {
      const body = new URLSearchParams(req.body);
      if (body.get('SAMLResponse') !== SAML_RESPONSE) return html(res, '<p>bad response</p>', 400);
      res.setHeader('set-cookie', 'db_session=s1; Path=/');
      return redirect(res, body.get('RelayState') ?? '/', 303);
    }
    if (req.path.startsWith('/home')) {
      const signedIn = (req.cookie ?? '').split('; ').includes('db_session=s1');
      return html(res, `<title>Dropbox</title><h1>${signedIn ? 'Welcome Sarah' : 'Signed out'}</h1>`);
    }
    html(res, 'not found', 404);
  });
});

afterAll(async () => {
  await org1.close();
  await dropbox.close();
});

describe('SAML auto-submit', () => {
  it('carries Sarah from dropbox to org1 and back, recording every hop', async () => {
    const seen: Hop[] = [];
    const agent = new Agent({
      fetch: loopbackFetch,
      parties: { [org1.origin]: 'org1', [dropbox.origin]: 'dropbox' },
      onHop: (hop) => seen.push(hop),
    });
    const page = await agent.goto(`${dropbox.origin}/login`);
    expect(page.url).toBe(`${dropbox.origin}/home?tab=files&v=2`);
    expect(page.title).toBe('Dropbox');
    expect(page.text).toBe('Welcome Sarah');
    expect(agent.hops.map((h) => [h.from, h.to, h.kind, h.method, h.status])).toEqual([
      ['browser', 'dropbox', 'navigate', 'GET', 200],
      ['dropbox', 'org1', 'form', 'POST', 200],
      ['org1', 'dropbox', 'form', 'POST', 303],
      ['dropbox', 'dropbox', 'redirect', 'GET', 200],
    ]);
    expect(agent.hops[1]?.formFields).toEqual({
      SAMLRequest: SAML_REQUEST,
      RelayState: '/home?tab=files&v=2',
    });
    expect(agent.hops[2]?.formFields).toEqual({
      SAMLResponse: SAML_RESPONSE,
      RelayState: '/home?tab=files&v=2',
    });
    expect(agent.hops[2]?.url).toBe(`${dropbox.origin}/saml/acs`);
    expect(agent.hops[2]?.location).toBe(`${dropbox.origin}/home?tab=files&v=2`);
    expect(agent.hops.map((h) => h.setCookies)).toEqual([[], ['sid'], ['db_session'], []]);
    expect(seen).toEqual(agent.hops);
    // One host: a browser sends both parties' cookies to each, so their names must differ.
    expect(agent.cookies(org1.origin)).toEqual({ sid: 'org1-session', db_session: 's1' });
    expect(agent.cookies(dropbox.origin)).toEqual({ sid: 'org1-session', db_session: 's1' });
  });

  it('stops on the auto-post page when autoSubmitSaml is off, and submit() continues by hand', async () => {
    const agent = new Agent({ fetch: loopbackFetch, autoSubmitSaml: false });
    const login = await agent.goto(`${dropbox.origin}/login`);
    expect(agent.hops).toHaveLength(1);
    expect(login.forms[0]?.autoSubmit).toBe(true);
    const post = await agent.submit(login);
    expect(post.forms[0]?.fields.SAMLResponse).toBe(SAML_RESPONSE);
    // A scripting browser parses <noscript> as text, so its Continue button is not a control.
    expect(post.forms[0]?.submitLabels).toEqual([]);
    const home = await agent.submit(post);
    expect(home.text).toBe('Welcome Sarah');
    expect(agent.hops.map((h) => h.kind)).toEqual(['navigate', 'form', 'form', 'redirect']);
  });

  it('gives up on endlessly chained auto-posts with AGENT_TOO_MANY_REDIRECTS', async () => {
    const agent = new Agent({ fetch: loopbackFetch, maxRedirects: 2 });
    await expect(agent.goto(`${org1.origin}/loop`)).rejects.toMatchObject({
      code: 'AGENT_TOO_MANY_REDIRECTS',
    });
    expect(agent.hops.map((h) => h.kind)).toEqual(['navigate', 'form', 'form']);
  });
});
