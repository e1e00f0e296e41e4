import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { FedsimError } from '../../harness/core/errors.js';
import { SeededIds } from '../../harness/core/ids.js';
import { appUserNameFormat } from '../../harness/okta/app-username.js';
import { Directory } from '../../harness/okta/directory.js';

// Okta's Sign On tab "Application username format" choices (app object:
// credentials.userNameTemplate, BUILT_IN or CUSTOM), applied to one user.
const sarah = new Directory(new FixedClock(new Date(0)), new SeededIds('names')).create({
  login: 'smiller@org1.example',
  email: 'sarah@org1.example',
  firstName: 'Sarah',
  lastName: 'Miller',
});

describe('application username format', () => {
  it.each([
    ['OKTA_USERNAME', 'smiller@org1.example'],
    ['OKTA_USERNAME_PREFIX', 'smiller'],
    ['EMAIL', 'sarah@org1.example'],
    ['EMAIL_PREFIX', 'sarah'],
  ] as const)('%s gives %s', (userNameFormat, expected) => {
    expect(appUserNameFormat({ userNameFormat })(sarah)).toBe(expected);
  });

  it('CUSTOM evaluates an Okta expression over user.*', () => {
    const format = appUserNameFormat({
      userNameFormat: 'CUSTOM',
      userNameExpression: 'String.substringBefore(user.email, "@") + "@dropbox.example"',
    });
    expect(format(sarah)).toBe('sarah@dropbox.example');
  });

  it('a CUSTOM format without an expression, or with idpuser.*, is APP_USERNAME_EXPRESSION_INVALID', () => {
    const codeOf = (userNameExpression?: string) => {
      try {
        appUserNameFormat({ userNameFormat: 'CUSTOM', userNameExpression });
      } catch (err) {
        return err instanceof FedsimError ? err.code : String(err);
      }
      return 'no error';
    };
    expect(codeOf(undefined)).toBe('APP_USERNAME_EXPRESSION_INVALID');
    expect(codeOf('idpuser.email')).toBe('APP_USERNAME_EXPRESSION_INVALID');
  });
});
