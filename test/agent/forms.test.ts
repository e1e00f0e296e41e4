import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, parsePage } from '../../harness/agent/index.js';
import { FedsimError } from '../../harness/core/errors.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { html, startServer, type TestServer } from './server.js';

const BASE = 'http://127.0.0.1:4000/dir/page?x=1';

describe('parsePage', () => {
  it('collects fields: hidden, entity-decoded, textarea, select, checkbox, radio, disabled', () => {
    const page = parsePage(
      BASE,
      200,
      `<form action="post?a=1&amp;b=2" method="post">
         <input type="hidden" name="SAMLResponse" value="PHNhbWw&#43;dA&#x3D;&#61;">
         <input type="hidden" name="RelayState" value="https:&#x2F;&#47;app&#46;example&#x2f;?q=&quot;x&quot;&amp;y">
         <input name="user" value="sarah">
         <input name="blank">
         <textarea name="note">Line &lt;one&gt; &amp; two</textarea>
         <select name="first"><option value="a">A</option><option value="b">B</option></select>
         <select name="picked"><option>one</option><option selected>two</option></select>
         <input type="checkbox" name="remember" checked>
         <input type="checkbox" name="spam" value="yes">
         <input type="radio" name="factor" value="sms"><input type="radio" name="factor" value="push" checked>
         <input name="off" value="x" disabled>
         <input type="submit" value="Sign in">
       </form>`,
    );
    expect(page.forms).toHaveLength(1);
    const [form] = page.forms;
    expect(form?.action).toBe('http://127.0.0.1:4000/dir/post?a=1&b=2');
    expect(form?.method).toBe('POST');
    expect(form?.fields).toEqual({
      SAMLResponse: 'PHNhbWw+dA==',
      RelayState: 'https://app.example/?q="x"&y',
      user: 'sarah',
      blank: '',
      note: 'Line <one> & two',
      first: 'a',
      picked: 'two',
      remember: 'on',
      factor: 'push',
    });
    expect(form?.submitLabels).toEqual(['Sign in']);
    expect(form?.autoSubmit).toBe(true);
  });

  it('resolves an empty action to the page URL and defaults the method to GET', () => {
    const page = parsePage(BASE, 200, '<form id="f" name="search" action=""><input name="q"></form>');
    expect(page.forms[0]).toEqual({
      action: BASE,
      method: 'GET',
      fields: { q: '' },
      submitLabels: [],
      buttons: [],
      id: 'f',
      name: 'search',
      autoSubmit: false,
    });
  });

  it('extracts title, visible text and links', () => {
    const page = parsePage(
      BASE,
      200,
      `<html><head><title>Sign &amp; go</title><style>p{}</style></head>
       <body><h1>Welcome,</h1><p>Sarah&nbsp;Smith</p><script>var x = "<b>hidden</b>";</script>
       <a href="/apps">My  <b>Apps</b></a><a href="javascript:void(0)">js</a><a href="../up">Up</a></body></html>`,
    );
    expect(page.title).toBe('Sign & go');
    // inline links run together as a browser renders them; \s collapsing turns &nbsp; into a space
    expect(page.text).toBe('Welcome, Sarah Smith My AppsjsUp');
    expect(page.links).toEqual([
      { href: 'http://127.0.0.1:4000/apps', text: 'My Apps' },
      { href: 'http://127.0.0.1:4000/up', text: 'Up' },
    ]);
  });

  it('marks forms submitted by onload or script, and not others', () => {
    const onload = parsePage(
      BASE,
      200,
      '<body onload="document.forms[0].submit()"><form action="/a"><input name="k" value="v"></form></body>',
    );
    expect(onload.forms.map((f) => f.autoSubmit)).toEqual([true]);
    const byName = parsePage(
      BASE,
      200,
      `<form name="first" action="/1"></form><form name="next" action="/2"></form>
       <script>window.onload = function () { document.forms['next'].submit(); };</script>`,
    );
    expect(byName.forms.map((f) => f.autoSubmit)).toEqual([false, true]);
    const byId = parsePage(
      BASE,
      200,
      `<form id="a" action="/1"></form><form id="b" action="/2"></form>
       <script>document.getElementById("a").submit()</script>`,
    );
    expect(byId.forms.map((f) => f.autoSubmit)).toEqual([true, false]);
    const plain = parsePage(BASE, 200, '<form action="/1"><input name="q"></form>');
    expect(plain.forms.map((f) => f.autoSubmit)).toEqual([false]);
  });
});

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.path, 'http://x');
    switch (url.pathname) {
      case '/consent':
        return html(
          res,
          `<form id="consent" method="post" action="/decide">
             <input type="hidden" name="txn" value="t&#x2B;1">
             <button type="submit" name="action" value="allow">Allow</button>
             <button name="action" value="deny">Deny</button>
             <button type="button">Help</button>
           </form>
           <form id="search" action="/search"><input name="q" value="apps"><input type="submit" value="Go"></form>`,
        );
      case '/decide':
      case '/search':
        return html(res, `<p>${req.method} ${url.pathname} query=[${url.search}] body=[${req.body}]</p>`);
      default:
        return html(res, '<p>no forms here</p>');
    }
  });
});

afterAll(() => server.close());

describe('Agent.submit', () => {
  it('presses the named button and sends its name/value with the hidden fields', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const page = await agent.submit(await agent.goto(`${server.origin}/consent`), {}, { button: 'Deny' });
    expect(page.text).toBe('POST /decide query=[] body=[txn=t%2B1&action=deny]');
    expect(agent.hops[1]?.formFields).toEqual({ txn: 't+1', action: 'deny' });
    expect(agent.hops[1]?.kind).toBe('form');
  });

  it('uses the first submit button when only the form id is given, and merges fields over defaults', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const consent = await agent.goto(`${server.origin}/consent`);
    expect(consent.forms[0]?.submitLabels).toEqual(['Allow', 'Deny']);
    const page = await agent.submit(consent, { txn: 'override', extra: 'x y' }, { formId: 'consent' });
    expect(page.text).toBe('POST /decide query=[] body=[txn=override&action=allow&extra=x+y]');
  });

  it('submits a GET form as a query string', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const page = await agent.submit(
      await agent.goto(`${server.origin}/consent`),
      { q: 'drop box' },
      { button: 'Go' },
    );
    expect(page.text).toBe('GET /search query=[?q=drop+box] body=[]');
    expect(agent.hops[1]?.method).toBe('GET');
    expect(agent.hops[1]?.formFields).toBeUndefined();
  });

  it('refuses an ambiguous choice with AGENT_NO_FORM listing the forms', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const page = await agent.goto(`${server.origin}/consent`);
    const err = await agent.submit(page).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FedsimError);
    expect(err).toMatchObject({ code: 'AGENT_NO_FORM', expected: 'a single form' });
    expect((err as FedsimError).message).toContain(
      `POST ${server.origin}/decide id=consent buttons=[Allow, Deny]`,
    );
    expect((err as FedsimError).message).toContain(`GET ${server.origin}/search id=search buttons=[Go]`);
    await expect(agent.submit(page, {}, { button: 'Nope' })).rejects.toMatchObject({
      code: 'AGENT_NO_FORM',
      expected: 'button "Nope"',
    });
    expect(agent.hops).toHaveLength(1);
  });

  it('refuses a page without forms with AGENT_NO_FORM', async () => {
    const agent = new Agent({ fetch: loopbackFetch });
    const page = await agent.goto(`${server.origin}/empty`);
    await expect(agent.submit(page)).rejects.toThrow(
      /No form on .*\/empty match a single form; the page has no forms/,
    );
  });
});
