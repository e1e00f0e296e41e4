import { performance } from 'node:perf_hooks';
import { setupMessages } from './fedsim.js';
import { summarise } from './stats.js';

/**
 * `npm run bench -- --hostile`: hostile SAMLResponses posted to org2's ACS over loopback HTTP,
 * each with a `GET /login` to org1 sent right behind it. All parties share one thread, so the GET
 * waits for whatever the ACS does: its latency is how long one hostile POST holds the world.
 */
interface Row {
  input: string;
  bytes: number;
  status: number;
  acsMs: number;
  loginMs: number;
  runs: number;
}

/** `levels` elements nested inside the Response, right after its Issuer (signature then fails). */
const nested = (xml: string, levels: number) =>
  xml.replace('</saml2:Issuer>', `</saml2:Issuer>${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}`);
/** `levels` elements nested in the signed Assertion's first AttributeValue (canonicalised when signed). */
const nestedInAssertion = (xml: string, levels: number) =>
  xml.replace(
    '</saml2:AttributeValue>',
    `${'<a>'.repeat(levels)}${'</a>'.repeat(levels)}</saml2:AttributeValue>`,
  );
/** Up to `bytes` of empty sibling elements after the Issuer. */
const flat = (xml: string, bytes: number) =>
  xml.replace('</saml2:Issuer>', `</saml2:Issuer>${'<a/>'.repeat(Math.floor((bytes - xml.length) / 4))}`);

export async function hostileInput(): Promise<Row[]> {
  const messages = await setupMessages();
  const { world } = messages;
  const { xml } = messages.issue(0);
  const inputs: [string, string][] = [
    ['signed response (control: a replay after the first)', xml],
    ['64 levels (deepest allowed)', nested(xml, 62)],
    ['65 levels', nested(xml, 63)],
    ['5,000 levels in an AttributeValue', nestedInAssertion(xml, 5_000)],
    ['10,000 levels', nested(xml, 10_000)],
    ['19,000 levels (~140 kB)', nested(xml, 19_000)],
    ['10,000 sibling elements (the most allowed)', flat(xml, xml.length + 4 * 9_950)],
    ['flat, 256 kB of siblings', flat(xml, 255 * 1024)],
  ];
  const rows: Row[] = [];
  for (const [input, body] of inputs) {
    const form = new URLSearchParams({ SAMLResponse: Buffer.from(body).toString('base64') }).toString();
    const acs: number[] = [];
    const login: number[] = [];
    let status = 0;
    const started = performance.now();
    while (acs.length < 3 || (acs.length < 20 && performance.now() - started < 3000)) {
      const t0 = performance.now();
      const post = fetch(world.org2.acsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
      }).then(async (res) => {
        await res.arrayBuffer();
        status = res.status;
        acs.push(performance.now() - t0);
      });
      const t1 = performance.now();
      await (await fetch(`${world.org1.url}/login`)).text();
      login.push(performance.now() - t1);
      await post;
    }
    const r = (n: number) => Math.round(n * 10) / 10;
    rows.push({
      input,
      bytes: body.length,
      status,
      acsMs: r(summarise(acs).median),
      loginMs: r(summarise(login).median),
      runs: acs.length,
    });
  }
  await messages.close();
  return rows;
}
