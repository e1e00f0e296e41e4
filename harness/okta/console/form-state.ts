import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import type { FedsimError } from '../../core/errors.js';
import { escapeHtml } from '../../core/html.js';
import { isOktaErrorCode, oktaCauses } from '../errors.js';

/**
 * A console form the org refused, shown again: what was posted (so nothing typed is lost) and the
 * refusal, by field where it names one. The form's page is rendered once more while this is
 * current, and `field()` / `select()` read it, so every console form behaves alike.
 */
export interface FormState {
  /** Each posted field's values (a checkbox group posts several). */
  values: Readonly<Record<string, readonly string[]>>;
  error: FedsimError;
  /** Field name → what is wrong with it. */
  byField: ReadonlyMap<string, readonly string[]>;
}

const current = new AsyncLocalStorage<FormState>();

/** The refused form being shown again, while its page renders. */
export function formState(): FormState | undefined {
  return current.getStore();
}

export function withFormState<T>(state: FormState, render: () => T): T {
  return current.run(state, render);
}

/** The posted fields' string values. */
function postedValues(req: Request): Record<string, string[]> {
  const body: Record<string, unknown> = req.body ?? {};
  const values: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    const all = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
    if (all.length > 0) values[name] = all;
  }
  return values;
}

/**
 * Which fields the refusal is about: Okta's validation causes name theirs before a colon
 * ("login: An object with this field already exists…"); any other refusal whose `actual` is what
 * one field held (a login that is not found) is about that field.
 */
function fieldErrors(err: FedsimError, values: Record<string, string[]>): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  const add = (name: string, text: string) => byField.set(name, [...(byField.get(name) ?? []), text]);
  const causes = isOktaErrorCode(err.code) ? oktaCauses(err) : [];
  for (const cause of causes) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(cause);
    if (match && Object.hasOwn(values, match[1] as string)) add(match[1] as string, match[2] as string);
  }
  if (byField.size === 0 && typeof err.actual === 'string' && err.actual !== '') {
    const named = Object.keys(values).filter((name) => values[name]?.includes(err.actual as string));
    if (named.length === 1) add(named[0] as string, err.message);
  }
  return byField;
}

export function formStateOf(req: Request, error: FedsimError): FormState {
  const values = postedValues(req);
  return { values, error, byField: fieldErrors(error, values) };
}

/** The id of a field's input, from its name. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * What a field shows while a refused form is shown again: the posted value (never a password's),
 * and the refusal next to it with its code, tied to the input for screen readers.
 */
export function fieldFeedback(
  name: string,
  value: string,
  type = 'text',
): { value: string; attrs: string; message: string } {
  const state = formState();
  if (!state) return { value, attrs: '', message: '' };
  const posted = type === 'password' ? undefined : state.values[name]?.[0];
  const errors = state.byField.get(name);
  if (!errors) return { value: posted ?? value, attrs: '', message: '' };
  const id = `${fieldId(name)}-error`;
  const message =
    `<p class="field-error" id="${id}"><span class="code">${escapeHtml(state.error.code)}</span> ` +
    `${errors.map(escapeHtml).join('; ')}</p>`;
  return { value: posted ?? value, attrs: ` aria-invalid="true" aria-describedby="${id}"`, message };
}

/** Whether a checkbox is ticked: as posted while a refused form is shown again, else `checked`. */
export function checkedNow(name: string, value: string, checked: boolean): boolean {
  const state = formState();
  return state ? (state.values[name]?.includes(value) ?? false) : checked;
}

/** The refusal at the top of the page: its code, what was wrong, what to change, links to the fields. */
export function formErrorSummary(state: FormState): string {
  const { error } = state;
  const links = [...state.byField.keys()]
    .map((name) => `<a href="#${fieldId(name)}">${escapeHtml(name)}</a>`)
    .join(', ');
  return (
    `<section class="error" role="alert" data-error-code="${escapeHtml(error.code)}"><p class="code">${escapeHtml(error.code)}</p>` +
    `<p>${escapeHtml(error.message)}</p>${error.hint ? `<p class="muted">${escapeHtml(error.hint)}</p>` : ''}` +
    (links ? `<p>Fix the marked field${state.byField.size > 1 ? 's' : ''}: ${links}</p>` : '') +
    '</section>'
  );
}
