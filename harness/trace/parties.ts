/**
 * A normalised trace writes each party's origin as `{party}` so two runs compare equal; the
 * document's `parties` map (party → origin of that run) turns it back.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each origin and its placeholder, plain and URL-encoded (a RelayState or fromURI carries it encoded). */
function pairs(parties: Readonly<Record<string, string>>): Array<[string, string]> {
  return Object.entries(parties).flatMap(
    ([name, origin]): Array<[string, string]> => [
      [origin, `{${name}}`],
      [encodeURIComponent(origin), encodeURIComponent(`{${name}}`)],
    ],
  );
}

/** Origins → `{party}` (longest first, never inside a longer port number). */
export function toPlaceholders(text: string, parties: Readonly<Record<string, string>>): string {
  return pairs(parties)
    .sort(([a], [b]) => b.length - a.length)
    .reduce((out, [origin, p]) => out.replace(new RegExp(`${escapeRegExp(origin)}(?!\\d)`, 'g'), p), text);
}

/** `{party}` → that party's origin. */
export function fromPlaceholders(text: string, parties: Readonly<Record<string, string>>): string {
  return pairs(parties).reduce((out, [origin, p]) => out.replaceAll(p, origin), text);
}

/** Every string of a JSON value mapped through `f` (keys kept). */
export function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  }
  return value;
}
