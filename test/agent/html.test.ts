import { describe, expect, it } from 'vitest';
import { parsePage } from '../../harness/agent/html.js';

const URL_ = 'http://127.0.0.1:9/page';

describe('parsePage reads title, links and forms in document order', () => {
  it('skips anchors without href and finds nested, upper-case controls', () => {
    const page = parsePage(
      URL_,
      200,
      `<html><head><TITLE>Sign in</TITLE></head><BODY><a name="top">top</a><A HREF="/next">Next</A>
       <FORM id="f" method="post" action="/go"><div><INPUT name="a" value="1"><fieldset>
       <select name="s"><option value="x">X</option><option value="y" selected>Y</option></select>
       <TEXTAREA name="t">hi</TEXTAREA></fieldset></div><BUTTON name="b" value="v">Go</BUTTON></FORM></BODY></html>`,
    );
    expect(page.title).toBe('Sign in');
    expect(page.links).toEqual([{ href: 'http://127.0.0.1:9/next', text: 'Next' }]);
    expect(page.forms).toEqual([
      expect.objectContaining({
        id: 'f',
        action: 'http://127.0.0.1:9/go',
        fields: { a: '1', s: 'y', t: 'hi' },
        buttons: [{ label: 'Go', name: 'b', value: 'v' }],
        autoSubmit: false,
      }),
    ]);
  });

  it("marks the form the body's onload submits", () => {
    const page = parsePage(
      URL_,
      200,
      '<body onload="document.forms[0].submit()"><form method="POST" action="/acs"><input type="hidden" name="RelayState" value="r"/></form></body>',
    );
    expect(page.forms.map((f) => [f.action, f.autoSubmit, f.fields])).toEqual([
      ['http://127.0.0.1:9/acs', true, { RelayState: 'r' }],
    ]);
  });
});
