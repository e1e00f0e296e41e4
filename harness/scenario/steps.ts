import { Agent, type Hop } from '../agent/index.js';
import { FixedClock } from '../core/clock.js';
import { type ErrorCode, FedsimError, isErrorCode } from '../core/errors.js';
import { setOrg2Groups } from '../world/seed.js';
import type { World } from '../world/world.js';
import { failIfRefused, signInAndClick } from './browse.js';
import { checkExpectations } from './expect.js';
import { STEP_KINDS, type Step } from './schema.js';

export interface StepContext {
  world: World;
  /** One browser per user (lower-cased login), kept across steps like a person's. */
  browsers: Map<string, Agent>;
  onHop: (hop: Hop) => void;
}

export function stepKind(step: Step): (typeof STEP_KINDS)[number] {
  return STEP_KINDS.find((k) => step[k] !== undefined) as (typeof STEP_KINDS)[number];
}

export function describeStep(step: Step): string {
  if (step.name) return step.name;
  if (step.assign) return `assign ${step.assign.user} to ${step.assign.app ?? 'Org2Org'}`;
  if (step.unassign) return `unassign ${step.unassign.user} from ${step.unassign.app ?? 'Org2Org'}`;
  if (step.updateProfile)
    return `update ${step.updateProfile.user} in ${step.updateProfile.org ?? 'org1'}: ${JSON.stringify(step.updateProfile.profile)}`;
  if (step.deactivate) return `deactivate ${step.deactivate.user} in ${step.deactivate.org ?? 'org1'}`;
  if (step.login) {
    const { user, start, path, tiles = start === 'org1' ? ['Org2Org'] : [] } = step.login;
    return `${user} starts at ${start}${path ?? ''}${tiles.length ? ` and clicks ${tiles.join(' → ')}` : ''}`;
  }
  if (step.advanceClock) return `advance the clock ${step.advanceClock.seconds} s`;
  if (step.configure) return `configure ${JSON.stringify(step.configure)}`;
  if (step.setGroups)
    return `${step.setGroups.user}'s ${step.setGroups.org} groups become [${step.setGroups.groups.join(', ')}]`;
  if (step.replay)
    return `${step.replay.user}'s browser posts its last SAML response to ${step.replay.to} again`;
  if (step.inject) {
    const { party, fault, count = 1, ms, status } = step.inject;
    const detail = [ms === undefined ? '' : `${ms} ms`, status === undefined ? '' : String(status)].filter(
      Boolean,
    );
    return `inject ${fault}${detail.length ? ` (${detail.join(', ')})` : ''} into ${party}'s next ${count} API call${count === 1 ? '' : 's'}`;
  }
  return 'expect';
}

function requireUser(world: World, org: 'org1' | 'org2', login: string) {
  const user = world[org].directory.find(login);
  if (!user) {
    throw new FedsimError('SCENARIO_UNKNOWN_USER', `No user ${login} in ${org}`, {
      actual: login,
      expected: world[org].directory.all().map((u) => u.profile.login),
      hint: `Add ${login} under world.${org}.users, or fix the login.`,
    });
  }
  return user;
}

/** A failed provisioning task fails the step that caused it, with the remote error code. */
function failOnTask(
  task: { status: string; error?: { code: ErrorCode; message: string } } | undefined,
): void {
  if (task?.status === 'failed' && task.error) throw new FedsimError(task.error.code, task.error.message);
}

async function act(step: Step, ctx: StepContext): Promise<void> {
  const { world } = ctx;
  if (step.assign || step.unassign) {
    const ref = (step.assign ?? step.unassign) as NonNullable<Step['assign']>;
    const assign = step.assign !== undefined;
    if ((ref.app ?? 'Org2Org') === 'Org2Org') {
      requireUser(world, 'org1', ref.user);
      return failOnTask(await (assign ? world.org1.assign(ref.user) : world.org1.unassign(ref.user)));
    }
    requireUser(world, 'org2', ref.user);
    await (assign ? world.org2.assignDropbox(ref.user) : world.org2.unassignDropbox(ref.user));
    return failOnTask(world.org2.provisioner.tasks.at(-1));
  }
  if (step.updateProfile) {
    const { user, org = 'org1', profile } = step.updateProfile;
    requireUser(world, org, user);
    if (org === 'org1') return failOnTask(await world.org1.updateProfile(user, profile));
    return void world.org2.directory.update(user, profile);
  }
  if (step.deactivate) {
    const { user, org = 'org1' } = step.deactivate;
    requireUser(world, org, user);
    if (org === 'org1') return failOnTask(await world.org1.deactivate(user));
    return void world.org2.directory.deactivate(user);
  }
  if (step.login) {
    const { user, tiles, confirm, newBrowser, start, path } = step.login;
    const seeded = requireUser(world, 'org1', user);
    const key = user.toLowerCase();
    if (newBrowser || !ctx.browsers.has(key)) {
      ctx.browsers.set(key, new Agent({ fetch: world.fetch, parties: world.parties(), onHop: ctx.onHop }));
    }
    const agent = ctx.browsers.get(key) as Agent;
    await signInAndClick(world, agent, {
      login: user,
      password: step.login.password ?? seeded.password ?? '',
      tiles: tiles ?? (start === 'org1' ? ['Org2Org'] : []),
      confirm,
      start,
      path,
    });
    return;
  }
  if (step.advanceClock) {
    if (!(world.clock instanceof FixedClock))
      throw new FedsimError('SCENARIO_STEP_FAILED', 'advanceClock needs the fixed scenario clock');
    return world.clock.advance(step.advanceClock.seconds * 1000);
  }
  if (step.configure) return world.configure(step.configure);
  if (step.setGroups) {
    const { user, org, groups } = step.setGroups;
    const found = requireUser(world, org, user);
    return org === 'org1'
      ? void world.org1.userGroups.set(found.id, groups)
      : setOrg2Groups(world.org2, found.id, groups);
  }
  if (step.replay) return replay(world, ctx, step.replay);
  if (step.inject) {
    const { party, ...fault } = step.inject;
    return world.faults[party].inject(fault);
  }
  if (step.expect) return checkExpectations(world, step.expect, ctx.browsers);
}

/** Re-posts the last SAMLResponse form this user's browser sent to the party: a replay attack. */
async function replay(world: World, ctx: StepContext, input: NonNullable<Step['replay']>): Promise<void> {
  const agent = ctx.browsers.get(input.user.toLowerCase());
  const origin = world[input.to].url;
  const last = agent?.hops.findLast(
    (h) => h.formFields?.SAMLResponse !== undefined && h.url.startsWith(origin),
  );
  if (!agent || !last?.formFields) {
    throw new FedsimError(
      'SCENARIO_STEP_FAILED',
      `${input.user}'s browser has not posted a SAML response to ${input.to} yet`,
      {
        hint: 'Put a login step for this user before the replay.',
      },
    );
  }
  failIfRefused(await agent.post(last.url, last.formFields), input.to);
}

/** Runs one step; with `expectError`, the step passes only when it fails with that code. */
export async function runStep(step: Step, ctx: StepContext): Promise<void> {
  let failure: FedsimError | undefined;
  try {
    await act(step, ctx);
  } catch (err) {
    if (!(err instanceof FedsimError)) throw err;
    failure = err;
  } finally {
    await ctx.world.settle();
  }
  if (step.expectError === undefined) {
    if (failure) throw failure;
    return;
  }
  if (!isErrorCode(step.expectError)) {
    throw new FedsimError('SCENARIO_INVALID', `expectError ${step.expectError} is not a fedsim error code`, {
      actual: step.expectError,
    });
  }
  if (failure?.code === step.expectError) return;
  throw new FedsimError(
    'SCENARIO_EXPECTATION_FAILED',
    failure
      ? `expected error ${step.expectError}, got ${failure.code}: ${failure.message}`
      : `expected error ${step.expectError}, but the step succeeded`,
    {
      expected: step.expectError,
      actual: failure?.code ?? 'success',
      hint: failure?.hint,
    },
  );
}
