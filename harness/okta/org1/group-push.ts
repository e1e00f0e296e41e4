import type { Scheduler } from '../../provisioning/scheduler.js';
import { PerKeyQueue, type ProvisioningTask, TaskLog, type TaskRun } from '../../provisioning/task-log.js';
import type { Groups, OktaGroup } from '../groups.js';
import type { Org2OrgProvisioning } from './connector.js';
import type { Org2Api } from './org2-api.js';

/** create the org2 group, rename it, add or remove members, delete it on unlink. */
export type GroupPushAction = 'push' | 'rename' | 'add' | 'remove' | 'unlink';
/** A group push task; its `login` is the org1 group's name. */
export type GroupPushTask = ProvisioningTask<GroupPushAction>;

/** One Push Groups mapping: an org1 group, the org2 group it created, the memberships pushed. */
interface PushMapping {
  /** The org2 group's id, once created. */
  remoteId?: string;
  /** The name org2's group has: what was last pushed. */
  pushedName?: string;
  /** org1 user id → org2 user id of each member pushed. */
  members: Map<string, string>;
}

/**
 * Org2Org's Push Groups (Okta help "Group Push", "Enable Group Push", "Group Push
 * prerequisites"): a group pushed by name is created in org2 through its Groups API; renames and
 * membership changes in org1 follow. Only members assigned to the app and provisioned in org2 are
 * pushed (`remoteUserOf`); a member who stops being one is removed (inferred). Each change is a
 * task with the connector's retries; one group's changes run one at a time.
 */
export class GroupPush {
  readonly log: TaskLog<GroupPushAction>;
  /** org1 group id → its mapping. */
  readonly #mappings = new Map<string, PushMapping>();
  readonly #queue = new PerKeyQueue();

  constructor(
    private readonly settings: () => Org2OrgProvisioning,
    private readonly deps: {
      scheduler: Scheduler;
      groups: Groups;
      /** org2's APIs with the app's token, each call retried by `call`. */
      api: (call: TaskRun<GroupPushAction>['call']) => Org2Api;
      /** The org2 user id an org1 user is pushed as, while assigned, active and provisioned. */
      remoteUserOf: (userId: string) => string | undefined;
      onFinish?: (task: GroupPushTask) => void;
    },
  ) {
    this.log = new TaskLog({
      scheduler: () => deps.scheduler,
      policy: () => settings().retry,
      onFinish: deps.onFinish,
    });
  }

  /** The org2 group id a pushed org1 group has (undefined when not pushed, or not yet created). */
  remoteIdOf(groupId: string): string | undefined {
    return this.#mappings.get(groupId)?.remoteId;
  }

  /** Push Groups by name: maps the group, creates it in org2 and pushes its members. Needs provisioning on. */
  async push(group: OktaGroup): Promise<GroupPushTask | undefined> {
    if (!this.settings().enabled) return undefined;
    if (!this.#mappings.has(group.id)) this.#mappings.set(group.id, { members: new Map() });
    return this.#queue.run(group.id, () => this.#sync(group.id));
  }

  /** Pushes what changed in org1 for every mapping (names, members); resolves to the tasks that failed. */
  async syncAll(): Promise<GroupPushTask[]> {
    const ids = [...this.#mappings.keys()];
    const last = await Promise.all(ids.map((id) => this.#queue.run(id, () => this.#sync(id))));
    return last.filter((t): t is GroupPushTask => t?.status === 'failed');
  }

  /**
   * Unlink pushed group: the mapping goes; "Delete the group in the target app" deletes org2's
   * group, "Leave the group in the target app" keeps it with its members (Okta help, "Enable Group Push").
   */
  async unlink(group: OktaGroup, inTarget: 'delete' | 'leave'): Promise<GroupPushTask | undefined> {
    return this.#queue.run(group.id, async () => {
      const remoteId = this.#mappings.get(group.id)?.remoteId;
      this.#mappings.delete(group.id);
      if (inTarget === 'leave' || remoteId === undefined) return undefined;
      return this.#task('unlink', group, remoteId, (api) => api.deleteGroup(remoteId));
    });
  }

  /** Creates, renames, then adds and removes members; stops at the first failed task and returns it (else the last). */
  async #sync(groupId: string): Promise<GroupPushTask | undefined> {
    const mapping = this.#mappings.get(groupId);
    const group = this.deps.groups.find(groupId);
    if (!mapping || !group || !this.settings().enabled) return undefined;
    const { name, description } = group.profile;
    let last: GroupPushTask | undefined;
    if (mapping.remoteId === undefined) {
      last = await this.#task('push', group, undefined, async (api) => {
        mapping.remoteId = (await api.createGroup({ name, description })).id;
        mapping.pushedName = name;
      });
    } else if (mapping.pushedName !== name) {
      const remoteId = mapping.remoteId;
      last = await this.#task('rename', group, remoteId, async (api) => {
        await api.replaceGroup(remoteId, { name, description });
        mapping.pushedName = name;
      });
    }
    if (last?.status === 'failed' || mapping.remoteId === undefined) return last;
    const remoteId = mapping.remoteId;
    const wanted = new Map<string, string>();
    for (const userId of group.members) {
      const remoteUser = this.deps.remoteUserOf(userId);
      if (remoteUser !== undefined) wanted.set(userId, remoteUser);
    }
    const adds = [...wanted].filter(([id, remote]) => mapping.members.get(id) !== remote);
    const removes = [...mapping.members].filter(([id]) => !wanted.has(id));
    for (const [action, changes] of [
      ['add', adds],
      ['remove', removes],
    ] as const) {
      if (changes.length === 0) continue;
      last = await this.#task(action, group, remoteId, async (api) => {
        for (const [userId, remoteUser] of changes) {
          await api.membership(remoteId, remoteUser, action === 'add');
          if (action === 'add') mapping.members.set(userId, remoteUser);
          else mapping.members.delete(userId);
        }
      });
      if (last.status === 'failed') return last;
    }
    return last;
  }

  #task(
    action: GroupPushAction,
    group: OktaGroup,
    remoteId: string | undefined,
    work: (api: Org2Api) => Promise<void>,
  ): Promise<GroupPushTask> {
    const task = this.log.open(action, group.profile.name);
    if (remoteId !== undefined) task.targetId = remoteId;
    return this.log.run(task, async (run) => {
      await work(this.deps.api(run.call));
      task.targetId = this.#mappings.get(group.id)?.remoteId ?? remoteId;
      return 'done';
    });
  }
}
