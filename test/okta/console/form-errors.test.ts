import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import { errorCodeOf } from '../../routes-helpers.js';
import { type ConsoleWorld, consoleWorld, post } from './console-helpers.js';

/**
 * A refused console form is shown again on the page it came from (its Referer), with what was
 * typed kept and the refusal next to the field, at the refusal's status with its stable code.
 */
const [SARAH] = WORLD_DEFAULTS.org1Users;
let cw: ConsoleWorld;
beforeAll(async () => {
  cw = await consoleWorld();
});
afterAll(() => cw?.world.close());

const from = (org: 'org1' | 'org2', path: string) => `${cw.world[org].url}${path}`;

describe('a refused form is shown again', () => {
  it('a taken login: the Add person form with every value but the password, the error at the login', async () => {
    const form = {
      firstName: 'Sara',
      lastName: 'Twin',
      login: SARAH.login,
      email: 'twin@org1.example',
      password: 'Secret-123!',
    };
    const res = await post(cw, 'org1', '/admin/people', form).set(
      'referer',
      from('org1', '/admin/people/new'),
    );
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'OKTA_E0000001']);
    const html = parse(res.text);
    expect(html.querySelector('title')?.text).toBe('Add person · org1 Admin Console');
    const value = (name: string) => html.querySelector(`input[name=${name}]`)?.getAttribute('value');
    expect([value('firstName'), value('lastName'), value('login'), value('email')]).toEqual([
      'Sara',
      'Twin',
      SARAH.login,
      'twin@org1.example',
    ]);
    expect(value('password')).toBe('');
    // Unticked "Activate now" stays unticked.
    expect(html.querySelector('input[name=activate]')?.hasAttribute('checked')).toBe(false);
    const login = html.querySelector('#f-login');
    expect(login?.getAttribute('aria-invalid')).toBe('true');
    const note = html.querySelector(`#${login?.getAttribute('aria-describedby')}`);
    expect(note?.text).toContain('OKTA_E0000001');
    expect(note?.text).toContain('An object with this field already exists');
    expect(html.querySelector('[role=alert]')?.getAttribute('data-error-code')).toBe('OKTA_E0000001');
  });

  it('several bad fields each carry their own message; a field without fault is not marked', async () => {
    const form = { firstName: '', lastName: 'Doe', login: 'not-an-email', email: 'nope', activate: 'true' };
    const res = await post(cw, 'org1', '/admin/people', form).set(
      'referer',
      from('org1', '/admin/people/new'),
    );
    const html = parse(res.text);
    const invalid = html.querySelectorAll('[aria-invalid=true]').map((i) => i.getAttribute('name'));
    expect(invalid.sort()).toEqual(['email', 'firstName', 'login']);
    expect(html.querySelector('#f-email-error')?.text).toContain('Does not match required pattern');
    expect(html.querySelector('input[name=activate]')?.hasAttribute('checked')).toBe(true);
  });

  it('an unknown member login on a group page: the group page again, the login kept and marked', async () => {
    const { group } = await cw.world.org1.groupAdmin.create({ name: 'Form Crew' });
    const page = `/admin/groups/${group.id}`;
    const res = await post(cw, 'org1', `${page}/members`, { login: 'nobody@org1.example' }).set(
      'referer',
      from('org1', `${page}?done=create`),
    );
    expect([res.status, errorCodeOf(res)]).toEqual([404, 'OKTA_E0000007']);
    const html = parse(res.text);
    expect(html.querySelector('h1')?.text).toBe('Form Crew');
    expect(html.querySelector('.notice')).toBeNull();
    expect(html.querySelector('#f-login')?.getAttribute('value')).toBe('nobody@org1.example');
    expect(html.querySelector('#f-login-error')?.text).toContain('nobody@org1.example');
  });

  it('org2 gets the same: a blank group name', async () => {
    const res = await post(cw, 'org2', '/admin/groups', { name: '', description: 'kept' }).set(
      'referer',
      from('org2', '/admin/groups'),
    );
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'OKTA_E0000001']);
    const html = parse(res.text);
    expect(html.querySelector('#f-description')?.getAttribute('value')).toBe('kept');
    expect(html.querySelector('#f-name-error')?.text).toContain('The field cannot be left blank');
  });

  it('without a Referer of the console (a script), the refusal is the plain error page', async () => {
    const res = await post(cw, 'org1', '/admin/people', { login: SARAH.login }).set(
      'referer',
      'http://elsewhere.example/admin/people/new',
    );
    expect([res.status, errorCodeOf(res)]).toEqual([400, 'OKTA_E0000001']);
    expect(parse(res.text).querySelector('h1')?.text).toBe('Something went wrong');
  });
});
