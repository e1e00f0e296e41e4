import { validateSamlSchema } from '../../harness/saml/schema/validate.js';
import { parseUntrustedXml } from '../../harness/saml/xml.js';

/**
 * samlify refuses to parse without a schema validator: the matrix gives it fedsim's XSD validator
 * over the OASIS schemas (@authenio/samlify-node-xmllint works too, but its WebAssembly libxml2 took
 * 14 s to its first validation on a loaded 2-core machine). samlify makes every other check itself.
 */
export const samlifySchemaValidator = {
  validate: async (xml: string) => {
    const result = validateSamlSchema(parseUntrustedXml(xml));
    if (!result.ok)
      throw new Error(`schema: ${result.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    return 'valid';
  },
};
