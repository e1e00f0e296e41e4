import type { LookupFunction } from 'node:net';
import { type Clock, FixedClock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import type { HttpFetch } from '../core/http.js';
import { type IdGenerator, SeededIds } from '../core/ids.js';
import { type Listening, listen } from '../core/listen.js';
import { randomSecrets, type SecretSource } from '../core/secrets.js';
import type { CertInfo } from '../crypto/credential.js';
import { loadCredential } from '../crypto/store.js';
import type { Dropbox } from '../dropbox/dropbox.js';
import { createPartyFaults, type PartyFaults, withFaults } from '../faults/wire.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import { type Scheduler, schedulerFor } from '../provisioning/scheduler.js';
import { parseIdpMetadata, parseSpMetadata } from '../saml/metadata.js';
import { LiveTrace } from '../trace/live/recorder.js';
import { type PartySinks, recordingFetch } from '../trace/record.js';
import type { WorldConfig } from './config.js';
import { WORLD_DEFAULTS as D } from './defaults.js';
import { externalIdpSettings, idpFromMetadata, isExternalIdp } from './external-idp.js';
import { resolveIdpRefs } from './idp-refs.js';
import { type WorldOutbound, worldOutbound } from './outbound.js';
import {
  buildDropbox,
  buildOrg1,
  buildOrg2,
  type PartyContext,
  type TokenFor,
  type WorldTokens,
} from './parties.js';
import { seedUsers } from './seed.js';
import { servedApp } from './served-app.js';
import {
  dropboxAppSettings,
  idpSettings,
  loadOktaIdp,
  org2orgSettings,
  rateLimitSettings,
} from './settings.js';
import { WorldApps } from './world-apps.js';

export interface WorldOptions {
  /** Real time for `serve`; a fixed clock (default) for reproducible scenarios. */
  clock?: Clock;
  fetch?: HttpFetch;
  /** How the hosts the config names resolve (tests map a name to 127.0.0.1); default: the system's. */
  lookup?: LookupFunction;
  /** Ports for org1, org2, dropbox (0 = ephemeral). */
  ports?: [number, number, number];
  host?: string;
  /** Folder relative paths in the config are resolved against (the scenario file's). */
  baseDir?: string;
  /** Where the API and SCIM tokens come from; default: the seeded ids (reproducible scenarios). */
  tokens?: SecretSource;
  /** Record every call a party makes to another (traces); absent, parties call the fetch directly. */
  record?: PartySinks;
  /** Record every exchange into a live trace served at `/_fedsim/trace` (`serve`); the ring's size, or true. */
  liveTrace?: boolean | number;
}

/** Where the world's secrets come from (docs/decisions/serve-secrets.md). */
export interface WorldSecrets {
  /** Session and SSO-state cookie ids: never predictable, scenario runs included. */
  sessions: SecretSource;
  /** API and SCIM tokens. */
  tokens: SecretSource;
}

/** The three parties of the federation, wired together and listening on loopback. */
export class World {
  readonly org1: Org1;
  readonly org2: Org2;
  readonly dropbox: Dropbox;
  readonly tokens: WorldTokens;
  /** How provisioning clients and injected latency wait: the fixed clock moves instead of sleeping. */
  readonly scheduler: Scheduler;
  /** Faults queued against org2's and dropbox's APIs (the scenario `inject` step). */
  readonly faults: PartyFaults;
  /** Every party's outbound HTTP; each call counts as work in flight for the scheduler. */
  readonly fetch: HttpFetch;
  /** The fetch a party calls others with: `fetch`, recorded under the party's name when tracing. */
  readonly #fetchAs: (party: 'org1' | 'org2' | 'dropbox') => HttpFetch;
  #listeners: Listening[] = [];
  #tokenFor: TokenFor;
  /** What dropbox's SSO settings trust: certificates and, when read from metadata, the issuer. */
  #dropboxTrust: { issuer?: string; certs: CertInfo[] };
  /** world.org2.apps: built with the world, added or changed by `configure`. */
  readonly #apps: WorldApps;
  /** The IdP org2 trusts in place of org1 (world.org2.idp metadata or fields), if any. */
  readonly #externalIdp: ReturnType<typeof externalIdpSettings> | undefined;
  readonly #baseDir: string;
  /** Loopback and the hosts the config names (or the caller's fetch); closed with the world. */
  readonly #outbound: WorldOutbound;

  constructor(
    readonly config: WorldConfig,
    readonly clock: Clock,
    readonly ids: IdGenerator,
    /** Outbound HTTP: loopback and the hosts the config names, or the caller's fetch (outbound.ts). */
    outbound: WorldOutbound,
    /** Where relative file paths in the config (oktaJson) are resolved: the scenario's folder. */
    baseDir = process.cwd(),
    secrets: WorldSecrets = { sessions: randomSecrets, tokens: ids },
    record?: PartySinks,
    /** A served world's trace (`/_fedsim/trace`): it records the parties' calls itself. */
    readonly trace?: LiveTrace,
  ) {
    this.#outbound = outbound;
    const { tokens } = secrets;
    this.tokens = { superAdmin: tokens.token(42), readOnly: tokens.token(42), scim: tokens.token(48) };
    const tokenFor = {
      'super-admin': this.tokens.superAdmin,
      'read-only': this.tokens.readOnly,
      invalid: 'invalid-token',
    };
    this.#tokenFor = tokenFor;
    this.scheduler = schedulerFor(clock);
    const fetch = this.scheduler.tracking(outbound.fetch);
    this.fetch = fetch;
    const sinks = record ?? trace?.sinks;
    this.#fetchAs = sinks ? (party) => recordingFetch(fetch, sinks(party)) : () => fetch;
    this.#baseDir = baseDir;
    this.#apps = new WorldApps({ ids, orgName: D.org2Name, baseDir, fetch: this.#fetchAs('org2') });
    const fromJson = loadOktaIdp(config.org2?.idp?.oktaJson, baseDir);
    const idpConfig = config.org2?.idp;
    this.#externalIdp = isExternalIdp(idpConfig) ? externalIdpSettings(idpConfig ?? {}, baseDir) : undefined;
    // An exported IdP names org1's app by its issuer: simulate that same app key.
    const appKey = /^http:\/\/www\.okta\.com\/(exk\w+)$/.exec(fromJson.issuer ?? '')?.[1] ?? ids.okta('exk');
    const ctx: PartyContext = {
      config,
      clock,
      ids,
      sessionSecrets: secrets.sessions,
      fetch: this.#fetchAs('org2'),
      scheduler: this.scheduler,
      tokens: this.tokens,
      parties: () => this,
    };
    // Built in this order: ids are drawn from one seeded sequence.
    this.org2 = buildOrg2(ctx, appKey, { ...fromJson, ...this.#externalIdp?.settings }, () =>
      this.#apps.build(config.org2?.apps ?? []),
    );
    this.org2.rateLimit.configure(rateLimitSettings(config.org2?.rateLimit));
    this.faults = createPartyFaults({
      scheduler: this.scheduler,
      ids,
      org2RateLimit: () => this.org2.rateLimit.limit,
    });
    this.org1 = buildOrg1({ ...ctx, fetch: this.#fetchAs('org1') }, appKey, tokenFor);
    this.#dropboxTrust = { certs: [loadCredential(config.dropbox?.trust ?? D.dropboxApp.certificate).cert] };
    this.dropbox = buildDropbox(ctx, () => this.#dropboxTrust);
    Object.assign(this.org2.directory, config.org2?.directory);
    seedUsers(this, config);
    // Pushed when the world starts; an unknown group fails here, before anything listens.
    for (const name of config.org1?.org2org?.pushGroups ?? []) this.org1.group(name);
    resolveIdpRefs(this.org2.idp, this.org2);
    if (trace) this.#bindTrace(trace);
  }

  #bindTrace(trace: LiveTrace): void {
    trace.bind({
      parties: () => ({ org1: this.org1.url, org2: this.org2.url, dropbox: this.dropbox.url }),
      spFor: (url) => this.spFor(url),
      secrets: () => this.secretValues(),
    });
    for (const party of ['org2', 'dropbox'] as const) {
      this[party].sp.onArrival = (arrival) => trace.arrived(party, arrival);
    }
    for (const org of [this.org1, this.org2]) org.log.exchangeOf = (id) => trace.hopOf(id);
  }

  /** Values a trace must never show: the API and SCIM tokens, every user's password. */
  secretValues(): string[] {
    const users = [...this.org1.directory.all(), ...this.org2.directory.all()];
    return [...Object.values(this.tokens), ...users.flatMap((u) => (u.password ? [u.password] : []))];
  }

  /**
   * Applies settings to the running world, as an admin changing them would: signing options,
   * certificates (rollover), IdP policy, toggles, org2's apps (added or changed by name: resolved
   * once an SP metadata URL is read). Users and the topology stay as they are.
   */
  configure(patch: WorldConfig): Promise<void> {
    if (patch.org1?.org2org?.pushGroups) {
      // A push goes over HTTP and can fail: it is a step of its own, not a setting to patch.
      throw new FedsimError('CONFIG_INVALID', 'pushGroups is read when the world starts', {
        actual: patch.org1.org2org.pushGroups,
        hint: 'Use the pushGroup step to push a group from a running world.',
      });
    }
    this.#outbound.name(patch);
    const app = this.org1.app;
    Object.assign(app, org2orgSettings(patch.org1?.org2org ?? {}, app.provisioning, this.#tokenFor));
    if (patch.org2?.idp) {
      const external = isExternalIdp(patch.org2.idp)
        ? externalIdpSettings(patch.org2.idp, this.#baseDir)
        : undefined;
      Object.assign(this.org2.idp, idpSettings(patch.org2.idp), external?.settings, {
        lastUpdated: this.clock.now(),
      });
      resolveIdpRefs(this.org2.idp, this.org2);
    }
    this.org2.policy.refresh();
    if (patch.org2?.jit !== undefined) this.org2.policy.jitEnabled = patch.org2.jit;
    Object.assign(this.org2.directory, patch.org2?.directory);
    if (patch.org2?.rateLimit) this.org2.rateLimit.configure(rateLimitSettings(patch.org2.rateLimit));
    const dbx = this.org2.options.dropbox;
    Object.assign(dbx, dropboxAppSettings(patch.org2?.dropbox ?? {}, dbx.provisioning));
    if (patch.dropbox?.trust) this.#dropboxTrust = { certs: [loadCredential(patch.dropbox.trust).cert] };
    if (patch.dropbox?.deactivation) this.dropbox.team.options.deactivation = patch.dropbox.deactivation;
    return this.#apps.configure(patch.org2?.apps ?? [], this.org2);
  }

  async start(ports: [number, number, number] = [0, 0, 0], host = '127.0.0.1'): Promise<this> {
    const parties = [this.org1, this.org2, this.dropbox] as const;
    const names = ['org1', 'org2', 'dropbox'] as const;
    const seed = this.config.seed ?? 'fedsim';
    const faults = [undefined, this.faults.org2, this.faults.dropbox];
    const started = await Promise.allSettled(
      parties.map((p, i) => {
        const app = servedApp(names[i], p.createApp(), { seed, origin: () => p.url, trace: this.trace });
        return listen(withFaults(app, faults[i]), ports[i], host);
      }),
    );
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      // One port taken must not leave the other two parties listening.
      await Promise.all(started.map((s) => s.status === 'fulfilled' && s.value.close()));
      throw failed.reason;
    }
    this.#listeners = started.map((s) => (s as PromiseFulfilledResult<Listening>).value);
    parties.forEach((p, i) => {
      p.url = (this.#listeners[i] as Listening).url;
    });
    if (!this.#externalIdp)
      this.org2.idp.ssoUrl = `${this.org1.url}/app/okta_org2org/${this.org1.app.key}/sso/saml`;
    await this.#wireFromMetadata();
    // Group push goes over HTTP: once every party listens. A failure stays in the task and the log.
    for (const name of this.config.org1?.org2org?.pushGroups ?? [])
      await this.org1.groupPush.push(this.org1.group(name));
    return this;
  }

  /** Trust set up the way an admin imports metadata: fetched over HTTP from the other party. */
  async #wireFromMetadata(): Promise<void> {
    // Each import is a call of the party importing: org2 reads org1's, org1 org2's, dropbox org2's.
    const get = async (party: 'org1' | 'org2' | 'dropbox', url: string) =>
      (await this.#fetchAs(party)(url)).text();
    if (this.config.org2?.idp?.fromMetadata) {
      const md = parseIdpMetadata(
        await get('org2', `${this.org1.url}/app/${this.org1.app.key}/sso/saml/metadata`),
      );
      Object.assign(this.org2.idp, { issuer: md.entityId, ssoUrl: md.ssoUrl, trustedCerts: md.signingCerts });
    }
    const external = this.#externalIdp;
    if (external?.metadataUrl) {
      // The metadata first, then the fields the config sets (they win, as when the IdP is built).
      Object.assign(
        this.org2.idp,
        idpFromMetadata(await get('org2', external.metadataUrl)),
        external.settings,
      );
    }
    await this.#apps.readMetadata();
    if (this.config.org1?.org2org?.fromMetadata) {
      const md = parseSpMetadata(
        await get('org1', `${this.org2.url}/api/v1/idps/${this.org2.idp.id}/metadata.xml`),
      );
      Object.assign(this.org1.app, { acsUrl: md.acsUrl, audience: md.entityId });
    }
    if (this.config.dropbox?.fromMetadata) {
      const dbx = this.org2.options.dropbox;
      const md = parseIdpMetadata(await get('dropbox', `${this.org2.url}/app/${dbx.key}/sso/saml/metadata`));
      this.#dropboxTrust = { issuer: md.entityId, certs: md.signingCerts };
    }
  }

  /** The SP receiving responses posted to `url` (org2's IdP ACS or dropbox's ACS), for traces. */
  spFor(url: string) {
    const party =
      url === this.org2.acsUrl ? this.org2 : url === this.dropbox.acsUrl ? this.dropbox : undefined;
    return party && { profile: party.spProfile(), seen: (saml: string) => party.sp.seen(saml) };
  }

  /** Waits until no background provisioning work remains. */
  async settle(): Promise<void> {
    for (const work of [this.org1.connector.background, this.org2.tasks]) await work.settle();
  }

  /** Lets provisioning in flight finish (a scenario's last push is part of its result), then stops. */
  async close(): Promise<void> {
    await this.settle();
    await this.stop();
  }

  /**
   * Stops listening now, dropping work in flight: `serve` on Ctrl-C must not wait out a retry's
   * back-off on real time, which can be minutes.
   */
  async stop(): Promise<void> {
    await Promise.all(this.#listeners.map((l) => l.close()));
    this.#listeners = [];
    this.#outbound.close();
  }

  /** Maps each listener origin to its party name, for traces. */
  parties(): Record<string, string> {
    return { [this.org1.url]: 'org1', [this.org2.url]: 'org2', [this.dropbox.url]: 'dropbox' };
  }
}

/** Builds and starts a world from a scenario's `world` section. */
export async function createWorld(config: WorldConfig = {}, options: WorldOptions = {}): Promise<World> {
  const clock = options.clock ?? new FixedClock(config.clock ?? D.clock);
  const ids = new SeededIds(config.seed ?? 'fedsim');
  const world = new World(
    config,
    clock,
    ids,
    worldOutbound(config, options.fetch, options.lookup),
    options.baseDir,
    { sessions: randomSecrets, tokens: options.tokens ?? ids },
    options.record,
    options.liveTrace ? new LiveTrace(options.liveTrace === true ? undefined : options.liveTrace) : undefined,
  );
  return world.start(options.ports, options.host);
}
