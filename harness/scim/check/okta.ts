import { PATCH_SCHEMA, type ProvisionedUser } from '../client.js';
import { equals, isList, problems, status, statusFirst } from './assertions.js';
import { type CheckContext, needId, type ScimCheck, type TestUser } from './types.js';

/**
 * Okta's provisioning lifecycle, sent by Okta's own SCIM client (harness/scim/client.ts): look
 * up by userName, create, read, update by PUT and by PATCH, deactivate and reactivate with
 * `active`. Each step is a check; okta.sequence sums up the requests as Okta sent them.
 */
const provisioned = (user: TestUser): ProvisionedUser => ({
  userName: user.userName,
  givenName: user.givenName,
  familyName: user.familyName,
  email: user.email,
  externalId: `00u${user.familyName.toLowerCase()}`,
});

/** The client's message, its request named by method alone (the observed line has the URL). */
const reason = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).replace(/^SCIM (\w+) \S+ /, 'its $1 ');

/** Runs one client call; a failure is the check's problem, with the status the server answered. */
async function attempt(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (err) {
    return `Okta's client failed: ${reason(err)}`;
  }
}

async function readBack(ctx: CheckContext, id: string) {
  return ctx.probe.send('GET', `/Users/${encodeURIComponent(id)}`);
}

const ACCEPTED_PATCH = [200, 204];

export const OKTA_CHECKS: ScimCheck[] = [
  {
    id: 'okta.lookup',
    group: 'okta',
    title: 'Okta looks the user up by userName before creating it',
    expectation:
      'GET /Users?filter=userName eq "<new user>"&startIndex=1&count=100 → 200 ListResponse, totalResults 0',
    fix: 'Support the filter userName eq "…" with startIndex and count; a filter matching nobody answers 200 with totalResults 0.',
    async run(ctx) {
      const failed = await attempt(async () => {
        const found = await ctx.client.findByUserName(ctx.state.okta.userName);
        if (found) throw new Error(`found ${found.id} for a userName nobody has`);
      });
      const res = ctx.probe.lastAnswer();
      return problems(failed, res && isList(res.body), res && equals(res.body, 'totalResults', 0));
    },
  },
  {
    id: 'okta.create',
    group: 'okta',
    title: 'Okta creates the user',
    expectation:
      "POST /Users with Okta's body (schemas, userName, name, emails, displayName, externalId, active) → 201 with an id",
    fix: 'Answer POST /Users with 201 Created and the User, its id included: Okta keeps that id for every later call.',
    async run(ctx) {
      const user = ctx.state.okta;
      let failed: string | undefined;
      try {
        user.id = (await ctx.client.create(provisioned(user))).id;
      } catch (err) {
        failed = `Okta's client failed: ${reason(err)}`;
      }
      const res = ctx.probe.lastAnswer();
      return problems(failed ?? (res && status(res, 201)), res && equals(res.body, 'active', true));
    },
  },
  {
    id: 'okta.read',
    group: 'okta',
    title: 'Okta reads the user by the id it kept',
    expectation: 'GET /Users/{id} → 200 with the same id and userName',
    fix: 'Serve GET /Users/{id} with the id POST /Users answered.',
    async run(ctx) {
      const user = ctx.state.okta;
      const res = await readBack(ctx, needId(user, 'okta.create'));
      return statusFirst(res, [200], () => [
        equals(res.body, 'id', user.id),
        equals(res.body, 'userName', user.userName),
      ]);
    },
  },
  {
    id: 'okta.filter',
    group: 'okta',
    title: 'Okta finds the existing user by userName (linking on assignment)',
    expectation:
      'GET /Users?filter=userName eq "<the user>"&startIndex=1&count=100 → 200, the user in Resources',
    fix: 'Evaluate userName eq "…" and return the matching user in Resources, totalResults as a number.',
    async run(ctx) {
      const user = ctx.state.okta;
      needId(user, 'okta.create');
      let foundId: string | undefined;
      const failed = await attempt(async () => {
        foundId = (await ctx.client.findByUserName(user.userName))?.id;
      });
      return problems(
        failed ?? (foundId === user.id ? undefined : `found ${foundId ?? 'nobody'}, expected ${user.id}`),
      );
    },
  },
  {
    id: 'okta.put',
    group: 'okta',
    title: 'Okta updates a profile by GET then PUT of the whole user',
    expectation: 'GET /Users/{id}, PUT /Users/{id} with the changed givenName → 200; GET shows the change',
    fix: 'Accept PUT /Users/{id} with the full resource (as GET returned it, fields changed) and answer 200 with the User.',
    async run(ctx) {
      const user = ctx.state.okta;
      const id = needId(user, 'okta.create');
      user.givenName = `Put${ctx.random()}`;
      const failed = await attempt(() => ctx.client.update(id, provisioned(user)));
      if (failed) return [failed];
      const res = await readBack(ctx, id);
      return statusFirst(res, [200], () => [equals(res.body, 'name.givenName', user.givenName)]);
    },
  },
  {
    id: 'okta.patch',
    group: 'okta',
    title: 'Okta updates an attribute by PATCH (replace, no path)',
    expectation:
      'PATCH /Users/{id} PatchOp replace {name:{familyName}} → 200 or 204; GET shows it, givenName kept',
    fix: 'Support PATCH with the PatchOp schema; a replace without path sets the attributes in value and leaves the others (RFC 7644 §3.5.2.3).',
    async run(ctx) {
      const user = ctx.state.okta;
      const id = needId(user, 'okta.create');
      const familyName = `Patch${ctx.random()}`;
      const body = {
        schemas: [PATCH_SCHEMA],
        Operations: [{ op: 'replace', value: { name: { familyName } } }],
      };
      const patched = await ctx.probe.send('PATCH', `/Users/${encodeURIComponent(id)}`, { body });
      const wrong = status(patched, ...ACCEPTED_PATCH);
      if (wrong) return [wrong];
      user.familyName = familyName;
      const res = await readBack(ctx, id);
      return statusFirst(res, [200], () => [
        equals(res.body, 'name.familyName', familyName),
        equals(res.body, 'name.givenName', user.givenName),
      ]);
    },
  },
  ...(['deactivate', 'reactivate'] as const).map(
    (step): ScimCheck => ({
      id: `okta.${step}`,
      group: 'okta',
      title: `Okta ${step}s the user with PATCH active:${step === 'reactivate'}`,
      expectation: `PATCH /Users/{id} {"op":"replace","value":{"active":${step === 'reactivate'}}} → 200 or 204; GET shows it`,
      fix: `Apply a PatchOp replace of active to the user (Okta ${step}s this way and never sends DELETE).`,
      async run(ctx) {
        const active = step === 'reactivate';
        const id = needId(ctx.state.okta, 'okta.create');
        const failed = await attempt(() => ctx.client.setActive(id, active));
        if (failed) return [failed];
        const res = await readBack(ctx, id);
        return statusFirst(res, [200], () => [equals(res.body, 'active', active)]);
      },
    }),
  ),
];

/** The requests of the okta.* checks in order, as Okta sent them, each answered as Okta accepts. */
export const OKTA_SEQUENCE: ScimCheck = {
  id: 'okta.sequence',
  group: 'okta',
  title: "Okta's request sequence, end to end",
  expectation:
    'every request of okta.* (lookup, POST, GET, GET+PUT, PATCH, PATCH active:false, PATCH active:true; User-Agent: Okta SCIM Client 1.0.0) answered 2xx',
  fix: 'Fix the okta.* checks that failed: this one fails with them.',
  async run(ctx) {
    const { sequence } = ctx.state;
    const refused = sequence.filter((e) => e.status < 200 || e.status > 299);
    ctx.probe.show(sequence);
    return refused.map((e) => `${e.request.split(' ', 2).join(' ')} answered ${e.status || 'nothing'}`);
  },
};
