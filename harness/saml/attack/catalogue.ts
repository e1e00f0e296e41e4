import { CONDITIONS } from './conditions.js';
import { NAMEID } from './nameid.js';
import { SIGNATURE } from './signature.js';
import type { AttackVariant } from './variant.js';
import { WRAPPING } from './wrapping.js';
import { XML_SAFETY } from './xml-safety.js';

/** Every variant `fedsim attack` posts, in report order; test/saml/attacks.test.ts judges each too. */
export const ATTACKS: readonly AttackVariant[] = [
  ...WRAPPING,
  ...SIGNATURE,
  ...NAMEID,
  ...XML_SAFETY,
  ...CONDITIONS,
];

/** One variant by id (tests name the ones they look at). */
export function attackVariant(id: string): AttackVariant {
  const found = ATTACKS.find((v) => v.id === id);
  if (!found) throw new Error(`no attack variant ${id}`);
  return found;
}
