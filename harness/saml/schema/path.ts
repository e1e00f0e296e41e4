import { nsOf } from './dom.js';

/** Where the walk is; rendered to `/Response/Assertion[1]/Subject/NameID` only when an error is reported. */
export interface PathNode {
  parent: PathNode | undefined;
  el: Element;
  /** The content model lets this name repeat, so the index is always shown. */
  repeatable: boolean;
  /** 0 for the root. */
  depth: number;
}

function segment(node: PathNode): string {
  const { el } = node;
  if (!node.parent) return el.localName;
  const ns = nsOf(el);
  let index = 0;
  let count = 0;
  for (let n = node.parent.el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1 || (n as Element).localName !== el.localName || nsOf(n as Element) !== ns) continue;
    count++;
    if (n === el) index = count;
  }
  return node.repeatable || count > 1 ? `${el.localName}[${index}]` : el.localName;
}

export function renderPath(node: PathNode, attribute?: string): string {
  const parts: string[] = [];
  for (let n: PathNode | undefined = node; n; n = n.parent) parts.push(segment(n));
  const path = `/${parts.reverse().join('/')}`;
  return attribute === undefined ? path : `${path}/@${attribute}`;
}

export const clip = (value: string, max = 60): string =>
  value.length > max ? `${value.slice(0, max)}…` : value;
