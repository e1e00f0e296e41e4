import { describe, expect, it } from 'vitest';
import { FedsimError } from '../../harness/core/errors.js';
import { compileTemplate, IDP_USER_ATTRIBUTES, type IdpUser } from '../../harness/okta/expression.js';

const sarah: IdpUser = {
  subjectNameId: 'Sarah.Miller@Org1.example',
  subjectNameFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  email: 'sarah@org1.example',
  firstName: 'Sarah',
  lastName: 'Miller',
  displayName: '  Sarah Miller  ',
};

const run = (template: string, user: IdpUser = sarah) => compileTemplate(template)(user);

function codeOf(template: string): string {
  try {
    compileTemplate(template);
  } catch (err) {
    expect(err).toBeInstanceOf(FedsimError);
    return (err as FedsimError).code;
  }
  throw new Error(`expected ${template} to be refused`);
}

describe('attributes', () => {
  it('reads idpuser.subjectNameId, the default template', () => {
    expect(run('idpuser.subjectNameId')).toBe('Sarah.Miller@Org1.example');
  });

  it('reads every documented attribute, missing ones as the empty string', () => {
    expect(run('idpuser.email')).toBe('sarah@org1.example');
    expect(run('idpuser.firstName')).toBe('Sarah');
    expect(run('idpuser.subjectNameFormat')).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified');
    expect(run('idpuser.mobilePhone')).toBe('');
    expect(run('idpuser.subjectNameQualifier')).toBe('');
    for (const attr of IDP_USER_ATTRIBUTES) expect(typeof run(`idpuser.${attr}`)).toBe('string');
  });

  it('evaluates the same compiled template per user', () => {
    const t = compileTemplate('idpuser.email');
    expect(t({ email: 'a@x.example' })).toBe('a@x.example');
    expect(t({ email: 'b@x.example' })).toBe('b@x.example');
  });

  it('ignores surrounding whitespace', () => {
    expect(run('   idpuser.lastName   ')).toBe('Miller');
  });
});

describe('String functions', () => {
  it('substringBefore / substringAfter, with and without the separator present', () => {
    expect(run('String.substringBefore(idpuser.email, "@")')).toBe('sarah');
    expect(run('String.substringBefore(idpuser.firstName, "@")')).toBe('Sarah');
    expect(run('String.substringAfter(idpuser.email, "@")')).toBe('org1.example');
    expect(run('String.substringAfter(idpuser.firstName, "@")')).toBe('');
  });

  it('toLowerCase / toUpperCase / trim', () => {
    expect(run('String.toLowerCase(idpuser.subjectNameId)')).toBe('sarah.miller@org1.example');
    expect(run('String.toUpperCase(idpuser.lastName)')).toBe('MILLER');
    expect(run('String.trim(idpuser.displayName)')).toBe('Sarah Miller');
  });

  it('replace replaces every occurrence', () => {
    expect(run('String.replace(idpuser.email, "org1", "org2")')).toBe('sarah@org2.example');
    expect(run('String.replace("a.b.c", ".", "-")')).toBe('a-b-c');
  });

  it('substring with two and three arguments', () => {
    expect(run('String.substring(idpuser.email, "0", "5")')).toBe('sarah');
    expect(run('String.substring(idpuser.email, "6")')).toBe('org1.example');
  });

  it('join takes a separator and any number of parts; append joins two', () => {
    expect(run('String.join(".", idpuser.firstName, idpuser.lastName)')).toBe('Sarah.Miller');
    expect(run('String.join("-", "a", "b", "c", "d")')).toBe('a-b-c-d');
    expect(run('String.append(idpuser.firstName, "!")')).toBe('Sarah!');
  });
});

describe('composition', () => {
  it('concatenates with +', () => {
    expect(run('idpuser.firstName + "." + idpuser.lastName + "@org2.example"')).toBe(
      'Sarah.Miller@org2.example',
    );
  });

  it('nests calls and concatenates inside arguments', () => {
    expect(run('String.toLowerCase(String.substringBefore(idpuser.email, "@") + "@org2.example")')).toBe(
      'sarah@org2.example',
    );
    expect(run('String.toLowerCase(idpuser.firstName) + "." + String.toLowerCase(idpuser.lastName)')).toBe(
      'sarah.miller',
    );
  });

  it('unescapes escaped quotes and backslashes in string literals', () => {
    expect(run('"say \\"hi\\""')).toBe('say "hi"');
    expect(run('"a\\\\b"')).toBe('a\\b');
    expect(run('idpuser.firstName + " \\"S\\""')).toBe('Sarah "S"');
  });
});

describe('invalid templates are IDP_TEMPLATE_INVALID at compile time', () => {
  it.each([
    ['unknown attribute', 'idpuser.department'],
    ['unknown function', 'String.reverse(idpuser.email)'],
    ['too few arguments', 'String.substringBefore(idpuser.email)'],
    ['too many arguments', 'String.toLowerCase(idpuser.email, idpuser.email)'],
    ['join with only a separator', 'String.join(",")'],
    ['trailing garbage', 'idpuser.email idpuser.email'],
    ['trailing parenthesis', 'idpuser.email)'],
    ['unterminated string', 'idpuser.email + "@org2'],
    ['dangling +', 'idpuser.email +'],
    ['empty template', ''],
    ['bare identifier', 'user.login'],
    ['function without parentheses', 'String.toLowerCase'],
    ['unclosed call', 'String.toLowerCase(idpuser.email'],
    ['double comma', 'String.append(idpuser.email,,"x")'],
    ['unexpected character', 'idpuser.email & "x"'],
  ])('%s: %s', (_why, template) => {
    expect(codeOf(template)).toBe('IDP_TEMPLATE_INVALID');
  });

  it('reports the template as the actual value', () => {
    try {
      compileTemplate('idpuser.nope');
      expect.unreachable();
    } catch (err) {
      expect((err as FedsimError).actual).toBe('idpuser.nope');
    }
  });
});

describe('number literals', () => {
  it('accepts unquoted numbers as Okta writes them', () => {
    expect(compileTemplate('String.substring(idpuser.email, 0, 5)')({ email: 'sarah@org1.example' })).toBe(
      'sarah',
    );
  });
});
