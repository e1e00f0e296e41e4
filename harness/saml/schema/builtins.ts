import * as lex from './lexical.js';
import { clark, type SimpleType, XS } from './types.js';

type Check = (value: string) => string | undefined;

const none: Check = () => undefined;

/** [name, base, check on the whitespace-collapsed value (string types: on the raw value)] */
const TABLE: [string, string | undefined, Check][] = [
  ['anySimpleType', undefined, none],
  ['string', 'anySimpleType', none],
  ['normalizedString', 'string', none],
  ['token', 'normalizedString', none],
  ['language', 'token', lex.language],
  ['NMTOKEN', 'token', lex.nmtoken],
  ['Name', 'token', lex.name],
  ['NCName', 'Name', lex.ncName],
  ['ID', 'NCName', lex.ncName],
  ['IDREF', 'NCName', lex.ncName],
  ['ENTITY', 'NCName', lex.ncName],
  ['QName', 'anySimpleType', lex.qname],
  ['anyURI', 'anySimpleType', lex.anyUri],
  ['boolean', 'anySimpleType', lex.boolean],
  ['base64Binary', 'anySimpleType', lex.base64],
  ['hexBinary', 'anySimpleType', lex.hex],
  ['float', 'anySimpleType', lex.float],
  ['double', 'anySimpleType', lex.float],
  ['duration', 'anySimpleType', lex.duration],
  ['dateTime', 'anySimpleType', lex.dateTime],
  ['date', 'anySimpleType', lex.date],
  ['time', 'anySimpleType', lex.time],
  ['decimal', 'anySimpleType', lex.decimal],
  ['integer', 'decimal', lex.integer()],
  ['nonPositiveInteger', 'integer', lex.integer(undefined, 0n)],
  ['negativeInteger', 'nonPositiveInteger', lex.integer(undefined, -1n)],
  ['long', 'integer', lex.integer(-(2n ** 63n), 2n ** 63n - 1n)],
  ['int', 'long', lex.integer(-(2n ** 31n), 2n ** 31n - 1n)],
  ['short', 'int', lex.integer(-32768n, 32767n)],
  ['byte', 'short', lex.integer(-128n, 127n)],
  ['nonNegativeInteger', 'integer', lex.integer(0n)],
  ['positiveInteger', 'nonNegativeInteger', lex.integer(1n)],
  ['unsignedLong', 'nonNegativeInteger', lex.integer(0n, 2n ** 64n - 1n, true)],
  ['unsignedInt', 'unsignedLong', lex.integer(0n, 2n ** 32n - 1n, true)],
  ['unsignedShort', 'unsignedInt', lex.integer(0n, 65535n, true)],
  ['unsignedByte', 'unsignedShort', lex.integer(0n, 255n, true)],
];

const PRESERVE = new Set(['anySimpleType', 'string', 'normalizedString']);
/** Checks that handle whitespace themselves (base64 skips it; dates refuse it). */
const RAW = new Set(['base64Binary', 'dateTime', 'date', 'time']);

/** The XSD built-in simple types, keyed in Clark notation. */
export function builtinTypes(): Map<string, SimpleType> {
  const out = new Map<string, SimpleType>();
  for (const [name, baseName, check] of TABLE) {
    const base = baseName ? out.get(clark(XS, baseName)) : undefined;
    const key = clark(XS, name);
    // Checks that accept anything, or skip whitespace themselves, need no collapsed copy.
    const raw = PRESERVE.has(name) || check === none || RAW.has(name);
    const lexical: Check = raw ? check : (v) => check(lex.collapse(v));
    out.set(key, { kind: 'simple', key, base, isId: name === 'ID', check: lexical });
  }
  return out;
}

/** A user simple type: restriction of `base` by enumeration (the only facet the SAML XSDs use). */
export function restrictSimple(key: string, base: SimpleType, enumeration: string[]): SimpleType {
  const allowed = new Set(enumeration);
  const collapsed = !isStringLike(base);
  const check: Check =
    allowed.size === 0
      ? base.check
      : (v) =>
          base.check(v) ??
          (allowed.has(collapsed ? lex.collapse(v) : v)
            ? undefined
            : `not one of ${[...allowed].join(', ')}`);
  return { kind: 'simple', key, base, isId: base.isId, check };
}

/** Whether the nearest built-in ancestor keeps whitespace (string) rather than collapsing it. */
function isStringLike(type: SimpleType): boolean {
  const prefix = `{${XS}}`;
  for (let t: SimpleType | undefined = type; t; t = t.base) {
    if (t.key.startsWith(prefix)) return PRESERVE.has(t.key.slice(prefix.length));
  }
  return true;
}
