import type { ErrorInfo } from './info.js';

/** A SAML message fedsim could not read: missing, badly encoded, unsafe, or not the expected message. */
export const SAML_INPUT_ERRORS = {
  SAML_INPUT_MISSING: {
    status: 400,
    summary: 'No SAML message was found where one was expected.',
    fix: 'Post the IdP form field (SAMLResponse) or pass the message itself: base64, XML, a form body or a HAR.',
  },
  SAML_BASE64_INVALID: {
    status: 400,
    summary: 'The SAML message is not valid base64 (or its URL encoding is broken).',
    fix: 'Pass the SAMLResponse value exactly as the IdP produced it, without truncation or re-encoding.',
  },
  SAML_XML_INVALID: {
    status: 400,
    summary: 'The decoded SAML message is not well-formed UTF-8 XML (the message names the problem).',
    fix: 'Send the XML the IdP produced; something truncated or rewrote it.',
  },
  SAML_XML_TOO_DEEP: {
    status: 400,
    summary:
      'The SAML message nests elements deeper than fedsim reads (64 levels; a real one needs about 7).',
    fix: 'Send the message the IdP produced: this depth is only built to exhaust the parser.',
  },
  SAML_XML_DOCTYPE: {
    status: 400,
    summary: 'The SAML message contains a DOCTYPE or ENTITY declaration.',
    fix: 'Remove the DTD: SAML forbids it, and it enables XXE and entity-expansion attacks.',
  },
  SAML_XML_TOO_LARGE: {
    status: 400,
    summary:
      'The SAML message is larger than fedsim accepts (256 kB, also after inflating, or 10,000 elements).',
    fix: 'Send a real SAML message: they are a few kB.',
  },
  SAML_NOT_A_RESPONSE: {
    status: 400,
    summary: 'The message is not the SAML message this endpoint expects (a Response at an ACS).',
    fix: 'Send a samlp:Response to an ACS and a samlp:AuthnRequest to an SSO URL.',
  },
  SAML_REQUEST_INVALID: {
    status: 400,
    summary: "The AuthnRequest's Issuer or ACS URL does not match the app it was sent to.",
    fix: "Make the SP's entity id and ACS URL match the app's Audience URI and Single sign-on URL.",
  },
  SAML_POST_REQUEST_DEFLATED: {
    status: 400,
    summary:
      'A POST-binding SAMLRequest is DEFLATE-compressed; the HTTP-POST binding carries plain base64 (SAML bindings §3.5.4).',
    fix: 'Stop compressing AuthnRequests sent by POST at the SP (node-saml / passport-saml: skipRequestCompression: true), or use the Redirect binding.',
  },
  SAML_REQUEST_SIGNATURE_INVALID: {
    status: 400,
    summary: "The AuthnRequest's redirect-binding signature does not verify.",
    fix: "Upload the SP's current request-signing certificate to the IdP app.",
  },
  SAML_REQUEST_SIGNATURE_MISSING: {
    status: 400,
    summary: 'The IdP app requires signed AuthnRequests and this one is unsigned.',
    fix: 'Sign AuthnRequests at the SP, or turn off signed requests in the IdP app.',
  },
  SAML_DECRYPTION_FAILED: {
    status: 403,
    summary: 'The EncryptedAssertion could not be decrypted with the SP key.',
    fix: "Give the IdP the SP's current encryption certificate, or turn off assertion encryption.",
  },
  SAML_DECRYPTION_KEY_MISMATCH: {
    status: 403,
    summary: "The EncryptedAssertion's key was wrapped for another certificate than the SP keys tried.",
    fix: "Upload the SP's current encryption certificate to the IdP app, or try the key of the certificate it uses.",
  },
  SAML_DECRYPTION_ALGORITHM_UNSUPPORTED: {
    status: 403,
    summary: 'The EncryptedAssertion uses an algorithm the SP does not decrypt (AES-256 GCM/CBC, RSA-OAEP).',
    fix: 'Set the IdP app to AES-256 (GCM or CBC) with RSA-OAEP key transport.',
  },
} satisfies Record<string, ErrorInfo>;
