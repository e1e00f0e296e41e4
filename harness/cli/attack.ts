import { type Clock, SystemClock } from '../core/clock.js';
import { FedsimError, toFedsimError } from '../core/errors.js';
import {
  type HttpFetch,
  isLoopback,
  type LoopbackTransport,
  loopbackTransport,
  namedOriginsTransport,
} from '../core/http.js';
import { type IdGenerator, SeededIds } from '../core/ids.js';
import { randomSecrets } from '../core/secrets.js';
import { loadCredential } from '../crypto/store.js';
import type { Signals } from '../saml/attack/answer.js';
import { type AttackAddress, type AttackIdp, attackContext } from '../saml/attack/context.js';
import { humanReport } from '../saml/attack/report.js';
import { type AttackReport, runAttack } from '../saml/attack/run.js';
import { parseSpMetadata } from '../saml/metadata.js';
import { attackIdentity, readOptionFile } from './attack-idp.js';
import { worldTarget } from './attack-target.js';
import type { AttackTargetName } from './attack-targets.js';
import type { CliIo } from './io.js';

export interface AttackArgs {
  target?: AttackTargetName;
  acs?: string;
  spMetadata?: string;
  audience?: string;
  recipient?: string;
  idpKey?: string;
  idpCert?: string;
  idpDir: string;
  issuer: string;
  nameId: string;
  success?: Signals;
  json: boolean;
}

/** The report and the IdP it was signed as. */
interface Outcome {
  report: AttackReport;
  idp: ReturnType<typeof identityJson>;
}

const usage = (message: string) =>
  new FedsimError('CLI_USAGE', message, { hint: "'fedsim attack --help' lists every option." });

/** Options that describe an external SP: meaningless with --target, whose SP and IdP are fedsim's. */
const EXTERNAL_ONLY = ['acs', 'spMetadata', 'audience', 'recipient', 'idpKey', 'idpCert'] as const;

function checkUsage(a: AttackArgs): void {
  if (a.target) {
    const clash = EXTERNAL_ONLY.find((k) => a[k] !== undefined);
    if (clash)
      throw usage(
        `--target ${a.target} attacks fedsim's own SP: drop --${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      );
    return;
  }
  if (!a.acs && !a.spMetadata)
    throw usage('name the SP: --target org2|dropbox, or --acs URL with --sp-metadata or --audience');
  if (!a.spMetadata && !a.audience)
    throw usage('--acs needs the SP entity id: --sp-metadata FILE|URL or --audience URI');
  if (a.acs && !URL.canParse(a.acs)) throw usage(`--acs ${a.acs} is not a URL`);
  if ((a.idpKey === undefined) !== (a.idpCert === undefined))
    throw usage('--idp-key and --idp-cert go together');
}

/** SP metadata from a file or a URL the user named. */
async function spMetadataText(source: string, fetch: LoopbackTransport): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readOptionFile('--sp-metadata', source);
  const res = await fetch(source);
  if (!res.ok) throw new FedsimError('HTTP_FAILED', `--sp-metadata ${source} answered ${res.status}`);
  return res.text();
}

/** Every variant against one ACS, as `idp`, the responses issued at `clock` time. */
async function attackWith(
  idp: AttackIdp,
  address: AttackAddress,
  deps: { clock: Clock; ids: IdGenerator; fetch: HttpFetch },
  success: Signals | undefined,
): Promise<Outcome> {
  const ctx = attackContext(idp, address, { ...deps, attacker: loadCredential('attacker') });
  const report = await runAttack(ctx, { acsUrl: address.acsUrl, fetch: deps.fetch, success });
  return { report, idp: identityJson(idp) };
}

async function externalRun(a: AttackArgs, io: CliIo): Promise<Outcome> {
  const named = [a.acs, a.spMetadata].filter((u): u is string => !!u && URL.canParse(u) && !isLoopback(u));
  const fetch = namedOriginsTransport(named.map((u) => new URL(u).origin));
  try {
    const md = a.spMetadata ? parseSpMetadata(await spMetadataText(a.spMetadata, fetch)) : undefined;
    const acsUrl = a.acs ?? (md?.acsUrl as string);
    const address: AttackAddress = {
      acsUrl,
      audience: a.audience ?? (md?.entityId as string),
      recipient: a.recipient ?? acsUrl,
      nameId: a.nameId,
    };
    const identity = attackIdentity(a.issuer, { key: a.idpKey, cert: a.idpCert, dir: a.idpDir });
    io.stderr(identityText(identity.issuer, identity.credential.cert.sha256, identity.files));
    const deps = { clock: new SystemClock(), ids: new SeededIds(randomSecrets.token()), fetch };
    return await attackWith(identity, address, deps, a.success);
  } finally {
    fetch.close();
  }
}

async function targetRun(a: AttackArgs & { target: AttackTargetName }, io: CliIo): Promise<Outcome> {
  const { world, idp, address } = await worldTarget(a.target);
  const fetch = loopbackTransport();
  try {
    io.stderr(identityText(idp.issuer, idp.credential.cert.sha256));
    const deps = { clock: world.clock, ids: new SeededIds('fedsim-attack'), fetch };
    return await attackWith(idp, address, deps, a.success);
  } finally {
    fetch.close();
    await world.close();
  }
}

function identityText(issuer: string, sha256: string, files?: { cert: string; metadata: string }): string {
  const where = files ? `\n  certificate ${files.cert}\n  metadata    ${files.metadata}` : '';
  return `IdP the SP must trust:\n  issuer      ${issuer}\n  SHA-256     ${sha256}${where}\n`;
}

const identityJson = (idp: AttackIdp & { files?: object }) => ({
  issuer: idp.issuer,
  certificateSha256: idp.credential.cert.sha256,
  certificatePem: idp.credential.cert.pem,
  ...idp.files,
});

/** `fedsim attack`: exit 0 when every variant is refused, 1 when one is accepted, 2 when the control is refused. */
export async function attackCommand(args: AttackArgs, io: CliIo): Promise<number> {
  checkUsage(args);
  try {
    const { report, idp } = args.target
      ? await targetRun({ ...args, target: args.target }, io)
      : await externalRun(args, io);
    io.stdout(
      args.json
        ? `${JSON.stringify({ idp, ...report }, null, 2)}
`
        : humanReport(report),
    );
    if (!report.control.accepted) {
      const e = new FedsimError(
        'ATTACK_CONTROL_REFUSED',
        `the SP at ${report.acsUrl} refused the control: ${report.control.reason}`,
      );
      io.stderr(`fedsim attack: ${e.code}: ${e.message}\n`);
    }
    return report.exitCode;
  } catch (err) {
    const e = toFedsimError(err);
    io.stderr(`fedsim attack: ${e.code}: ${e.message}\n`);
    return 2;
  }
}
