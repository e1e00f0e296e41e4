import type { z } from 'zod';
import type { Agent, Hop } from '../../agent/index.js';
import { FedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import type { ProvisioningTask } from '../../provisioning/task-log.js';
import type { World } from '../../world/world.js';

export interface StepContext {
  world: World;
  /** One browser per user (lower-cased login), kept across steps like a person's. */
  browsers: Map<string, Agent>;
  /** Each exchange of the browser named `browser` (its user's lower-cased login). */
  onHop: (hop: Hop, browser: string) => void;
  /** While tracing: the fetch a browser uses, so its headers are recorded too. */
  browserFetch?: (browser: string) => HttpFetch;
}

/** One kind of scenario step: the key it is written under, its input, its report name and its action. */
export interface StepDefinition<K extends string = string, S extends z.ZodType = z.ZodType> {
  kind: K;
  /** One line for README's step table and the JSON Schema's description. */
  summary: string;
  schema: S;
  /** The step's name in reports when the scenario gives none (user-visible: keep stable). */
  describe(input: z.output<S>): string;
  run(input: z.output<S>, ctx: StepContext): Promise<void> | void;
}

/** Identity at run time; gives each step file its input type from its schema. */
export function defineStep<const K extends string, S extends z.ZodType>(
  definition: StepDefinition<K, S>,
): StepDefinition<K, S> {
  return definition;
}

export function requireUser(world: World, org: 'org1' | 'org2', login: string) {
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

type TaskOutcome = Pick<ProvisioningTask, 'status' | 'error'>;
type UserTaskOutcome = Pick<ProvisioningTask, 'status' | 'error' | 'login'>;

/** A failed provisioning task fails the step that caused it, with the remote error code. */
export function failOnTask(task: TaskOutcome | undefined): void {
  if (task?.status === 'failed' && task.error) throw new FedsimError(task.error.code, task.error.message);
}

/** Tasks of one change to many users (`what`: "pushes of group X"): any failed fails the step, named by the first. */
export function failOnTasks(tasks: readonly UserTaskOutcome[], what: string): void {
  const failed = tasks.filter((t) => t.status === 'failed');
  const first = failed[0];
  if (!first?.error) return;
  throw new FedsimError(
    first.error.code,
    `${failed.length} of ${tasks.length} ${what} failed; the first, ${first.login}'s: ${first.error.message}`,
    { hint: "Workflow › Provisioning tasks in org1's console lists them (filter: failed)." },
  );
}
