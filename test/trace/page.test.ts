import { describe, expect, it } from 'vitest';
import type { TraceDocument } from '../../harness/trace/document.js';
import { traceHtml } from '../../harness/trace/html.js';
import { normalizeTrace } from '../../harness/trace/normalize.js';
import { explainCommand, ms, pathOf, valueHtml } from '../../harness/trace/page/format.js';
import { lanesOf } from '../../harness/trace/page/lanes.js';
import { loadFixture, manyHops } from './page-fixtures.js';

const doc = loadFixture();
const html = traceHtml(doc, 'traces/sarah.json');

/** The HTML of hop `n`, up to the next hop. */
const hopOf = (page: string, n: number) =>
  page.slice(page.indexOf(`id="hop-${n}"`)).split('<details class="hop')[0];

describe('the trace page', () => {
  it('is one self-contained file: inline style and script, nothing fetched', () => {
    expect(html).not.toMatch(/<link|\ssrc=|@import|url\(|https?:\/\/[^"<\s]*\.(js|css)\b/i);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('has a lane per browser, then org1, org2, dropbox', () => {
    expect(lanesOf(doc.hops)).toEqual(['browser:sarah', 'org1', 'org2', 'dropbox']);
    const two = [...doc.hops, { ...doc.hops[4], from: 'browser:david' }] as TraceDocument['hops'];
    expect(lanesOf(two)).toEqual(['browser:sarah', 'browser:david', 'org1', 'org2', 'dropbox']);
    expect(lanesOf([])).toEqual(['browser', 'org1', 'org2', 'dropbox']);
  });

  it('groups hops under a heading per step, with its status', () => {
    for (const step of doc.steps) expect(html).toContain(`id="step-${step.index}"`);
    expect(html).toMatch(
      /<section class="step failed" id="step-6"[^>]*><h2[^>]*><span class="badge failed">failed<\/span> Step 6 · her next sign-in to org2/,
    );
    expect(html).toMatch(/Step 7 · expect <span class="count">no HTTP exchanges/);
    const loose = { ...doc, hops: doc.hops.map(({ step: _s, stepName: _n, ...h }) => h) };
    const unlinked = traceHtml(loose, 't.json');
    expect(unlinked).toContain(
      `Exchanges not tied to a step <span class="count">${doc.hops.length} exchanges`,
    );
    expect(unlinked).not.toContain('no HTTP exchanges');
    const firstUnlinked = { ...doc, hops: doc.hops.map((h) => (h.n === 1 ? { ...h, step: undefined } : h)) };
    expect(traceHtml(firstUnlinked, 't.json')).toMatch(
      /not tied to a step <span class="count">1 exchange<\/span>.*id="step-1"/s,
    );
  });

  it('marks API calls apart from browser traffic and names the API', () => {
    const apiHops = doc.hops.filter((h) => h.channel === 'api');
    expect(html.match(/<details class="hop api/g)).toHaveLength(apiHops.length);
    expect(hopOf(html, 2)).toContain('<span class="badge api">Okta API</span>');
    expect(hopOf(html, 4)).toContain('<span class="badge api">SCIM</span>');
    expect(hopOf(html, 2)).toMatch(/authorization<\/th><td>SSWS <span class="redacted">\[redacted\]<\/span>/);
  });

  it('opens a refused ACS with its failed rows, fix and decision', () => {
    const refused = doc.hops.find((h) => h.decision?.outcome === 'refused');
    const hop = hopOf(html, refused?.n ?? 0);
    expect(hop).toMatch(/^id="hop-\d+" data-hop="\d+" open>/);
    expect(hop.match(/<tr><td>(recipient|audience)<\/td><td><code>SAML_\w+_MISMATCH<\/code>/g)).toHaveLength(
      2,
    );
    expect(hop).toContain('Audience URI to https://www.okta.com/saml2/service-provider/spayBs');
    expect(hop).toContain('<strong>Decision: refused</strong> <code>SAML_RECIPIENT_MISMATCH</code>');
    expect(hop).toContain('Passed checks (17)');
    // Accepted ACS hops stay closed, their table folded into one line.
    const accepted = hopOf(html, doc.hops.find((h) => h.decision?.outcome === 'linked')?.n ?? 0);
    expect(accepted).not.toMatch(/^[^>]* open>/);
    expect(accepted).toContain('Check table: all 19 checks passed');
  });

  it('offers the explain command of each SAML message, quoted for the shell', () => {
    const samlHops = doc.hops.filter((h) => h.saml);
    expect(html.match(/data-copy="fedsim explain traces\/sarah.json --hop \d+"/g)).toHaveLength(
      samlHops.length,
    );
    expect(explainCommand('my traces/it’s.json', 3)).toBe("fedsim explain 'my traces/it’s.json' --hop 3");
    expect(explainCommand("a'b.json", 3)).toBe(`fedsim explain 'a'\\''b.json' --hop 3`);
  });

  it('shows full URLs on hover and in the body, the path on the arrow', () => {
    const hop = doc.hops[8];
    const part = hopOf(html, hop?.n ?? 0);
    expect(part).toContain(`title="GET ${hop?.url} → 200"`);
    expect(part).toContain(`<span class="path">${pathOf(hop?.url ?? '')}</span>`);
    expect(pathOf('{org2}/sso/saml2/0oa?x=1')).toBe('/sso/saml2/0oa?x=1');
    expect(pathOf('http://127.0.0.1:5/')).toBe('/');
  });

  it('says "no answer" where a request got none', () => {
    const dropped = {
      ...doc,
      hops: doc.hops.map((h) => (h.n === 3 ? { ...h, status: 0, error: 'ECONNREFUSED <org2>' } : h)),
    };
    expect(hopOf(traceHtml(dropped, 't.json'), 3)).toMatch(
      /<span class="st bad">no answer<\/span>.*status<\/th><td>no answer.*error<\/th><td>ECONNREFUSED &lt;org2&gt;</s,
    );
  });

  it('names the party whose page caused a browser request', () => {
    const caused = { ...doc, hops: doc.hops.map((h) => (h.n === 2 ? { ...h, initiator: 'org1' } : h)) };
    expect(hopOf(traceHtml(caused, 't.json'), 2)).toMatch(/caused by<\/th><td>org1</);
    expect(hopOf(html, 2)).not.toContain('caused by');
  });

  it('rounds timings to 0.01 ms and shows placeholders of a normalised trace', () => {
    expect(ms(47.284223999999995)).toBe('47.28 ms');
    expect(ms(3)).toBe('3.00 ms');
    const norm = traceHtml(normalizeTrace(doc), 't.json');
    expect(norm).toContain('<span class="ph">{org1}</span>/app/UserHome');
    expect(norm).toContain('Normalised trace');
    expect(norm).not.toMatch(/<th scope="row">time</);
  });

  it('escapes everything a trace carries', () => {
    const hostile = structuredClone(doc);
    hostile.scenario.name = '<img onerror=x>';
    (hostile.hops[0] as { url: string }).url = 'http://x/"><script>alert(1)</script>';
    hostile.steps[0] = { index: 1, name: '</h2><script>', status: 'passed' };
    const page = traceHtml(hostile, '"><b>.json');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).not.toMatch(/<img|<b>/);
  });

  it('reads values as people do: lists one a line, attributes as key: value', () => {
    expect(valueHtml(['a', 'b'])).toBe('a<br>b');
    expect(valueHtml({ firstName: ['Sarah'], email: ['s@x'] })).toBe('firstName: Sarah<br>email: s@x');
    expect(valueHtml('SSWS [redacted]')).toBe('SSWS <span class="redacted">[redacted]</span>');
    expect(valueHtml({ a: { b: 1 } })).toBe('{&quot;a&quot;:{&quot;b&quot;:1}}');
  });

  it('renders 500 hops in one page', () => {
    const big = manyHops(doc, 500);
    const page = traceHtml(big, 't.json');
    expect(page.match(/<details class="hop/g)).toHaveLength(500);
    // Its 160 steps start folded, so the diagram is on the first screen; the fixture's 7 are listed.
    expect(page).toContain(`<details class="steps"><summary><h2>Steps (${big.steps.length})</h2>`);
    expect(html).toContain('<details class="steps" open><summary><h2>Steps (7)</h2>');
  });
});
