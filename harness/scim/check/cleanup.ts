import { at } from './assertions.js';
import type { Probe } from './probe.js';
import type { TestUser } from './types.js';

/** What became of a user the checker created. */
export interface CleanupOutcome {
  id: string;
  userName: string;
  outcome: 'deleted' | 'gone' | 'deactivated' | 'left';
  detail: string;
}

const DEACTIVATE = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', value: { active: false } }],
};

/** DELETE each user; where the server refuses, deactivate it as Okta would; say what stays. */
async function remove(probe: Probe, user: TestUser & { id: string }): Promise<CleanupOutcome> {
  const path = `/Users/${encodeURIComponent(user.id)}`;
  const base = { id: user.id, userName: user.userName };
  const deleted = await probe.send('DELETE', path);
  if (deleted.status >= 200 && deleted.status < 300)
    return { ...base, outcome: 'deleted', detail: `DELETE → ${deleted.status}` };
  if (deleted.status === 404) return { ...base, outcome: 'gone', detail: 'DELETE → 404: already removed' };
  const patched = await probe.send('PATCH', path, { body: DEACTIVATE });
  const refusal = `DELETE → ${deleted.status || 'no answer'}`;
  if (patched.status === 200 || patched.status === 204)
    return {
      ...base,
      outcome: 'deactivated',
      detail: `${refusal}; PATCH active:false → ${patched.status}: remove it by hand`,
    };
  return {
    ...base,
    outcome: 'left',
    detail: `${refusal}; PATCH active:false → ${patched.status || 'no answer'}: remove it by hand`,
  };
}

/** A user whose create answered no id may still exist: find it by userName. */
async function idOf(probe: Probe, user: TestUser): Promise<string | undefined> {
  if (user.id !== undefined) return user.id;
  const filter = encodeURIComponent(`userName eq "${user.userName}"`);
  const found = await probe.send('GET', `/Users?filter=${filter}&startIndex=1&count=100`);
  const match = at(found.body, 'Resources[0]');
  const userName = at(match, 'userName');
  const id = at(match, 'id');
  return typeof userName === 'string' &&
    userName.toLowerCase() === user.userName.toLowerCase() &&
    typeof id === 'string'
    ? id
    : undefined;
}

export async function cleanUp(probe: Probe, users: TestUser[]): Promise<CleanupOutcome[]> {
  const outcomes: CleanupOutcome[] = [];
  for (const user of users) {
    const id = await idOf(probe, user);
    if (id !== undefined) outcomes.push(await remove(probe, { ...user, id }));
  }
  probe.take();
  return outcomes;
}
