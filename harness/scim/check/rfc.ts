import { ERROR_SCHEMA } from '../errors.js';
import { at, equals, hasSchema, integer, isError, isList, problems, statusFirst } from './assertions.js';
import { type CheckContext, needId, type ScimCheck } from './types.js';

/** RFC 7643/7644 rules Okta's client relies on, beyond what the SPEC test asserts. */
const SCIM_JSON = /^application\/scim\+json\b/i;

const list = (ctx: CheckContext, query: string) => ctx.probe.send('GET', `/Users?${query}`);

export const RFC_CHECKS: ScimCheck[] = [
  {
    id: 'rfc.list-shape',
    group: 'rfc',
    title: "ListResponse as Okta's import reads it (RFC 7644 §3.4.2)",
    expectation:
      'GET /Users?startIndex=1&count=100 → ListResponse schema, integer totalResults/startIndex/itemsPerPage, itemsPerPage = Resources.length, startIndex 1',
    fix: 'Send totalResults, startIndex and itemsPerPage as JSON integers (not strings), Resources as an array the length of itemsPerPage.',
    async run(ctx) {
      const res = await list(ctx, 'startIndex=1&count=100');
      const resources = at(res.body, 'Resources');
      return statusFirst(res, [200], () => [
        isList(res.body),
        integer(res.body, 'totalResults', 'startIndex', 'itemsPerPage'),
        Array.isArray(resources)
          ? equals(res.body, 'itemsPerPage', resources.length)
          : 'Resources is not an array',
        equals(res.body, 'startIndex', 1),
      ]);
    },
  },
  {
    id: 'rfc.pagination',
    group: 'rfc',
    title: 'Paging by startIndex and count (RFC 7644 §3.4.2.4)',
    expectation:
      'GET /Users?startIndex=1&count=1 and ?startIndex=2&count=1 → one user each, different, startIndex echoed, the same totalResults ≥ 2',
    fix: 'Return count users from the 1-based startIndex, echo startIndex, and keep totalResults the number of all matches.',
    async run(ctx) {
      needId(ctx.state.okta, 'okta.create');
      const pages = [await list(ctx, 'startIndex=1&count=1'), await list(ctx, 'startIndex=2&count=1')];
      const [first, second] = pages.map((p) => at(p.body, 'Resources[0].id'));
      return problems(
        ...pages.flatMap((page, i) =>
          statusFirst(page, [200], () => [
            equals(page.body, 'startIndex', i + 1),
            equals(page.body, 'itemsPerPage', 1),
            Array.isArray(at(page.body, 'Resources')) &&
            (at(page.body, 'Resources') as unknown[]).length === 1
              ? undefined
              : `page ${i + 1}: Resources does not hold exactly one user`,
          ]),
        ),
        first !== undefined && first === second ? `both pages hold ${String(first)}` : undefined,
        at(pages[0]?.body, 'totalResults') === at(pages[1]?.body, 'totalResults')
          ? undefined
          : 'totalResults differs between pages',
        Number(at(pages[0]?.body, 'totalResults')) >= 2
          ? undefined
          : 'totalResults is below the 2 users this run created',
      );
    },
  },
  {
    id: 'rfc.filter-case-insensitive',
    group: 'rfc',
    title: 'userName filter ignores case (RFC 7643 §4.1.1: userName is caseExact false)',
    expectation:
      'GET /Users?filter=userName eq "<USER NAME UPPER-CASED>" → the user spec.create made, totalResults 1',
    fix: 'Compare userName case-insensitively in filters (and in the uniqueness check), so Okta links rather than duplicates.',
    async run(ctx) {
      const user = ctx.state.spec;
      const id = needId(user, 'spec.create');
      const filter = encodeURIComponent(`userName eq "${user.userName.toUpperCase()}"`);
      const res = await list(ctx, `filter=${filter}&startIndex=1&count=100`);
      return statusFirst(res, [200], () => [
        equals(res.body, 'totalResults', 1),
        equals(res.body, 'Resources[0].id', id),
      ]);
    },
  },
  {
    id: 'rfc.duplicate-409',
    group: 'rfc',
    title: 'A duplicate userName is a 409 uniqueness error (RFC 7644 §3.3, §3.12)',
    expectation:
      'Okta\'s POST /Users of an existing userName, upper-cased → 409, Error schema, status "409", scimType uniqueness',
    fix: 'Refuse it with 409 and {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"scimType":"uniqueness","status":"409","detail":"…"}.',
    async run(ctx) {
      const user = ctx.state.okta;
      needId(user, 'okta.create');
      const copy = { ...user, userName: user.userName.toUpperCase() };
      let created: string | undefined;
      try {
        created = (await ctx.client.create(copy)).id;
        ctx.state.extra.push({ ...copy, id: created });
      } catch {
        // Refused, as it should be (or answered unreadably): the answer below says which.
      }
      const res = ctx.probe.lastAnswer();
      if (!res) return ['no answer'];
      return statusFirst(res, [409], () => [
        ...isError(res.body, 409),
        equals(res.body, 'scimType', 'uniqueness'),
      ]);
    },
  },
  {
    id: 'rfc.error-schema',
    group: 'rfc',
    title: 'Errors are SCIM Error messages (RFC 7644 §3.12)',
    expectation: 'GET /Users/<unknown id> → 404 {"schemas":["…:Error"],"status":"404" (a string),"detail":…}',
    fix: 'Send every error as the SCIM Error message, status as a string ("404"), with a detail.',
    async run(ctx) {
      const res = await ctx.probe.send('GET', `/Users/fedsim-check-missing-${ctx.random()}`);
      return statusFirst(res, [404], () => [
        hasSchema(res.body, ERROR_SCHEMA),
        typeof at(res.body, 'status') === 'string'
          ? undefined
          : `status in the body is ${JSON.stringify(at(res.body, 'status'))}, expected the string "404"`,
        typeof at(res.body, 'detail') === 'string' ? undefined : 'detail is missing',
      ]);
    },
  },
  {
    id: 'rfc.content-type',
    group: 'rfc',
    title: 'Responses are application/scim+json (RFC 7644 §3.1, §8.1)',
    expectation: 'every response with a body in this run had Content-Type application/scim+json',
    fix: 'Send Content-Type: application/scim+json (charset utf-8) on every SCIM response, errors included.',
    async run(ctx) {
      const offenders = ctx.probe.history.filter(
        (e) => e.status !== 0 && e.status !== 204 && !SCIM_JSON.test(e.contentType ?? ''),
      );
      ctx.probe.show(offenders.slice(0, 3));
      return offenders.length
        ? [
            `${offenders.length} of ${ctx.probe.history.length} responses had another Content-Type, e.g. ${offenders[0]?.contentType || 'none'}`,
          ]
        : [];
    },
  },
];
