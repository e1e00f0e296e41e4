import { FedsimError } from '../core/errors.js';
import type { Form, Hop, Link, Page } from './types.js';

/** A request the agent is about to make, with who caused it (for the hop record). */
export interface PendingRequest {
  method: 'GET' | 'POST';
  url: string;
  kind: Hop['kind'];
  from: string;
  body?: Record<string, string>;
}

export interface FormChoice {
  formId?: string;
  button?: string;
}

/** What a browser sends when `form` is submitted with these values. */
export function formRequest(form: Form, fields: Record<string, string>, from: string): PendingRequest {
  if (form.method === 'POST') return { method: 'POST', url: form.action, body: fields, kind: 'form', from };
  // A GET form replaces the action's query with its fields.
  const url = new URL(form.action);
  url.search = new URLSearchParams(fields).toString();
  return { method: 'GET', url: url.href, kind: 'form', from };
}

/** The first link whose text equals `text` (else contains it), or matches the RegExp. */
export function chooseLink(page: Page, text: string | RegExp): Link {
  const link =
    typeof text === 'string'
      ? (page.links.find((l) => l.text === text) ?? page.links.find((l) => l.text.includes(text)))
      : page.links.find((l) => text.test(l.text));
  if (link !== undefined) return link;
  const available = page.links.map((l) => `"${l.text}" → ${l.href}`);
  throw new FedsimError('AGENT_NO_LINK', `No link matching ${String(text)} on ${page.url}`, {
    expected: String(text),
    actual: available,
    hint: available.length === 0 ? 'The page has no links.' : `Links: ${available.join('; ')}`,
  });
}

function describeForms(forms: Form[]): string {
  if (forms.length === 0) return 'the page has no forms';
  const list = forms.map(
    (f, i) =>
      `#${i} ${f.method} ${f.action}${f.id ? ` id=${f.id}` : ''} buttons=[${f.submitLabels.join(', ')}]`,
  );
  return `forms: ${list.join('; ')}`;
}

/**
 * The one obvious form (the only one, the one with `formId`, the one offering `button`) and the
 * values a browser would send: defaults, then the pressed button's name/value (else the first
 * button's, as pressing Enter does), then the user's `fields`.
 */
export function chooseForm(
  page: Page,
  fields: Record<string, string>,
  choice: FormChoice,
): { form: Form; values: Record<string, string> } {
  const candidates = page.forms.filter(
    (f) =>
      (choice.formId === undefined || f.id === choice.formId) &&
      (choice.button === undefined || f.submitLabels.includes(choice.button)),
  );
  const [form] = candidates;
  if (form === undefined || candidates.length > 1) {
    const wanted = [
      choice.formId === undefined ? '' : `id=${choice.formId}`,
      choice.button === undefined ? '' : `button "${choice.button}"`,
    ].filter(Boolean);
    const criteria = wanted.length === 0 ? 'a single form' : wanted.join(' and ');
    const found = candidates.length === 0 ? 'No form' : `${candidates.length} forms`;
    throw new FedsimError(
      'AGENT_NO_FORM',
      `${found} on ${page.url} match ${criteria}; ${describeForms(page.forms)}`,
      {
        expected: criteria,
        actual: page.forms.map((f) => ({ id: f.id, action: f.action, buttons: f.submitLabels })),
      },
    );
  }
  const pressed =
    choice.button === undefined ? form.buttons[0] : form.buttons.find((b) => b.label === choice.button);
  const submitter = pressed?.name === undefined ? {} : { [pressed.name]: pressed.value };
  return { form, values: { ...form.fields, ...submitter, ...fields } };
}
