import type { LookupFunction } from 'node:net';
import { type HttpFetch, namedOriginsTransport } from '../core/http.js';
import type { WorldConfig } from './config.js';
import { isHttpUrl } from './saml-apps.js';

/**
 * The origins a world's config names for parties outside fedsim: its apps' SP metadata, ACS and
 * SCIM URLs, the external IdP's metadata and SSO URLs. Besides loopback, the only hosts a world
 * reaches (issue #15: "a host the user names explicitly"); `serve --app-metadata/--scim-url` add
 * theirs to the config first.
 */
export function namedOrigins(config: WorldConfig): string[] {
  const idp = config.org2?.idp;
  const urls = [
    idp?.metadata,
    idp?.ssoUrl,
    ...(config.org2?.apps ?? []).flatMap((a) => [a.saml.metadata, a.saml.acsUrl, a.provisioning?.scim.url]),
  ];
  const origins = urls.flatMap((u) => (u && isHttpUrl(u) && URL.canParse(u) ? [new URL(u).origin] : []));
  return [...new Set(origins)];
}

/** A world's outbound HTTP, which `configure` may widen to the origins a patch names. */
export interface WorldOutbound {
  fetch: HttpFetch;
  /** Allows the origins `config` names from now on. */
  name(config: WorldConfig): void;
  /** Drops the world's own sockets (nothing when the caller injected the fetch). */
  close(): void;
}

/**
 * The caller's fetch as it is, or the world's own: loopback and the origins the config names,
 * every other host refused with HTTP_OUTBOUND_BLOCKED. `lookup`: how named hosts resolve (tests).
 */
export function worldOutbound(
  config: WorldConfig,
  injected?: HttpFetch,
  lookup?: LookupFunction,
): WorldOutbound {
  if (injected) return { fetch: injected, name: () => undefined, close: () => undefined };
  const origins = namedOrigins(config);
  const transport = namedOriginsTransport(origins, undefined, lookup);
  return {
    fetch: transport,
    name: (patch) => {
      for (const origin of namedOrigins(patch)) if (!origins.includes(origin)) origins.push(origin);
    },
    close: () => transport.close(),
  };
}
