/** The audit log page, for admins only. Thin: authorize → validate → call the service → render. */
import type { FastifyInstance } from 'fastify';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet } from '../../platform/routing.js';
import { authorize } from './admin.policy.js';
import { auditQuery, auditRange } from './audit-log.schemas.js';
import { knownAuditActions, showAuditLog } from './audit-log.service.js';
import { AuditPage } from './views/audit.page.js';

/** Mounts `/{locale}/admin/audit`. */
export async function auditLogRoutes(app: FastifyInstance): Promise<void> {
  localizedGet(app, '/admin/audit', async (request, reply) => {
    authorize(request.user, 'audit.view');
    const query = auditQuery.parse(request.query ?? {});
    const { errors, since, until } = auditRange(query);
    const failed = Object.keys(errors).length > 0;
    // With a filter in error, nothing is listed: a list that ignored it would mislead.
    const data = failed
      ? { entries: [], nextBefore: null, actions: await knownAuditActions(app.db) }
      : await showAuditLog(app.db, {
          action: query.action || undefined,
          actor: query.actor || undefined,
          subjectType: query.subject || undefined,
          since,
          until,
          before: query.before,
        });
    const t = translator(request.locale);
    const title = t('admin.audit.title');
    return sendPage(request, reply, <AuditPage query={query} errors={errors} {...data} />, {
      title: failed ? t('admin.audit.errorTitle', { title }) : title,
      status: failed ? 400 : 200,
      cacheable: false,
    });
  });
}
