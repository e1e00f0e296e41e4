import type { Request } from 'express';
import { escapeHtml } from '../../core/html.js';
import { checkedNow, fieldFeedback, fieldId } from './form-state.js';

/** Small pieces every console section builds its pages from, so they look and behave alike. */

/** A data table with a caption for screen readers; cells are HTML (escape values with `escapeHtml`). */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${headers.length}" class="muted">None.</td></tr>`;
  return `<table><caption class="skip">${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A button that posts one action (a lifecycle change, an assignment) with its hidden fields. */
export function postButton(
  action: string,
  label: string,
  fields: Record<string, string> = {},
  kind: 'primary' | 'secondary' | 'danger' = 'primary',
): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const cls = kind === 'primary' ? '' : ` class="${kind}"`;
  return `<form class="inline" method="POST" action="${escapeHtml(action)}">${hidden}<button type="submit"${cls}>${escapeHtml(label)}</button></form>`;
}

/** A labelled text-like input; on a refused form, the posted value and the refusal next to it. */
export function field(label: string, name: string, value = '', type = 'text'): string {
  const id = fieldId(name);
  const shown = fieldFeedback(name, value, type);
  return (
    `<label for="${id}">${escapeHtml(label)}</label><input type="${type}" id="${id}" name="${escapeHtml(name)}" ` +
    `value="${escapeHtml(shown.value)}"${shown.attrs}>${shown.message}`
  );
}

/** A labelled checkbox; on a refused form, ticked as it was posted. */
export function checkbox(label: string, name: string, checked: boolean, value = 'true'): string {
  const on = checkedNow(name, value, checked);
  return `<label class="check"><input type="checkbox" name="${escapeHtml(name)}" value="${escapeHtml(value)}"${on ? ' checked' : ''}> ${escapeHtml(label)}</label>`;
}

/** A labelled select; `options` are [value, label] pairs. */
export function select(
  label: string,
  name: string,
  options: readonly (readonly [string, string])[],
  value: string,
): string {
  const id = fieldId(name);
  const shown = fieldFeedback(name, value, 'select');
  const opts = options
    .map(
      ([v, l]) =>
        `<option value="${escapeHtml(v)}"${v === shown.value ? ' selected' : ''}>${escapeHtml(l)}</option>`,
    )
    .join('');
  return `<label for="${id}">${escapeHtml(label)}</label><select id="${id}" name="${escapeHtml(name)}"${shown.attrs}>${opts}</select>${shown.message}`;
}

/** A status word as a coloured badge (ACTIVE, DEPROVISIONED, SUCCESS, FAILURE…). */
/** "1 person", "12 people": the consoles' counts of a list of people. */
export function peopleCount(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

export function statusBadge(status: string): string {
  return `<span class="status ${escapeHtml(status)}">${escapeHtml(status)}</span>`;
}

/** Tabs of one object's page (an app's General / Sign On / Provisioning / Assignments). */
export function tabs(items: readonly (readonly [href: string, label: string])[], current: string): string {
  const lis = items
    .map(
      ([href, label]) =>
        `<li><a href="${escapeHtml(href)}"${href === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`,
    )
    .join('');
  return `<ul class="tabs">${lis}</ul>`;
}

/** A query parameter as one string ('' when absent or repeated). */
export function queryText(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value : '';
}

/** Facts of one object as a definition list; values are HTML (escape them). */
export function facts(items: readonly (readonly [term: string, html: string])[]): string {
  return `<dl class="facts">${items.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${d}</dd>`).join('')}</dl>`;
}

/** A date as the console shows it (UTC, to the second), or a dash. */
export function when(date: Date | null | undefined): string {
  return date
    ? `<span class="when">${escapeHtml(`${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`)}</span>`
    : '—';
}

/**
 * The notice after a change: actions redirect to their page with `?done=<key>` (post, redirect,
 * get), and the page says the fixed sentence for that key, so no text travels in the URL.
 */
export function doneNotice(req: Request, sentences: Readonly<Record<string, string>>): string | undefined {
  const key = queryText(req, 'done');
  return Object.hasOwn(sentences, key) ? sentences[key] : undefined;
}
