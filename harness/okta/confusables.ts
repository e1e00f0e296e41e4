/**
 * Logins that read as another: invisible and direction-changing characters are refused outright;
 * visible lookalikes (Cyrillic а for Latin a, fullwidth ｓ, long ſ) are legal letters, so they are
 * only compared through a skeleton in the manner of Unicode TR39 §4 (confusable detection):
 * the skeleton of two strings is equal when a reader could take one for the other.
 */

/** Controls (Cc) and format characters (Cf: zero-width space, bidi overrides and isolates, soft hyphen). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export function hasInvisibleCharacter(login: string): boolean {
  return INVISIBLE.test(login);
}

/**
 * Letters of other scripts that TR39's confusables.txt maps to one Latin letter: a subset (the
 * Cyrillic and Greek lowercase lookalikes of a–z). NFKC already folds fullwidth forms and ſ.
 */
const LOOKALIKE_FROM = 'авсԁеһіјкӏмпорԛгѕтцѵԝхуαβεηικνορτυχ';
const LOOKALIKE_TO = 'abcdehijklmnopqrstuvwxyabenikvoptux';
const LOOKALIKE = new RegExp(`[${LOOKALIKE_FROM}]`, 'gu');

/**
 * A login's skeleton: compatibility forms folded (NFKC), case and marks ignored, invisible
 * characters dropped, lookalike letters mapped to Latin, and a trailing dot of the domain gone.
 */
export function skeleton(login: string): string {
  return login
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\p{M}\p{Cc}\p{Cf}]/gu, '')
    .replace(LOOKALIKE, (c) => LOOKALIKE_TO[LOOKALIKE_FROM.indexOf(c)] ?? c)
    .replace(/\.+$/, '');
}
