import { NS } from '../constants.js';
import { attr, descendants, textOf } from '../xml.js';
import type { LoadedProfile } from './profile.js';

/** The SP a message is judged by, and why that one. */
export interface Choice {
  loaded: LoadedProfile;
  why: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A world's SPs listen on ephemeral ports: a loopback URL with the profile's ACS path is its ACS. */
export function loopbackAcsOf(loaded: LoadedProfile, url: string): string | undefined {
  if (!loaded.loopbackAcsPath || !URL.canParse(url)) return undefined;
  const { hostname, pathname, origin } = new URL(url);
  return LOOPBACK.has(hostname) && pathname === loaded.loopbackAcsPath ? `${origin}${pathname}` : undefined;
}

function acsMatch(loaded: LoadedProfile, url: string): string | undefined {
  if (loaded.spec.acsUrl === url) return `${url} is its ACS`;
  return loopbackAcsOf(loaded, url)
    ? `${loaded.loopbackAcsPath} is its ACS path (the port changes every run)`
    : undefined;
}

/**
 * Picks the SP a Response is addressed to among several: by Destination, then Recipient (the
 * ACS), then Audience (its entity id). An SP receives only what is posted to its ACS, so the ACS
 * decides first; with no match the first profile judges and the failing rows show why.
 */
export function chooseProfile(root: Element, profiles: readonly LoadedProfile[]): Choice {
  const [first] = profiles as [LoadedProfile, ...LoadedProfile[]];
  if (profiles.length === 1) return { loaded: first, why: 'the profile given' };
  const urls = [
    ['Destination', attr(root, 'Destination')],
    ...descendants(root, NS.assertion, 'SubjectConfirmationData').map((d) => [
      'Recipient',
      attr(d, 'Recipient'),
    ]),
  ].filter((u): u is [string, string] => u[1] !== undefined);
  for (const [name, url] of urls) {
    for (const loaded of profiles) {
      const match = acsMatch(loaded, url);
      if (match) return { loaded, why: `${name} ${match}` };
    }
  }
  const audiences = descendants(root, NS.assertion, 'Audience').map((a) => textOf(a) ?? '');
  const byAudience = profiles.find((p) => p.spec.audience && audiences.includes(p.spec.audience));
  if (byAudience) return { loaded: byAudience, why: `Audience ${byAudience.spec.audience} is its entity id` };
  const seen = urls.map(([n, u]) => `${n} ${u}`).concat(audiences.map((a) => `Audience ${a}`));
  return {
    loaded: first,
    why: `no profile's ACS or entity id matches (${seen.join(', ') || 'no Destination, Recipient or Audience'}): judged by the first`,
  };
}
