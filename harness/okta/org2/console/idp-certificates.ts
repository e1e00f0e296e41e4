import { escapeHtml as e } from '../../../core/html.js';
import { postButton, select, statusBadge, table } from '../../console/html.js';
import type { IdpKeyStore } from '../idp-keys.js';
import type { InboundIdp } from '../inbound-idp.js';

/** The IdP's trusted certificates (primary, rollover) and the PEM upload that adds one. */
export function certificatesPanel(input: { idp: InboundIdp; base: string; keys: IdpKeyStore }): string {
  const rows = input.idp.trustedCerts.map((cert, i) => {
    const kid = input.keys.kidOf(cert);
    return [
      statusBadge(i === 0 ? 'ACTIVE' : 'ROLLOVER'),
      `<code>${e(kid)}</code>`,
      e(cert.subject),
      `<code>${e(cert.sha256.slice(0, 23))}…</code>`,
      e(cert.notAfter.toISOString().slice(0, 10)),
      `<details><summary>Show PEM</summary><pre>${e(cert.pem)}</pre></details>` +
        (input.idp.trustedCerts.length > 1
          ? postButton(`${input.base}/certs/remove`, 'Stop trusting', { kid }, 'danger')
          : ''),
    ];
  });
  const upload =
    `<form method="POST" action="${e(input.base)}/certs"><label for="f-pem">Upload a certificate (PEM)</label>` +
    '<textarea id="f-pem" name="pem" rows="6" required></textarea>' +
    select(
      'Trust it',
      'mode',
      [
        ['rollover', 'besides the current certificate (rollover)'],
        ['replace', 'instead of the current certificates'],
      ],
      'rollover',
    ) +
    '<p><button type="submit">Upload certificate</button></p></form>';
  return `<section class="panel"><h2>IdP signature certificates</h2>${table('Trusted certificates', ['Status', 'Key id', 'Subject', 'SHA-256', 'Expires', ''], rows)}${upload}</section>`;
}
