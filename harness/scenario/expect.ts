import type { Agent } from '../agent/index.js';
import { FedsimError } from '../core/errors.js';
import type { ProvisioningTask } from '../provisioning/task-log.js';
import type { World } from '../world/world.js';
import { whereSignedIn } from './browse.js';
import { logCheck } from './expect-log.js';
import { taskCountChecks } from './expect-tasks.js';
import type { Expectation } from './schema-expect.js';

type Mismatch = { what: string; expected: unknown; actual: unknown };

function compare(out: Mismatch[], what: string, expected: unknown, actual: unknown): void {
  if (expected !== undefined && expected !== actual) out.push({ what, expected, actual });
}

function org2Checks(world: World, e: NonNullable<Expectation['org2']>, out: Mismatch[]): void {
  compare(out, 'org2 user count', e.userCount, world.org2.directory.all().length);
  if (e.signInWarning !== undefined) {
    const warnings = world.org2.signIns.at(-1)?.warnings ?? [];
    compare(
      out,
      'org2 last sign-in warning',
      e.signInWarning,
      warnings.find((w) => w.includes(e.signInWarning ?? ''))
        ? e.signInWarning
        : warnings.join('; ') || 'none',
    );
  }
  if (e.user === undefined) return;
  const user = world.org2.directory.find(e.user);
  compare(
    out,
    `org2 user ${e.user} exists`,
    e.exists ?? (e.status || e.profile || e.linked !== undefined ? true : undefined),
    Boolean(user),
  );
  if (!user) return;
  compare(out, `org2 ${e.user} status`, e.status, user.status);
  compare(out, `org2 ${e.user} provider`, e.provider, user.provider);
  for (const [k, v] of Object.entries(e.profile ?? {}))
    compare(out, `org2 ${e.user} profile.${k}`, v, user.profile[k]);
  if (e.groups) {
    const actual = world.org2.groups
      .groupsOf(user.id)
      .map((g) => g.profile.name)
      .sort();
    compare(out, `org2 ${e.user} groups`, [...e.groups].sort().join(', '), actual.join(', '));
  }
  const link = world.org2.links.get(user.id);
  compare(out, `org2 ${e.user} linked to ${world.org2.idp.name}`, e.linked, Boolean(link));
  compare(out, `org2 ${e.user} link externalId`, e.externalId, link?.externalId);
}

/** Member attributes an expectation may name, as the team holds them (from SCIM pushes). */
const MEMBER_ATTRIBUTES = ['active', 'givenName', 'familyName', 'displayName', 'email'] as const;

function dropboxChecks(world: World, e: NonNullable<Expectation['dropbox']>, out: Mismatch[]): void {
  compare(
    out,
    'dropbox member count',
    e.memberCount,
    world.dropbox.team.all().filter((m) => m.state !== 'removed').length,
  );
  if (e.member === undefined) return;
  const member = world.dropbox.team
    .all()
    .find((m) => m.userName.toLowerCase() === e.member?.toLowerCase() && m.state !== 'removed');
  const attributes = MEMBER_ATTRIBUTES.filter((a) => e[a] !== undefined);
  compare(
    out,
    `dropbox member ${e.member} exists`,
    e.exists ?? ((e.state && e.state !== 'removed') || attributes.length ? true : undefined),
    Boolean(member),
  );
  if (e.state === 'removed') {
    compare(out, `dropbox member ${e.member} removed`, true, !member);
    return;
  }
  if (!member) return;
  compare(out, `dropbox member ${e.member} state`, e.state, member.state);
  for (const a of attributes) compare(out, `dropbox member ${e.member} ${a}`, e[a], member[a]);
}

function provisioningChecks(
  world: World,
  e: NonNullable<Expectation['provisioning']>,
  out: Mismatch[],
): void {
  const { apps } = world.org2;
  const tasks: readonly ProvisioningTask[] =
    e.party === 'org1'
      ? world.org1.connector.tasks
      : e.app === undefined
        ? world.org2.provisioner.tasks
        : apps.provisionerOf(apps.get(e.app)).tasks;
  const task = tasks.findLast(
    (t) =>
      (e.action === undefined || t.action === e.action) &&
      (e.user === undefined || t.login.toLowerCase() === e.user.toLowerCase()),
  );
  const label = [e.party, e.app, 'last', e.user && `${e.user}'s`, e.action, 'provisioning task']
    .filter(Boolean)
    .join(' ');
  if (!task) return void out.push({ what: label, expected: e.status, actual: 'no task' });
  compare(out, `${label} status`, e.status, task.status);
  compare(out, `${label} error code`, e.code, task.error?.code);
  compare(out, `${label} attempts`, e.attempts, task.attempts);
  if (e.attemptErrors) {
    const actual = task.errors.map((a) => a.code).join(', ') || 'none';
    compare(out, `${label} attempt errors`, e.attemptErrors.join(', ') || 'none', actual);
  }
  if (e.attemptStatuses) {
    const actual = task.errors.map((a) => a.status ?? 'dropped').join(', ') || 'none';
    compare(out, `${label} attempt statuses`, e.attemptStatuses.join(', ') || 'none', actual);
  }
}

function faultChecks(world: World, e: NonNullable<Expectation['faults']>, out: Mismatch[]): void {
  const injector = world.faults[e.party];
  compare(out, `${e.party} API calls hit by injected faults`, e.hits, injector.hits.length);
  compare(out, `${e.party} injected faults still queued`, e.pending, injector.pending);
}

/** Checks every expectation of one `expect` step and reports all mismatches at once. */
export async function checkExpectations(
  world: World,
  e: Expectation,
  browsers: Map<string, Agent>,
): Promise<void> {
  const out: Mismatch[] = [];
  if (e.org1) {
    const user = world.org1.directory.find(e.org1.user);
    compare(
      out,
      `org1 user ${e.org1.user} exists`,
      e.org1.exists ?? (e.org1.status ? true : undefined),
      Boolean(user),
    );
    compare(out, `org1 ${e.org1.user} status`, e.org1.status, user?.status);
  }
  if (e.org2) org2Checks(world, e.org2, out);
  if (e.dropbox) dropboxChecks(world, e.dropbox, out);
  if (e.provisioning) provisioningChecks(world, e.provisioning, out);
  if (e.faults) faultChecks(world, e.faults, out);
  if (e.tasks) out.push(...taskCountChecks(world, e.tasks));
  const logMismatch = e.log && logCheck(world, e.log);
  if (logMismatch) out.push(logMismatch);
  if (e.signedIn) {
    const agent = browsers.get(e.signedIn.user.toLowerCase());
    const at = agent ? await whereSignedIn(world, agent) : { org1: false, org2: false, dropbox: false };
    for (const party of e.signedIn.at)
      compare(out, `${e.signedIn.user} signed in at ${party}`, true, at[party]);
    for (const party of e.signedIn.not ?? [])
      compare(out, `${e.signedIn.user} signed in at ${party}`, false, at[party]);
  }
  if (out.length > 0) {
    throw new FedsimError(
      'SCENARIO_EXPECTATION_FAILED',
      out.map((m) => `${m.what}: expected ${String(m.expected)}, got ${String(m.actual)}`).join('; '),
      {
        expected: Object.fromEntries(out.map((m) => [m.what, m.expected])),
        actual: Object.fromEntries(out.map((m) => [m.what, m.actual])),
      },
    );
  }
}
