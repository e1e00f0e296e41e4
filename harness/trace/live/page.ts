import type { Actor, TraceDocument, TracedExchange } from '../document.js';
import { counted } from '../page/format.js';
import { legendHtml, partiesHtml } from '../page/header.js';
import { hopHtml } from '../page/hop.js';
import { lanesHeader, lanesOf, lifelineCss } from '../page/lanes.js';
import { SCRIPT } from '../page/script.js';
import { STYLE } from '../page/style.js';
import { LIVE_BROWSER } from './capture.js';
import { LIVE_SCRIPT } from './script.js';

/** The name the page's download link gives the JSON, and the one each explain command names. */
export const LIVE_JSON_FILE = 'fedsim-trace.json';

/** The live trace's lanes: the served world's browser, then the parties (page/lanes.ts). */
export function liveLanes(hops: readonly TracedExchange[]): Actor[] {
  return lanesOf(hops).map((lane) => (lane === 'browser' ? `browser:${LIVE_BROWSER}` : lane));
}

/** One exchange as the live page shows it (the same markup as a trace file's page). */
export function liveHopHtml(hop: TracedExchange, lanes: readonly Actor[]): string {
  return hopHtml(hop, lanes, LIVE_JSON_FILE);
}

const LIVE_STYLE =
  '.live{display:flex;gap:16px;align-items:baseline;flex-wrap:wrap}.live-status{color:var(--muted)}' +
  '.download{font-weight:600}.empty{color:var(--muted);margin:16px 0 0 var(--num)}';

/**
 * `/_fedsim/trace`: a served world's exchanges, newest first, each expandable like a trace file's
 * page; new ones stream in (live/script.ts). The page reads completely without its script.
 */
export function liveTraceHtml(doc: TraceDocument): string {
  const lanes = liveLanes(doc.hops);
  const hops = [...doc.hops].reverse().map((hop) => liveHopHtml(hop, lanes));
  const last = doc.hops.at(-1)?.n ?? 0;
  const empty = hops.length
    ? ''
    : '<p class="empty" id="no-hops">No exchanges yet: sign in at org1 and they appear here.</p>';
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><title>fedsim: live trace</title>' +
    `<style>${STYLE}${LIVE_STYLE}${lifelineCss(lanes.length)}</style></head><body style="--lanes:${lanes.length}">` +
    '<header><h1>Live trace</h1><div class="live">' +
    `<span><span id="hop-count">${counted(doc.hops.length, 'exchange')}</span>, newest first</span>` +
    `<a class="download" href="/_fedsim/trace.json" download="${LIVE_JSON_FILE}">Download trace JSON</a>` +
    '<span class="live-status" id="live-status" role="status">Reload to see new exchanges.</span></div>' +
    `<div class="overview">${partiesHtml(doc)}${legendHtml()}</div></header><main>` +
    '<div class="toolbar"><button type="button" data-open="all">Open every exchange</button>' +
    '<button type="button" data-open="none">Close every exchange</button></div>' +
    `${lanesHeader(lanes)}<section id="hops" aria-label="Exchanges" data-lanes="${lanes.join(' ')}" data-last="${last}">` +
    `${hops.join('')}</section>${empty}</main><script>${SCRIPT}${LIVE_SCRIPT}</script></body></html>`
  );
}
