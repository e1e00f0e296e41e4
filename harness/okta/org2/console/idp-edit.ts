import type { Directory } from '../../directory.js';
import { validationError } from '../../errors.js';
import type { Groups } from '../../groups.js';

/** The IdP page's form, field by field (strings as posted; arrays from repeated checkboxes). */
export type IdpForm = Record<string, string | string[] | undefined>;

type Json = Record<string, unknown>;
const obj = (parent: Json, key: string): Json => {
  const child = parent[key];
  if (typeof child === 'object' && child !== null) return child as Json;
  parent[key] = {};
  return parent[key] as Json;
};
const str = (form: IdpForm, name: string): string => {
  const v = form[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};
const list = (form: IdpForm, name: string): string[] => {
  const v = form[name];
  return v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter(Boolean);
};
const on = (form: IdpForm, name: string) => str(form, name) === 'on';

/** Group checkboxes post ids; each must still be a group of the org. */
function groupIds(groups: Groups, ids: string[], field: string): string[] {
  for (const id of ids)
    if (!groups.find(id)) throw validationError([`${field}: No group ${id}`], { actual: id });
  return ids;
}

/** Excluded users are typed as logins or ids, comma separated; Okta's object holds ids. */
function userIds(directory: Directory, typed: string): string[] {
  return typed
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((who) => {
      const user = directory.find(who);
      if (!user) throw validationError([`accountLinkExcludeUsers: No user ${who}`], { actual: who });
      return user.id;
    });
}

/**
 * The IdP object with the console form's settings written in: what the page then PUTs through
 * `replaceIdp`, exactly as an API client edits the JSON it got from `GET /api/v1/idps/{id}`.
 */
export function idpJsonFromForm(
  current: Json,
  form: IdpForm,
  org: { groups: Groups; directory: Directory },
): Json {
  const json = structuredClone(current);
  json.name = str(form, 'name') || json.name;
  const protocol = obj(json, 'protocol');
  obj(obj(protocol, 'endpoints'), 'sso').url = str(form, 'ssoUrl');
  obj(obj(protocol, 'credentials'), 'trust').issuer = str(form, 'issuer');
  const signature = obj(obj(obj(protocol, 'algorithms'), 'response'), 'signature');
  signature.algorithm = str(form, 'signatureAlgorithm');
  signature.scope = str(form, 'signatureScope');
  const policy = obj(json, 'policy');
  const subject = obj(policy, 'subject');
  subject.userNameTemplate = { template: str(form, 'userNameTemplate') };
  subject.filter = str(form, 'subjectFilter') || null;
  subject.matchType = str(form, 'matchType');
  subject.matchAttribute = str(form, 'matchAttribute') || null;
  const include = groupIds(org.groups, list(form, 'accountLinkGroups'), 'accountLinkGroups');
  const exclude = userIds(org.directory, str(form, 'accountLinkExcludeUsers'));
  const excludeAdmins = on(form, 'accountLinkExcludeAdmins');
  policy.accountLink = {
    action: str(form, 'accountLink'),
    filter:
      include.length || exclude.length || excludeAdmins
        ? { ...(include.length ? { groups: { include } } : {}), users: { exclude, excludeAdmins } }
        : null,
  };
  const provisioning = obj(policy, 'provisioning');
  provisioning.action = str(form, 'provisioning');
  provisioning.profileMaster = on(form, 'profileMaster');
  const groupAction = str(form, 'groupsAction');
  const chosen = groupIds(org.groups, list(form, 'groups'), 'groups');
  provisioning.groups = {
    action: groupAction,
    ...(groupAction === 'ASSIGN' ? { assignments: chosen } : {}),
    ...(groupAction === 'APPEND' || groupAction === 'SYNC'
      ? { sourceAttributeName: str(form, 'groupsAttribute') || 'groups', filter: chosen }
      : {}),
  };
  const skew = Number(str(form, 'maxClockSkew'));
  if (!Number.isFinite(skew) || skew < 0)
    throw validationError(['maxClockSkew: a number of milliseconds, 0 or more'], {
      actual: str(form, 'maxClockSkew'),
    });
  policy.maxClockSkew = skew;
  return json;
}

/** The IdP object trusting `kids` (primary first, then the rollover one): what a certificate change PUTs. */
export function idpJsonTrusting(current: Json, kids: readonly string[]): Json {
  const json = structuredClone(current);
  const trust = obj(obj(obj(json, 'protocol'), 'credentials'), 'trust');
  const [kid, ...additional] = kids;
  trust.kid = kid;
  if (additional.length) trust.additionalKids = additional;
  else delete trust.additionalKids;
  return json;
}
