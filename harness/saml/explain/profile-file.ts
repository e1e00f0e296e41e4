import { dirname, extname } from 'node:path';
import { z } from 'zod';
import { FedsimError } from '../../core/errors.js';
import type { LoadedProfile, ProfileReaders } from './profile.js';
import { parseJson, readCerts, readText } from './read.js';

/** fedsim's own small profile format: what an SP expects, in the terms of the check table. */
export const profileFileSchema = z
  .object({
    issuer: z.string().optional(),
    audience: z.string().optional(),
    acs: z.string().optional(),
    /** PEM file(s) relative to the profile, inline PEM, or committed credential names. */
    cert: z.union([z.string(), z.array(z.string())]).optional(),
    scope: z.enum(['RESPONSE', 'TOKEN', 'ANY']).optional(),
    algorithm: z.enum(['SHA-256', 'SHA-1']).optional(),
    maxClockSkewMs: z.number().int().nonnegative().optional(),
    allowUnsolicited: z.boolean().optional(),
    labels: z.object({ idpApp: z.string(), sp: z.string() }).optional(),
  })
  .strict();

export type ProfileFile = z.infer<typeof profileFileSchema>;

function fromFedsimJson(json: unknown, file: string): LoadedProfile {
  const parsed = profileFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FedsimError(
      'CONFIG_INVALID',
      `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
      {
        expected: `keys ${Object.keys(profileFileSchema.shape).join(', ')}`,
      },
    );
  }
  const p = parsed.data;
  const certs = p.cert === undefined ? [] : Array.isArray(p.cert) ? p.cert : [p.cert];
  return {
    source: `profile ${file}`,
    notes: [],
    spec: {
      idpIssuer: p.issuer,
      audience: p.audience,
      acsUrl: p.acs,
      trustedCerts: certs.flatMap((c) => readCerts(c, dirname(file))),
      signatureScope: p.scope,
      minSignatureAlgorithm: p.algorithm,
      maxClockSkewMs: p.maxClockSkewMs,
      allowUnsolicited: p.allowUnsolicited,
      labels: p.labels,
    },
  };
}

/** `--profile`: a scenario YAML (every SP of its world), a fedsim profile JSON, or an Okta IdP JSON. */
export async function fromProfileFile(
  file: string,
  readers: ProfileReaders,
  lenient: boolean,
): Promise<LoadedProfile[]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return readers.scenario(file);
  const json = parseJson(readText(file, 'profile'), file);
  if ((json as { protocol?: { type?: unknown } })?.protocol?.type === 'SAML2') {
    return [readers.oktaIdp(json, file, { lenient })];
  }
  return [fromFedsimJson(json, file)];
}
