import { describe, expect, it } from 'vitest';
import { prettyXml } from '../../harness/trace/decode.js';

describe('prettyXml', () => {
  it('indents one element a line and leaves no empty line around wrapped values', () => {
    const xml =
      '<ds:Signature><ds:SignatureValue>\r\nAAAA\r\nBBBB\r\n</ds:SignatureValue>' +
      '<ds:X509Data><ds:X509Certificate>\n\nCCCC\nDDDD\n</ds:X509Certificate></ds:X509Data></ds:Signature>';
    expect(prettyXml(xml).split('\n')).toEqual([
      '<ds:Signature>',
      '  <ds:SignatureValue>',
      '    AAAA',
      '    BBBB',
      '  </ds:SignatureValue>',
      '  <ds:X509Data>',
      '    <ds:X509Certificate>',
      '      CCCC',
      '      DDDD',
      '    </ds:X509Certificate>',
      '  </ds:X509Data>',
      '</ds:Signature>',
    ]);
  });

  it('keeps a one-line value on its element line, whatever the name length', () => {
    expect(prettyXml('<a><b>x</b></a>')).toBe('<a>\n  <b>x</b>\n</a>');
    expect(prettyXml('<root><id>x</id><empty/></root>')).toBe('<root>\n  <id>x</id>\n  <empty/>\n</root>');
  });
});
