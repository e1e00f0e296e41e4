import { USER_SCHEMA } from '../resource.js';
import { at, equals, integer, isError, isList, present, status, statusFirst } from './assertions.js';
import {
  byUserName,
  GROUPS_BUDGET_MS,
  get,
  MISSING_ID,
  MISSING_ID_404,
  post,
  USER_FIELDS,
} from './spec-requests.js';
import { needId, type ScimCheck, SkipCheck } from './types.js';

const LIST_FIX =
  'Answer GET /Users with a ListResponse: schemas ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults, startIndex and itemsPerPage as JSON numbers, Resources an array.';

/**
 * The 12 request steps of Okta's "Okta SCIM 2.0 SPEC Test" (the Runscope/BlazeMeter suite an OIN
 * submission must pass), each with the assertions of that step. See docs/decisions/scim-check.md.
 */
export const SPEC_CHECKS: ScimCheck[] = [
  {
    id: 'spec.users-list',
    group: 'spec',
    title: 'Required Test: Test Users endpoint',
    expectation:
      'GET /Users?count=1&startIndex=1 → 200 ListResponse, counts numeric, Resources[0] with id, name, userName, active, emails',
    fix: `${LIST_FIX} Okta's suite needs at least one user on the server.`,
    async run(ctx) {
      const res = await get(ctx, '/Users?count=1&startIndex=1');
      const first = at(res.body, 'Resources[0]');
      if (typeof at(first, 'id') === 'string') ctx.state.listedId = at(first, 'id') as string;
      return statusFirst(res, [200], () => [
        isList(res.body),
        integer(res.body, 'itemsPerPage', 'startIndex', 'totalResults'),
        present(res.body, ...USER_FIELDS.map((f) => `Resources[0].${f}`)),
      ]);
    },
  },
  {
    id: 'spec.get-by-id',
    group: 'spec',
    title: 'Required Test: Get Users/{{id}}',
    expectation: 'GET /Users/{id of the listed user} → 200 with that id, name, userName, active, emails',
    fix: 'Serve GET /Users/{id} for every id that GET /Users lists, with the same attributes.',
    async run(ctx) {
      const id = ctx.state.listedId;
      if (id === undefined) throw new SkipCheck('needs an id from spec.users-list, which listed none');
      const res = await get(ctx, `/Users/${encodeURIComponent(id)}`);
      return statusFirst(res, [200], () => [present(res.body, ...USER_FIELDS), equals(res.body, 'id', id)]);
    },
  },
  {
    id: 'spec.invalid-username',
    group: 'spec',
    title: 'Required Test: Test invalid User by username',
    expectation: 'GET /Users?filter=userName eq "<unknown>" → 200 ListResponse with totalResults 0',
    fix: `A filter that matches nobody is not an error: answer 200 with totalResults 0. ${LIST_FIX}`,
    async run(ctx) {
      const res = await byUserName(ctx, `invalid-${ctx.random()}@example.com`);
      return statusFirst(res, [200], () => [isList(res.body), equals(res.body, 'totalResults', 0)]);
    },
  },
  {
    id: 'spec.invalid-id',
    group: 'spec',
    title: 'Required Test: Test invalid User by ID',
    expectation: 'GET /Users/<unknown id> → 404 with the SCIM Error schema and a detail',
    fix: 'Answer an unknown id with 404 and {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"…","status":"404"}.',
    async run(ctx) {
      const res = await get(ctx, `/Users/${MISSING_ID}`);
      return statusFirst(res, [404], () => isError(res.body, 404).slice(0, 2));
    },
  },
  {
    id: 'spec.random-absent',
    group: 'spec',
    title: "Required Test: Make sure random user doesn't exist",
    expectation: 'GET /Users?filter=userName eq "<random>" → 200 ListResponse, totalResults the number 0',
    fix: LIST_FIX,
    async run(ctx) {
      const res = await byUserName(ctx, ctx.state.spec.email);
      return statusFirst(res, [200], () => [equals(res.body, 'totalResults', 0), isList(res.body)]);
    },
  },
  {
    id: 'spec.create',
    group: 'spec',
    title: 'Required Test: Create Okta user with realistic values',
    expectation: 'POST /Users → 201 with id, active true, the User schema and the name and userName sent',
    fix: 'Answer a successful POST /Users with 201 Created and the created User (its id, active:true, the attributes sent).',
    async run(ctx) {
      const user = ctx.state.spec;
      const res = await post(ctx, user);
      if (typeof at(res.body, 'id') === 'string') user.id = at(res.body, 'id') as string;
      return [
        status(res, 201),
        ...(res.status >= 200 && res.status < 300
          ? [
              equals(res.body, 'active', true),
              present(res.body, 'id'),
              equals(res.body, 'name.familyName', user.familyName),
              equals(res.body, 'name.givenName', user.givenName),
              equals(res.body, 'userName', user.userName),
              Array.isArray(at(res.body, 'schemas')) &&
              (at(res.body, 'schemas') as unknown[]).includes(USER_SCHEMA)
                ? undefined
                : `schemas does not contain ${USER_SCHEMA}`,
            ]
          : []),
      ].filter((p): p is string => p !== undefined);
    },
  },
  {
    id: 'spec.verify-created',
    group: 'spec',
    title: 'Required Test: Verify that user was created',
    expectation: 'GET /Users/{id from the POST} → 200 with the userName and name sent',
    fix: 'Keep the user POST /Users created readable at GET /Users/{id}, with the id the POST answered.',
    async run(ctx) {
      const user = ctx.state.spec;
      const res = await get(ctx, `/Users/${encodeURIComponent(needId(user, 'spec.create'))}`);
      return statusFirst(res, [200], () => [
        equals(res.body, 'userName', user.userName),
        equals(res.body, 'name.familyName', user.familyName),
        equals(res.body, 'name.givenName', user.givenName),
      ]);
    },
  },
  {
    id: 'spec.duplicate',
    group: 'spec',
    title: 'Required Test: Expect failure when recreating user with same values',
    expectation: 'POST /Users again with the same userName → 409',
    fix: 'Refuse a second user with a userName that exists (compared case-insensitively) with 409 Conflict.',
    async run(ctx) {
      const user = ctx.state.spec;
      needId(user, 'spec.create');
      const res = await post(ctx, { ...user, email: user.userName });
      const id = at(res.body, 'id');
      if (res.status < 300 && typeof id === 'string' && id !== user.id) ctx.state.extra.push({ ...user, id });
      return statusFirst(res, [409], () => []);
    },
  },
  {
    id: 'spec.username-case',
    group: 'spec',
    title: 'Required Test: Username Case Sensitivity Check',
    expectation: 'GET /Users?filter=userName eq "<the userName upper-cased>" → 200',
    fix: 'Accept any letter case in a userName filter (see rfc.filter-case-insensitive for the match itself).',
    async run(ctx) {
      const res = await byUserName(ctx, ctx.state.spec.userName.toUpperCase());
      return statusFirst(res, [200], () => []);
    },
  },
  {
    id: 'spec.groups',
    group: 'spec',
    title: 'Optional Test: Verify Groups endpoint',
    expectation: `GET /Groups → 200 within ${GROUPS_BUDGET_MS} ms; Resources an array when totalResults ≥ 1`,
    fix: 'Serve GET /Groups as a ListResponse (empty when groups are not supported), quickly.',
    async run(ctx) {
      const res = await get(ctx, '/Groups');
      const ms = ctx.probe.history.at(-1)?.ms ?? 0;
      const total = at(res.body, 'totalResults');
      return statusFirst(res, [200], () => [
        ms < GROUPS_BUDGET_MS
          ? undefined
          : `answered in ${Math.round(ms)} ms, expected under ${GROUPS_BUDGET_MS}`,
        typeof total === 'number' && total >= 1 && !Array.isArray(at(res.body, 'Resources'))
          ? 'totalResults ≥ 1 but Resources is not an array'
          : undefined,
      ]);
    },
  },
  {
    id: 'spec.401',
    group: 'spec',
    title: 'Required Test: Check status 401',
    expectation: 'a request with Authorization "non-token" → 401, Error schema, detail, status "401"',
    fix: 'Refuse a missing or wrong credential with 401 and a SCIM Error body whose status is "401".',
    async run(ctx) {
      const res = await byUserName(ctx, ctx.state.spec.userName.toUpperCase(), 'invalid');
      return statusFirst(res, [401], () => isError(res.body, 401));
    },
  },
  {
    id: 'spec.404',
    group: 'spec',
    title: 'Required Test: Check status 404',
    expectation: 'GET /Users/<unknown id> → 404, Error schema, detail, status "404"',
    fix: 'Answer an unknown id with 404 and a SCIM Error body whose status is "404".',
    async run(ctx) {
      const res = await get(ctx, `/Users/${MISSING_ID_404}`);
      return statusFirst(res, [404], () => isError(res.body, 404));
    },
  },
];
