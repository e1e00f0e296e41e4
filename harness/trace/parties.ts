/**
 * A normalised trace writes each party's origin as `{party}` so two runs compare equal; the
 * document's `parties` map (party → origin of that run) turns it back.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Origins → `{party}` (longest first, never inside a longer port number). */
export function toPlaceholders(text: string, parties: Readonly<Record<string, string>>): string {
  return Object.entries(parties)
    .sort(([, a], [, b]) => b.length - a.length)
    .reduce(
      (out, [name, origin]) => out.replace(new RegExp(`${escapeRegExp(origin)}(?!\\d)`, 'g'), `{${name}}`),
      text,
    );
}

/** `{party}` → that party's origin. */
export function fromPlaceholders(text: string, parties: Readonly<Record<string, string>>): string {
  return Object.entries(parties).reduce((out, [name, origin]) => out.replaceAll(`{${name}}`, origin), text);
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
