import { escapeHtml as e } from '../../core/html.js';
import { REDACTED } from '../document.js';

/** `{org1}` in a normalised trace, drawn as a chip so it reads as a name standing for an origin. */
const PLACEHOLDER = /\{([A-Za-z0-9_-]+)\}/g;

/** A URL as text that wraps anywhere (never clipped), with its `{party}` placeholders marked. */
export function urlHtml(url: string): string {
  return `<span class="url">${e(url).replace(PLACEHOLDER, '<span class="ph">{$1}</span>')}</span>`;
}

/** The path and query of an absolute or placeholder URL: what an arrow's label has room for. */
export function pathOf(url: string): string {
  return url.replace(/^(\{[^}]+\}|[a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, '') || '/';
}

/** Durations are recorded to 0.01 ms; shown with exactly two decimals. */
export function ms(value: number): string {
  return `${(Math.round(value * 100) / 100).toFixed(2)} ms`;
}

const text = (value: string) => e(value).replaceAll(REDACTED, '<span class="redacted">[redacted]</span>');
const isPlain = (v: unknown) => v === null || typeof v !== 'object';
const scalar = (v: unknown) => (typeof v === 'string' ? text(v) : e(JSON.stringify(v)));

/**
 * A value of a check row, header or field, as people read it: strings bare, a list one item a line,
 * a flat object one `key: value` a line (SAML attributes), anything deeper as JSON.
 */
export function valueHtml(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value) && value.every(isPlain)) return value.map(scalar).join('<br>');
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    const flat = entries.every(([, v]) => isPlain(v) || (Array.isArray(v) && v.every(isPlain)));
    if (flat) return entries.map(([k, v]) => `${e(k)}: ${[v].flat().map(scalar).join(', ')}`).join('<br>');
  }
  return scalar(value);
}

/** A two-column table of labelled values; rows without a value are left out. */
export function fieldsTable(caption: string, rows: Record<string, unknown>): string {
  const body = Object.entries(rows)
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${valueHtml(v)}</td></tr>`)
    .join('');
  return body ? `<table class="fields"><caption>${e(caption)}</caption>${body}</table>` : '';
}

/** Like fieldsTable, for rows whose values are already HTML. */
export function htmlTable(caption: string, rows: [string, string | undefined][]): string {
  const body = rows
    .filter((r): r is [string, string] => Boolean(r[1]))
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${v}</td></tr>`)
    .join('');
  return `<table class="fields"><caption>${e(caption)}</caption>${body}</table>`;
}

/** Pretty JSON of an API body (already redacted by the recorder). */
export function jsonBlock(caption: string, body: unknown): string {
  if (body === undefined) return '';
  return `<figure class="json"><figcaption>${e(caption)}</figcaption><pre>${valueHtml(JSON.stringify(body, null, 2))}</pre></figure>`;
}

/** Quotes one shell word only when it needs it, so the copied command pastes into sh, bash or zsh. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A recorder writes status 0 when no answer came (connection refused or dropped). */
export function statusText(status: number): string {
  return status === 0 ? 'no answer' : String(status);
}

/** `1 exchange`, `2 exchanges`. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function explainCommand(jsonFile: string, hop: number): string {
  return `fedsim explain ${shellWord(jsonFile)} --hop ${hop}`;
}
