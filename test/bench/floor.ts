import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { loadCredential } from '../../harness/crypto/store.js';
import { check } from './stats.js';

/**
 * The floor: the RSA-2048 work of one journey and nothing else. Two messages, each with a
 * Response and an Assertion signature: 4 signs and 4 verifies of a SignedInfo-sized input, with
 * KeyObjects created once.
 */
const SIGNED_INFO =
  '<ds:SignedInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"></ds:CanonicalizationMethod>' +
  '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"></ds:SignatureMethod><ds:Reference URI="#id4539482595660168973632138">' +
  '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"></ds:Transform><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"></ds:Transform></ds:Transforms>' +
  '<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"></ds:DigestMethod><ds:DigestValue>QCfIKNAVzzsDJZ6WnEYpCkPKcf79LYsuMciadF1I0Kg=</ds:DigestValue></ds:Reference></ds:SignedInfo>';

export function setupFloor(): { journey(): void } {
  const data = Buffer.from(SIGNED_INFO, 'utf8');
  const keys: { priv: KeyObject; pub: KeyObject }[] = (['org1-org2org', 'org2-dropbox'] as const).map(
    (name) => {
      const cred = loadCredential(name);
      return { priv: cred.privateKey, pub: createPublicKey(cred.cert.pem) };
    },
  );
  return {
    journey() {
      for (const { priv, pub } of keys) {
        for (let i = 0; i < 2; i++) {
          const signature = sign('sha256', data, priv);
          check(verify('sha256', data, pub, signature), 'RSA-SHA256 verifies');
        }
      }
    },
  };
}
