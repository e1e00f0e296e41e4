import { escapeHtml as e } from '../../core/html.js';
import type { Actor, TracedExchange } from '../document.js';
import { statusText } from './format.js';

/**
 * One lane per actor, left to right in the order a sign-in travels: each named browser (a lane of
 * its own, so two people's journeys never draw over each other), then org1, org2, dropbox, then
 * anything else the trace names. The three parties always have a lane, so every page reads alike.
 */
const PARTIES = ['org1', 'org2', 'dropbox'];
const ROLES: Record<string, string> = { org1: 'Okta, source', org2: 'Okta, hub', dropbox: 'Dropbox' };

const isBrowser = (actor: Actor) => actor === 'browser' || actor.startsWith('browser:');

export function lanesOf(hops: readonly TracedExchange[]): Actor[] {
  const actors = [...new Set(hops.flatMap((h) => [h.from, h.to]))];
  const browsers = actors.filter(isBrowser);
  const others = actors.filter((a) => !isBrowser(a) && !PARTIES.includes(a));
  return [...(browsers.length ? browsers : ['browser']), ...PARTIES, ...others];
}

function laneName(actor: Actor): { who: string; role: string } {
  const person = actor.slice('browser:'.length);
  if (isBrowser(actor)) return person ? { who: person, role: 'browser' } : { who: 'browser', role: '' };
  return { who: actor, role: ROLES[actor] ?? 'party' };
}

/** The sticky header naming each lane (hidden from screen readers: each hop says from and to in words). */
export function lanesHeader(lanes: readonly Actor[]): string {
  const cells = lanes.map((actor) => {
    const { who, role } = laneName(actor);
    return `<div class="lane"><span class="who">${e(who)}</span> <span class="role">${e(role)}</span></div>`;
  });
  return `<div class="lanes" aria-hidden="true"><div class="n">#</div>${cells.join('')}</div>`;
}

/** Lifelines behind the rows: one vertical rule at the centre of each lane. */
export function lifelineCss(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => {
    const x = `calc(var(--num) + (100% - var(--num)) * ${(2 * i + 1) / (2 * count)})`;
    return `linear-gradient(var(--lifeline),var(--lifeline)) ${x} 0/1px 100% no-repeat`;
  });
  return `.row{background:${lines.join(',')}}`;
}

function apiName(url: string): string {
  if (url.includes('/scim/')) return 'SCIM';
  return url.includes('/api/v1/') ? 'Okta API' : 'API';
}

function statusClass(status: number): string {
  if (status >= 400 || status === 0) return 'st bad';
  return status >= 300 ? 'st redirect' : 'st ok';
}

/** The arrow of one exchange, from the sender's lane to the receiver's, labelled with what it was. */
export function arrowHtml(hop: TracedExchange, lanes: readonly Actor[], path: string): string {
  const from = lanes.indexOf(hop.from);
  const to = lanes.indexOf(hop.to);
  const [lo, hi] = from < to ? [from, to] : [to, from];
  const direction = from === to ? 'self' : from < to ? 'right' : 'left';
  const badges = [
    hop.channel === 'api' ? `<span class="badge api">${apiName(hop.url)}</span>` : '',
    hop.saml ? `<span class="badge saml">SAML ${e(hop.saml.kind)}</span>` : '',
  ].join('');
  return (
    `<span class="arrow ${direction} ${hop.channel}" style="grid-column:${lo + 2}/${hi + 3};--k:${hi - lo + 1}">` +
    `<span class="label">${badges}<span class="method">${e(hop.method)}</span>` +
    `<span class="path">${e(path)}</span><span class="${statusClass(hop.status)}">${statusText(hop.status)}</span></span>` +
    '<span class="line" aria-hidden="true"></span></span>'
  );
}
