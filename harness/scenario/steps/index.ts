import type { z } from 'zod';
import { FedsimError } from '../../core/errors.js';
import { advanceClockStep } from './advance-clock.js';
import { assignGroupStep } from './assign-group.js';
import { assignStep, unassignStep } from './assignment.js';
import { configureStep } from './configure.js';
import { deactivateStep } from './deactivate.js';
import type { StepContext, StepDefinition } from './define.js';
import { expectStep } from './expect.js';
import { injectStep } from './inject.js';
import { loginStep } from './login.js';
import { pushGroupStep } from './push-group.js';
import { removeMemberStep } from './remove-member.js';
import { renameGroupStep } from './rename-group.js';
import { replayStep } from './replay.js';
import { setGroupsStep } from './set-groups.js';
import { unassignGroupStep } from './unassign-group.js';
import { updateProfileStep } from './update-profile.js';
import { stepUnion } from './variants.js';

export type { StepContext, StepDefinition } from './define.js';

/** The step table: a kind is one file here and one line below; schema, kinds and dispatch follow. */
export const STEPS = [
  assignStep,
  unassignStep,
  assignGroupStep,
  unassignGroupStep,
  updateProfileStep,
  deactivateStep,
  loginStep,
  replayStep,
  advanceClockStep,
  setGroupsStep,
  pushGroupStep,
  renameGroupStep,
  removeMemberStep,
  configureStep,
  injectStep,
  expectStep,
] as const;

export type StepKind = (typeof STEPS)[number]['kind'];
export const STEP_KINDS: readonly StepKind[] = STEPS.map((s) => s.kind);
export const stepSchema = stepUnion(STEPS);
export type Step = z.infer<typeof stepSchema>;

const BY_KIND = new Map<string, StepDefinition>(STEPS.map((s) => [s.kind, s as StepDefinition]));

export function stepKind(step: Step): StepKind {
  return STEP_KINDS.find((k) => k in step) as StepKind;
}

/** The step's definition and its input (the value under its kind's key). */
function resolve(step: Step): { definition: StepDefinition; input: unknown } {
  const kind = stepKind(step);
  return { definition: BY_KIND.get(kind) as StepDefinition, input: (step as Record<string, unknown>)[kind] };
}

export function describeStep(step: Step): string {
  if (step.name) return step.name;
  const { definition, input } = resolve(step);
  return definition.describe(input);
}

/** Runs one step; with `expectError`, the step passes only when it fails with that code. */
export async function runStep(step: Step, ctx: StepContext): Promise<void> {
  const { definition, input } = resolve(step);
  let failure: FedsimError | undefined;
  try {
    await definition.run(input, ctx);
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
