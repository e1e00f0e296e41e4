import { FedsimError } from '../core/errors.js';
import type { HttpFetch } from '../core/http.js';
import type { IdGenerator } from '../core/ids.js';
import type { Org2 } from '../okta/org2/org2.js';
import { findApp, type SamlApp } from '../okta/org2/saml-app.js';
import type { SamlAppConfig } from './config.js';
import { type ConfiguredApp, samlAppOf, samlAppSettingsOf } from './saml-apps.js';

/**
 * world.org2.apps: built with the world, then added or changed by `configure` through the same
 * model (samlAppOf). An SP metadata URL is read as org2 reads it, over HTTP, once org2 listens.
 */
export class WorldApps {
  /** Apps built with the world whose SP metadata URL is still to be read. */
  #unread: ConfiguredApp[] = [];

  constructor(
    private readonly deps: { ids: IdGenerator; orgName: string; baseDir: string; fetch: HttpFetch },
  ) {}

  /** The world's apps as it is built (org2 adds them); finished by `readMetadata` once it listens. */
  build(configs: readonly SamlAppConfig[]): SamlApp[] {
    this.#unread = configs.map((c) => samlAppOf(c, this.deps));
    return this.#unread.map((a) => a.app);
  }

  async readMetadata(): Promise<void> {
    for (const app of this.#unread.splice(0)) await this.#finish(app);
  }

  /**
   * `configure`: an entry naming a new app adds it; one naming an app of world.org2.apps replaces
   * that app's settings (its id, key, assignments and pushes stay). Its SP metadata is read first,
   * so a failed read leaves the app as it was.
   */
  async configure(configs: readonly SamlAppConfig[], org2: Org2): Promise<void> {
    for (const c of configs) {
      const existing = findApp(org2.apps.list, c.name);
      if (existing === org2.options.dropbox) {
        throw new FedsimError(
          'CONFIG_INVALID',
          `${c.name} is Dropbox Business, not an app of world.org2.apps`,
          {
            actual: c.name,
            hint: 'Change Dropbox Business under org2.dropbox; give this app another name.',
          },
        );
      }
      if (existing) {
        const changed = samlAppSettingsOf(c, this.deps);
        await this.#finish(changed);
        org2.apps.change(existing, changed.app);
      } else {
        const added = samlAppOf(c, this.deps);
        await this.#finish(added);
        org2.apps.add(added.app);
      }
    }
  }

  async #finish(app: ConfiguredApp<unknown>): Promise<void> {
    if (app.metadataUrl) app.applyMetadata(await (await this.deps.fetch(app.metadataUrl)).text());
  }
}
