import type { Request, Router } from 'express';
import { escapeHtml as e } from '../../../core/html.js';
import type { ConsoleSection, ConsoleView } from '../../console/console.js';
import { statusBadge, table } from '../../console/html.js';
import type { Directory } from '../../directory.js';
import { notFound } from '../../errors.js';
import type { Groups } from '../../groups.js';
import { userActor } from '../../syslog/log-store.js';
import { type EditableIdpOrg, replaceIdp, uploadIdpKey } from '../idp-replace.js';
import { type IdpForm, idpJsonFromForm, idpJsonTrusting } from './idp-edit.js';
import { idpPage } from './idp-page.js';

/** What of org2 the Identity Providers pages need (structural: no import of org2.ts). */
export interface IdpConsoleOrg extends EditableIdpOrg {
  readonly url: string;
  readonly acsUrl: string;
  readonly policy: { refresh(): void; jitEnabled: boolean };
  readonly groups: Groups;
  readonly directory: Directory;
  /** The IdP object as `GET /api/v1/idps/{id}` serves it. */
  idpJson(): Record<string, unknown>;
}

/**
 * Security → Identity Providers: the list and the "Org1 IDP" page. Saving builds the IdP object
 * the API serves with the form's values written in and replaces the IdP through `replaceIdp`, the
 * code `PUT /api/v1/idps/{id}` runs: the same checks, state and System Log event, by this admin.
 */
export function idpsSection(org: IdpConsoleOrg): ConsoleSection {
  const idpOf = (id: string) => {
    if (id !== org.idp.id) throw notFound(id, 'IdentityProvider');
    return org.idp;
  };
  const replace = (req: Request, view: ConsoleView, json: Record<string, unknown>) =>
    replaceIdp(org, json, userActor(view.admin(req)));
  const back = (idpId: string, notice: string) => `/admin/idps/${idpId}?notice=${encodeURIComponent(notice)}`;

  return {
    path: '/idps',
    label: 'Identity Providers',
    group: 'Security',
    routes(router: Router, view: ConsoleView) {
      router.get('/', (req, res) => {
        const { idp } = org;
        const row = [
          `<a href="/admin/idps/${e(idp.id)}">${e(idp.name)}</a>`,
          'SAML 2.0',
          statusBadge('ACTIVE'),
          e(idp.provisioning === 'AUTO' && org.policy.jitEnabled ? 'JIT on' : 'JIT off'),
        ];
        view.send(req, res, {
          title: 'Identity Providers',
          body: table('Identity Providers', ['Name', 'Type', 'Status', 'Provisioning'], [row]),
        });
      });
      router.get('/:idpId', (req, res) => {
        const idp = idpOf(req.params.idpId);
        const base = `/admin/idps/${idp.id}`;
        const body = idpPage({
          idp,
          base,
          acsUrl: org.acsUrl,
          metadataUrl: `/api/v1/idps/${idp.id}/metadata.xml`,
          jitEnabled: org.policy.jitEnabled,
          groups: org.groups,
          directory: org.directory,
          keys: org.idpKeys,
        });
        const notice = typeof req.query.notice === 'string' ? req.query.notice : undefined;
        view.send(req, res, { title: idp.name, body, notice });
      });
      router.post('/:idpId', (req, res) => {
        const idp = idpOf(req.params.idpId);
        replace(req, view, idpJsonFromForm(org.idpJson(), req.body as IdpForm, org));
        res.redirect(303, back(idp.id, `${idp.name} was saved.`));
      });
      router.post('/:idpId/certs', (req, res) => {
        const idp = idpOf(req.params.idpId);
        const form = req.body as Record<string, string>;
        const kid = uploadIdpKey(org.idpKeys, form.pem ?? '');
        const first = idp.trustedCerts[0];
        const primary = first && org.idpKeys.kidOf(first);
        const kids = form.mode === 'replace' || !primary || primary === kid ? [kid] : [primary, kid];
        replace(req, view, idpJsonTrusting(org.idpJson(), kids));
        res.redirect(303, back(idp.id, `Certificate ${kid} is trusted.`));
      });
      router.post('/:idpId/certs/remove', (req, res) => {
        const idp = idpOf(req.params.idpId);
        const gone = (req.body as Record<string, string>).kid;
        const kids = idp.trustedCerts.map((c) => org.idpKeys.kidOf(c)).filter((k) => k !== gone);
        replace(req, view, idpJsonTrusting(org.idpJson(), kids));
        res.redirect(303, back(idp.id, `Certificate ${gone} is no longer trusted.`));
      });
    },
  };
}
