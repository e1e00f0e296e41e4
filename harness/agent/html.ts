import { type HTMLElement, type Node, parse, TextNode } from 'node-html-parser';
import type { Form, Link, Page, SubmitButton } from './types.js';

/** Elements whose content a reader never sees. */
const INVISIBLE = new Set(['head', 'title', 'script', 'style', 'noscript', 'template']);
/** Elements that break a line when rendered, so their words must not run together. */
const BLOCK = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'br', 'button', 'dd', 'div', 'dl', 'dt', 'fieldset'],
  ...['figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'label'],
  ...['li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul'],
]);
const SAML_FIELDS = new Set(['SAMLResponse', 'SAMLRequest']);
/** `document.forms[0]`, `document.forms['x']`, `document.forms.x` or `getElementById('x')`, then `.submit()`. */
const SUBMIT_CALL =
  /(?:document\.forms(?:\[\s*(\d+)\s*\]|\[\s*['"]([^'"]+)['"]\s*\]|\.(\w+))|getElementById\(\s*['"]([^'"]+)['"]\s*\))\.submit\(\)/g;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function visibleText(node: Node): string {
  if (node instanceof TextNode) return node.text;
  const el = node as HTMLElement;
  const tag = el.tagName?.toLowerCase() ?? '';
  if (INVISIBLE.has(tag)) return '';
  const inner = el.childNodes.map(visibleText).join('');
  return BLOCK.has(tag) ? ` ${inner} ` : inner;
}

function resolve(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

function selectValue(select: HTMLElement): string | undefined {
  const options = select.querySelectorAll('option');
  const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0];
  if (chosen === undefined) return undefined;
  return chosen.getAttribute('value') ?? collapse(chosen.text);
}

function controls(form: HTMLElement): { fields: Record<string, string>; buttons: SubmitButton[] } {
  const fields: Record<string, string> = {};
  const buttons: SubmitButton[] = [];
  for (const el of form.querySelectorAll('input, textarea, select, button')) {
    if (el.hasAttribute('disabled')) continue;
    const tag = el.tagName.toLowerCase();
    const name = el.getAttribute('name');
    const type = (el.getAttribute('type') ?? (tag === 'button' ? 'submit' : 'text')).toLowerCase();
    if (type === 'submit') {
      const value = el.getAttribute('value') ?? '';
      const label = tag === 'button' ? collapse(el.text) : value || 'Submit';
      buttons.push(name ? { label, name, value } : { label, value });
      continue;
    }
    if (!name || tag === 'button' || ['button', 'reset', 'image', 'file'].includes(type)) continue;
    if (tag === 'textarea') fields[name] = el.text;
    else if (tag === 'select') {
      const value = selectValue(el);
      if (value !== undefined) fields[name] = value;
    } else if (type === 'checkbox' || type === 'radio') {
      if (el.hasAttribute('checked')) fields[name] = el.getAttribute('value') ?? 'on';
    } else fields[name] = el.getAttribute('value') ?? '';
  }
  return { fields, buttons };
}

/** Forms the page's own script (or body onload) submits without the user touching anything. */
function scriptSubmitted(root: HTMLElement, forms: HTMLElement[]): Set<HTMLElement> {
  const code = [root.querySelector('body')?.getAttribute('onload') ?? '']
    .concat(root.querySelectorAll('script').map((s) => s.text))
    .join('\n');
  const found = new Set<HTMLElement>();
  for (const [, index, quoted, dotted, byId] of code.matchAll(SUBMIT_CALL)) {
    const key = quoted ?? dotted ?? byId;
    const form =
      index !== undefined
        ? forms[Number(index)]
        : forms.find(
            (f) => f.getAttribute('id') === key || (byId === undefined && f.getAttribute('name') === key),
          );
    if (form) found.add(form);
  }
  // Some pages submit through a variable (`var f = ...; f.submit()`); with one form there is no doubt.
  const [only] = forms;
  if (found.size === 0 && forms.length === 1 && only && code.includes('.submit()')) found.add(only);
  return found;
}

function toForm(el: HTMLElement, pageUrl: string, scripted: Set<HTMLElement>): Form {
  const { fields, buttons } = controls(el);
  const samlHidden = el
    .querySelectorAll('input')
    .some(
      (i) =>
        i.getAttribute('type')?.toLowerCase() === 'hidden' && SAML_FIELDS.has(i.getAttribute('name') ?? ''),
    );
  const form: Form = {
    // An empty or missing action submits to the page itself.
    action: resolve(el.getAttribute('action') || pageUrl, pageUrl) ?? pageUrl,
    method: el.getAttribute('method')?.toUpperCase() === 'POST' ? 'POST' : 'GET',
    fields,
    submitLabels: buttons.map((b) => b.label),
    buttons,
    autoSubmit: samlHidden || scripted.has(el),
  };
  const id = el.getAttribute('id');
  const name = el.getAttribute('name');
  if (id) form.id = id;
  if (name) form.name = name;
  return form;
}

function linksOf(root: HTMLElement, url: string): Link[] {
  const links: Link[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    const absolute = href.toLowerCase().startsWith('javascript:') ? undefined : resolve(href, url);
    if (absolute !== undefined) links.push({ href: absolute, text: collapse(a.text) });
  }
  return links;
}

/** Computes a value on first read and keeps it: most pages of a journey are only checked for forms. */
function lazy<T>(read: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: read() };
    return value.v;
  };
}

/**
 * Parses a response body into what the agent and scenario assertions look at. The parts are
 * worked out when first read (a redirect target's title or text is rarely looked at); they are
 * enumerable getters, so a page still serialises with all of them.
 */
export function parsePage(url: string, status: number, html: string): Page {
  const root = lazy(() => parse(html, { comment: false }));
  const forms = lazy(() => {
    // No form tag, no forms: the common dashboard page needs no parsing to know it.
    if (!/<form[\s>]/i.test(html)) return [];
    const formEls = root().querySelectorAll('form');
    const scripted = scriptSubmitted(root(), formEls);
    return formEls.map((f) => toForm(f, url, scripted));
  });
  const links = lazy(() => linksOf(root(), url));
  const title = lazy(() => collapse(root().querySelector('title')?.text ?? ''));
  const text = lazy(() => collapse(visibleText(root().querySelector('body') ?? root())));
  return {
    url,
    status,
    html,
    get forms() {
      return forms();
    },
    get links() {
      return links();
    },
    get title() {
      return title();
    },
    get text() {
      return text();
    },
  };
}
