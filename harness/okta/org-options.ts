import type { Clock } from '../core/clock.js';
import type { HttpFetch } from '../core/http.js';
import type { IdGenerator } from '../core/ids.js';
import type { SecretSource } from '../core/secrets.js';

/** What every Okta org of the world is given: its name, page colour, clock, ids, secrets and outbound HTTP. */
export interface OrgBaseOptions {
  name: string;
  /** The header colour of the org's pages. */
  color: string;
  clock: Clock;
  ids: IdGenerator;
  /** Session (and SSO-state) cookie ids. */
  secrets: SecretSource;
  fetch: HttpFetch;
}
