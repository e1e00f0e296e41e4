import type { AttackContext } from './context.js';

/** One entry of the attack catalogue: a mutation of a valid response that a correct SP refuses. */
export interface AttackVariant {
  /** Stable id, e.g. `xsw3`: reports, tests and `--json` use it. */
  id: string;
  title: string;
  /** Where the attack comes from: a CVE, a paper or the spec section it violates. */
  reference: string;
  /** The XML posted (base64-encoded as SAMLResponse), built from fresh responses of `ctx`. */
  build(ctx: AttackContext): string;
}

/** Papers and specs the catalogue cites more than once. */
export const REF = {
  /** Somorovsky et al., USENIX Security 2012; XSW numbered as SAML Raider numbers them. */
  breakingSaml: 'On Breaking SAML (USENIX Sec 2012)',
  samlCore: (section: string) => `SAML Core §${section}`,
  samlProfiles: (section: string) => `SAML Profiles §${section}`,
  xmldsig: (section: string) => `XMLDSig 1.1 §${section}`,
  xmldsigBp: (bp: string) => `XMLDSig Best Practices ${bp}`,
} as const;
