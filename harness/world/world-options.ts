import type { LookupFunction } from 'node:net';
import type { Clock } from '../core/clock.js';
import type { HttpFetch } from '../core/http.js';
import type { SecretSource } from '../core/secrets.js';
import type { PartySinks } from '../trace/record.js';

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
