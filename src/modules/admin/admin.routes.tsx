/**
 * The admin pages: people (users.routes.tsx), the audit log (audit-log.routes.tsx), the job queue
 * (with a retry button for failed jobs) and, in development only, the mail outbox. Thin: authorize → validate → call the service → render or redirect. Every page
 * is personal to a signed-in admin, so none is ever served from the page cache.
 */
import type { FastifyInstance } from 'fastify';
import { auditContext } from '../../platform/audit.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject } from '../../platform/routing.js';
import { authorize, can } from './admin.policy.js';
import { jobParams, jobsQuery, outboxQuery } from './admin.schemas.js';
import { retryDeadJob, showJobs, showOutbox } from './admin.service.js';
import { JobsPage } from './views/jobs.page.js';
import { OutboxPage } from './views/outbox.page.js';
import { auditLogRoutes } from './audit-log.routes.js';
import { usersRoutes } from './users.routes.js';

/** Mounts the admin pages under every locale. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  await usersRoutes(app);
  await auditLogRoutes(app);

  localizedGet(app, '/admin/jobs', async (request, reply) => {
    authorize(request.user, 'jobs.view');
    const query = parseOrReject(jobsQuery, request.query);
    const data = await showJobs(app.db, query);
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <JobsPage {...data} status={query.status} before={query.before} retried={query.retried} canRetry={can(request.user, 'jobs.retry')} />,
      { title: t('admin.jobs.title'), cacheable: false },
    );
  });

  localizedPost(app, '/admin/jobs/:id/retry', async (request, reply) => {
    authorize(request.user, 'jobs.retry');
    const { id } = parseOrReject(jobParams, request.params);
    await retryDeadJob(app.db, auditContext(request), id);
    // Back to the failed jobs, which no longer list this one; the page confirms what happened.
    return reply.redirect(`/${request.locale}/admin/jobs?status=dead&retried=${id}`, 303);
  });

  // The outbox shows people's mail: it exists only where mail is fake (development).
  if (app.config.isDev) {
    localizedGet(app, '/admin/outbox', async (request, reply) => {
      authorize(request.user, 'outbox.view');
      const query = parseOrReject(outboxQuery, request.query);
      const data = await showOutbox(app.db, query);
      const t = translator(request.locale);
      return sendPage(request, reply, <OutboxPage {...data} before={query.before} />, { title: t('admin.outbox.title'), cacheable: false });
    });
  }
}
