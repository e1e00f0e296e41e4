import { escapeHtml as e } from '../../core/html.js';
import { samlSummary } from '../decode.js';
import type { TracedExchange } from '../document.js';
import { explainCommand, fieldsTable } from './format.js';

/**
 * The SAML message of a hop: the fields people check first, then pretty XML and base64 on demand,
 * and the `fedsim explain` command that judges this very message (copied by the page's script;
 * the command stays visible so it can be selected by hand where the clipboard is refused).
 */
export function samlHtml(hop: TracedExchange, jsonFile: string): string {
  const saml = hop.saml;
  if (!saml) return '';
  const id = (saml.decoded as { id?: string }).id;
  const command = explainCommand(jsonFile, hop.n);
  return (
    `<details class="saml" open><summary>SAML ${e(saml.kind)}${id ? ` <code>${e(id)}</code>` : ''}</summary>` +
    fieldsTable('Decoded', samlSummary(saml)) +
    `<div class="cmd"><code>${e(command)}</code><button type="button" data-copy="${e(command)}" ` +
    `aria-label="Copy the fedsim explain command for hop ${hop.n}">Copy explain command</button>` +
    '<span class="copy-status" role="status"></span></div>' +
    `<details><summary>Pretty XML</summary><pre class="xml">${e(saml.xml)}</pre></details>` +
    `<details><summary>Base64</summary><pre class="b64">${e(saml.base64)}</pre></details></details>`
  );
}
