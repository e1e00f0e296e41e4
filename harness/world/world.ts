import { type Clock, FixedClock } from '../core/clock.js';
import type { HttpFetch } from '../core/http.js';
import { type IdGenerator, SeededIds } from '../core/ids.js';
import type { Listening } from '../core/listen.js';
import { randomSecrets } from '../core/secrets.js';
import { loadCredential } from '../crypto/store.js';
import type { Dropbox } from '../dropbox/dropbox.js';
import { createPartyFaults, type PartyFaults } from '../faults/wire.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import { type Scheduler, schedulerFor } from '../provisioning/scheduler.js';
import { LiveTrace } from '../trace/live/recorder.js';
import { type PartySinks, recordingFetch } from '../trace/record.js';
import type { WorldConfig } from './config.js';
import { WORLD_DEFAULTS as D } from './defaults.js';
import { externalIdpSettings, isExternalIdp } from './external-idp.js';
import { resolveIdpRefs } from './idp-refs.js';
import { type WorldOutbound, worldOutbound } from './outbound.js';
import { buildDropbox, buildOrg1, buildOrg2, type PartyContext, type WorldTokens } from './parties.js';
import { seedUsers } from './seed.js';
import { loadOktaIdp, rateLimitSettings } from './settings.js';
import { WorldApps } from './world-apps.js';
import { configureWorld } from './world-configure.js';
import type { DropboxTrust, PartyName, WorldInternals } from './world-internals.js';
import { listenParties } from './world-listen.js';
import { wireFromMetadata } from './world-metadata.js';
import type { WorldOptions, WorldSecrets } from './world-options.js';
import { bindTrace } from './world-trace.js';

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
  #listeners: Listening[] = [];
  #dropboxTrust: DropboxTrust;
  /** What `configure` and the metadata import change besides the parties (world-internals.ts). */
  readonly #own: WorldInternals;

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
    const { tokens } = secrets;
    this.tokens = { superAdmin: tokens.token(42), readOnly: tokens.token(42), scim: tokens.token(48) };
    const tokenFor = {
      'super-admin': this.tokens.superAdmin,
      'read-only': this.tokens.readOnly,
      invalid: 'invalid-token',
    };
    this.scheduler = schedulerFor(clock);
    const fetch = this.scheduler.tracking(outbound.fetch);
    this.fetch = fetch;
    const sinks = record ?? trace?.sinks;
    const fetchAs = sinks ? (party: PartyName) => recordingFetch(fetch, sinks(party)) : () => fetch;
    const apps = new WorldApps({ ids, orgName: D.org2Name, baseDir, fetch: fetchAs('org2') });
    const fromJson = loadOktaIdp(config.org2?.idp?.oktaJson, baseDir);
    const idpConfig = config.org2?.idp;
    const externalIdp = isExternalIdp(idpConfig) ? externalIdpSettings(idpConfig ?? {}, baseDir) : undefined;
    // An exported IdP names org1's app by its issuer: simulate that same app key.
    const appKey = /^http:\/\/www\.okta\.com\/(exk\w+)$/.exec(fromJson.issuer ?? '')?.[1] ?? ids.okta('exk');
    const ctx: PartyContext = {
      config,
      clock,
      ids,
      sessionSecrets: secrets.sessions,
      fetch: fetchAs('org2'),
      scheduler: this.scheduler,
      tokens: this.tokens,
      parties: () => this,
    };
    // Built in this order: ids are drawn from one seeded sequence.
    this.org2 = buildOrg2(ctx, appKey, { ...fromJson, ...externalIdp?.settings }, () =>
      apps.build(config.org2?.apps ?? []),
    );
    this.org2.rateLimit.configure(rateLimitSettings(config.org2?.rateLimit));
    this.faults = createPartyFaults({
      scheduler: this.scheduler,
      ids,
      org2RateLimit: () => this.org2.rateLimit.limit,
    });
    this.org1 = buildOrg1({ ...ctx, fetch: fetchAs('org1') }, appKey, tokenFor);
    this.#dropboxTrust = { certs: [loadCredential(config.dropbox?.trust ?? D.dropboxApp.certificate).cert] };
    this.dropbox = buildDropbox(
      ctx,
      () => this.#dropboxTrust,
      (t) => this.#own.trustAtDropbox(t),
    );
    Object.assign(this.org2.directory, config.org2?.directory);
    seedUsers(this, config);
    // Pushed when the world starts; an unknown group fails here, before anything listens.
    for (const name of config.org1?.org2org?.pushGroups ?? []) this.org1.group(name);
    resolveIdpRefs(this.org2.idp, this.org2);
    const { org1, org2, dropbox } = this;
    this.#own = {
      config,
      clock,
      org1,
      org2,
      dropbox,
      tokenFor,
      baseDir,
      outbound,
      apps,
      externalIdp,
      fetchAs,
      trustAtDropbox: (trust) => {
        this.#dropboxTrust = trust;
      },
    };
    if (trace) bindTrace(trace, this);
  }

  /** Values a trace must never show: the API and SCIM tokens, every user's password. */
  secretValues(): string[] {
    const passwords = [...this.org1.directory.passwords(), ...this.org2.directory.passwords()];
    return [...Object.values(this.tokens), ...passwords];
  }
  /** Applies settings to the running world, as an admin changing them would (world-configure.ts). */
  configure(patch: WorldConfig): Promise<void> {
    return configureWorld(this.#own, patch);
  }

  async start(ports: [number, number, number] = [0, 0, 0], host = '127.0.0.1'): Promise<this> {
    const seed = this.config.seed ?? 'fedsim';
    const parties = [this.org1, this.org2, this.dropbox] as const;
    this.#listeners = await listenParties(parties, { ports, host, seed }, this.faults, this.trace);
    if (!this.#own.externalIdp)
      this.org2.idp.ssoUrl = `${this.org1.url}/app/okta_org2org/${this.org1.app.key}/sso/saml`;
    await wireFromMetadata(this.#own);
    // Group push goes over HTTP: once every party listens. A failure stays in the task and the log.
    for (const name of this.config.org1?.org2org?.pushGroups ?? [])
      await this.org1.groupPush.push(this.org1.group(name));
    return this;
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
    this.#own.outbound.close();
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
