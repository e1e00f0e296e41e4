import { FedsimError } from '../core/errors.js';
import { loadCredential } from '../crypto/store.js';
import type { WorldConfig } from './config.js';
import { externalIdpSettings, isExternalIdp } from './external-idp.js';
import { resolveIdpRefs } from './idp-refs.js';
import { dropboxAppSettings, idpSettings, org2orgSettings, rateLimitSettings } from './settings.js';
import type { WorldInternals } from './world-internals.js';

/**
 * Applies settings to a running world, as an admin changing them would: signing options,
 * certificates (rollover), IdP policy, toggles, org2's apps (added or changed by name: resolved
 * once an SP metadata URL is read). Users and the topology stay as they are.
 */
export function configureWorld(w: WorldInternals, patch: WorldConfig): Promise<void> {
  if (patch.org1?.org2org?.pushGroups) {
    // A push goes over HTTP and can fail: it is a step of its own, not a setting to patch.
    throw new FedsimError('CONFIG_INVALID', 'pushGroups is read when the world starts', {
      actual: patch.org1.org2org.pushGroups,
      hint: 'Use the pushGroup step to push a group from a running world.',
    });
  }
  w.outbound.name(patch);
  const app = w.org1.app;
  Object.assign(app, org2orgSettings(patch.org1?.org2org ?? {}, app.provisioning, w.tokenFor));
  if (patch.org2?.idp) {
    const external = isExternalIdp(patch.org2.idp)
      ? externalIdpSettings(patch.org2.idp, w.baseDir)
      : undefined;
    Object.assign(w.org2.idp, idpSettings(patch.org2.idp), external?.settings, {
      lastUpdated: w.clock.now(),
    });
    resolveIdpRefs(w.org2.idp, w.org2);
  }
  w.org2.policy.refresh();
  if (patch.org2?.jit !== undefined) w.org2.policy.jitEnabled = patch.org2.jit;
  Object.assign(w.org2.directory, patch.org2?.directory);
  if (patch.org2?.rateLimit) w.org2.rateLimit.configure(rateLimitSettings(patch.org2.rateLimit));
  const dbx = w.org2.options.dropbox;
  Object.assign(dbx, dropboxAppSettings(patch.org2?.dropbox ?? {}, dbx.provisioning));
  if (patch.dropbox?.trust) w.trustAtDropbox({ certs: [loadCredential(patch.dropbox.trust).cert] });
  if (patch.dropbox?.deactivation) w.dropbox.team.options.deactivation = patch.dropbox.deactivation;
  return w.apps.configure(patch.org2?.apps ?? [], w.org2);
}
