/** Lexical checks for the XSD built-in datatypes; each returns a problem or undefined. */

const NAME_START =
  'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D' +
  '\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const NAME = new RegExp(`^[:${NAME_START}][:${NAME_CHAR}]*$`, 'u');
const NMTOKEN = new RegExp(`^[:${NAME_CHAR}]+$`, 'u');
const QNAME = new RegExp(`^([${NAME_START}][${NAME_CHAR}]*:)?[${NAME_START}][${NAME_CHAR}]*$`, 'u');
const LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const FLOAT = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|-?INF|NaN)$/;
// RFC 3986 URI-reference, after characters URIs must escape are stood in for (as libxml2 does).
const U = "A-Za-z0-9\\-._~!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${U}:@]|${PCT})`;
const AUTHORITY = `(?:(?:[${U}:]|${PCT})*@)?(?:\\[[0-9A-Za-z:.${U}]+\\]|(?:[${U}]|${PCT})*)(?::\\d*)?`;
const HIER = `//${AUTHORITY}(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?`;
const ABSOLUTE = `[A-Za-z][A-Za-z0-9+.\\-]*:(?:${HIER}|${PCHAR}+(?:/${PCHAR}*)*)?`;
const RELATIVE = `(?:${HIER}|(?:[${U}@]|${PCT})+(?:/${PCHAR}*)*)?`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const URI_REFERENCE = new RegExp(`^(?:${ABSOLUTE}|${RELATIVE})(?:\\?${QUERY})?(?:#${QUERY})?$`);
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those a URI must escape
const MUST_ESCAPE = /[\u0000-\u0020\u007f-\uffff<>"{}|\\^`']/g;
const DURATION = /^-?P(?!$)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?!$)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;
const DATE_PART = '(-?)(\\d{4,})-(\\d\\d)-(\\d\\d)';
const TIME_PART = '(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?';
const TZ_PART = '(Z|[+-](\\d\\d):(\\d\\d))?';
const DATETIME = new RegExp(`^${DATE_PART}T${TIME_PART}${TZ_PART}$`);
const DATE = new RegExp(`^${DATE_PART}${TZ_PART}$`);
const TIME = new RegExp(`^${TIME_PART}${TZ_PART}$`);

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** XSD whiteSpace="collapse"; most values have nothing to collapse, so look before allocating. */
export function collapse(v: string): string {
  let prevSpace = true;
  for (let i = 0; i < v.length; i++) {
    const space = isSpace(v.charCodeAt(i));
    if (space && (prevSpace || v.charCodeAt(i) !== 32)) return v.replace(/[\t\n\r ]+/g, ' ').trim();
    prevSpace = space;
  }
  return prevSpace && v.length > 0 ? v.trimEnd() : v;
}

/** Base64 alphabet value + 1 per char code (0 = not in the alphabet). */
const B64 = new Uint8Array(128);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) {
  B64[c.charCodeAt(0)] = i + 1;
}

const BASE64_COMPACT = /^[A-Za-z0-9+/]*={0,2}$/;

/** xs:base64Binary: whitespace anywhere, groups of four, at most two '=' at the end, zero pad bits. */
export function base64(v: string): string | undefined {
  if (BASE64_COMPACT.test(v)) {
    const pad = v.endsWith('==') ? 2 : v.endsWith('=') ? 1 : 0;
    const last = B64[v.charCodeAt(v.length - 1 - pad)] ?? 1;
    const ok = v.length % 4 === 0 && (pad === 0 || ((last - 1) & (pad === 1 ? 3 : 15)) === 0);
    return ok ? undefined : 'not a valid base64Binary';
  }
  let [n, pad, last] = [0, 0, 0];
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 61) {
      pad++;
      continue;
    }
    const value = c < 128 ? (B64[c] ?? 0) : 0;
    if (value === 0 || pad > 0) return 'not a valid base64Binary';
    last = value - 1;
    n++;
  }
  const ok = (n + pad) % 4 === 0 && pad <= 2 && (pad === 0 || (last & (pad === 1 ? 3 : 15)) === 0);
  return ok ? undefined : 'not a valid base64Binary';
}

const fail = (ok: boolean, what: string): string | undefined => (ok ? undefined : `not a valid ${what}`);

export const isNcName = (v: string) => NCNAME.test(v);
export const ncName = (v: string) => fail(NCNAME.test(v), 'NCName');
export const name = (v: string) => fail(NAME.test(v), 'Name');
export const nmtoken = (v: string) => fail(NMTOKEN.test(v), 'NMTOKEN');
export const qname = (v: string) => fail(QNAME.test(v), 'QName');
export const language = (v: string) => fail(LANGUAGE.test(v), 'language');
export const hex = (v: string) => fail(HEX.test(v), 'hexBinary');
export const decimal = (v: string) => fail(DECIMAL.test(v), 'decimal');
export const float = (v: string) => fail(FLOAT.test(v), 'floating-point number');
export const duration = (v: string) => fail(DURATION.test(v), 'duration');
/** Verdicts for recent URIs: algorithm, format and endpoint URIs repeat in every message. */
const uriVerdicts = new Map<string, boolean>();

export function anyUri(v: string): string | undefined {
  let ok = uriVerdicts.get(v);
  if (ok === undefined) {
    ok = URI_REFERENCE.test(v.replace(MUST_ESCAPE, '_'));
    if (uriVerdicts.size >= 512) uriVerdicts.clear();
    if (v.length <= 512) uriVerdicts.set(v, ok);
  }
  return fail(ok, 'anyURI');
}
export const boolean = (v: string) =>
  fail(v === 'true' || v === 'false' || v === '1' || v === '0', 'boolean');

/** An integer within optional inclusive bounds (BigInt, so 64-bit types are exact); unsigned*: no sign. */
export function integer(min?: bigint, max?: bigint, unsigned = false): (v: string) => string | undefined {
  return (v) => {
    if (!INTEGER.test(v) || (unsigned && !/^\d+$/.test(v))) return 'not a valid integer';
    const n = BigInt(v);
    if (min !== undefined && n < min) return `integer below ${min}`;
    if (max !== undefined && n > max) return `integer above ${max}`;
    return undefined;
  };
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function badDate(m: string[], i: number): boolean {
  const [sign, y, mo, d] = [m[i], m[i + 1], m[i + 2], m[i + 3]] as string[];
  if ((y.length > 4 && y.startsWith('0')) || /^0+$/.test(y)) return true;
  const month = Number(mo);
  const year = Number(sign + y);
  return month < 1 || month > 12 || Number(d) < 1 || Number(d) > daysIn(Math.abs(year), month);
}

function badTime(m: string[], i: number): boolean {
  const [h, mi, s, frac] = [Number(m[i]), Number(m[i + 1]), Number(m[i + 2]), m[i + 3]];
  if (h === 24) return mi !== 0 || s !== 0 || (frac !== undefined && /[1-9]/.test(frac));
  return h > 23 || mi > 59 || s > 59;
}

function badZone(m: string[], i: number): boolean {
  if (m[i] === undefined || m[i] === 'Z') return false;
  const [h, mi] = [Number(m[i + 1]), Number(m[i + 2])];
  return mi > 59 || h > 14 || (h === 14 && mi !== 0);
}

// Date/time values must not carry surrounding whitespace: stricter than XSD's collapse, as xmllint
// is for leading whitespace, and no IdP sends any.
export function dateTime(v: string): string | undefined {
  const m = DATETIME.exec(v);
  return fail(m !== null && !badDate(m, 1) && !badTime(m, 5) && !badZone(m, 9), 'xsd:dateTime');
}

export function date(v: string): string | undefined {
  const m = DATE.exec(v);
  return fail(m !== null && !badDate(m, 1) && !badZone(m, 5), 'xsd:date');
}

export function time(v: string): string | undefined {
  const m = TIME.exec(v);
  return fail(m !== null && !badTime(m, 1) && !badZone(m, 5), 'xsd:time');
}
