/**
 * The report form (`/flags/new`, `POST /flags`) and the moderation queue (`/moderation`, with its
 * hide, dismiss and restore buttons). Thin: authorize → validate → call one service function →
 * render or redirect (303 after POST). Every page here is personal, so none is cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, redirectToSignIn } from '../../platform/routing.js';
import { authorize } from './moderation.policy.js';
import {
  contentRef,
  decisionForm,
  flagForm,
  flagPageQuery,
  queueQuery,
  REASON_MAX,
  validateFlag,
  type FlagFormErrors,
  type FlagFormValues,
  type QueueQuery,
} from './moderation.schemas.js';
import {
  alreadyFlagged,
  decide,
  findReportable,
  flagContent,
  queueRowId,
  showQueue,
  type Decision,
  type Reported,
} from './moderation.service.js';
import { FlagPage } from './views/flag.page.js';
import { QueuePage, type HideFormState } from './views/queue.page.js';

const HOUR = 60 * 60 * 1000;

/** Parses input that comes from links and hidden fields, or throws `bad_request`. */
function parseOrReject<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('bad_request', 'Invalid parameters');
  return parsed.data;
}

/** Mounts the report form and the moderation queue under every locale. */
export async function moderationRoutes(app: FastifyInstance): Promise<void> {
  const settings = () => app.config;

  const sendFlagPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    reported: Reported,
    state: { values: FlagFormValues; errors: FlagFormErrors; done?: 'reported' | 'already' | undefined; status?: number },
  ) => {
    const t = translator(request.locale);
    const title = state.done ? t('moderation.flag.doneTitle') : t('moderation.flag.title');
    return sendPage(
      request,
      reply,
      <FlagPage
        labelKey={reported.flaggable.labelKey}
        item={reported.item}
        type={reported.flaggable.type}
        values={state.values}
        errors={state.errors}
        done={state.done}
      />,
      { title: state.status === 422 ? t('moderation.errorTitle', { title }) : title, status: state.status ?? 200, cacheable: false },
    );
  };

  localizedGet(app, '/flags/new', async (request, reply) => {
    // A link without its content is broken for everyone; a good one sends visitors to sign in first.
    const query = parseOrReject(flagPageQuery, request.query ?? {});
    if (!request.user) {
      return redirectToSignIn(request, reply);
    }
    authorize(request.user, 'flags.create');
    const reported = await findReportable(app.db, app.flaggables, query);
    const done = query.done ?? ((await alreadyFlagged(app.db, query, request.user.id)) ? 'already' : undefined);
    return sendFlagPage(request, reply, reported, {
      values: { type: query.type, id: query.id, reason: '', comment: '' },
      errors: {},
      done,
    });
  });

  localizedPost(
    app,
    '/flags',
    async (request, reply) => {
      authorize(request.user, 'flags.create');
      const values = flagForm.parse(request.body ?? {});
      const ref = parseOrReject(contentRef, values);
      const reported = await findReportable(app.db, app.flaggables, ref);
      const { errors, command } = validateFlag(values);
      if (!command) return sendFlagPage(request, reply, reported, { values, errors, status: 422 });
      const { created } = await flagContent(app.db, settings(), auditContext(request), reported, request.user!.id, command);
      const params = new URLSearchParams({ type: ref.type, id: ref.id, done: created ? 'reported' : 'already' });
      return reply.redirect(`/${request.locale}/flags/new?${params.toString()}`, 303);
    },
    { config: { rateLimit: { max: 20, timeWindow: HOUR } } },
  );

  const sendQueue = async (request: FastifyRequest, reply: FastifyReply, query: QueueQuery, hideForm?: HideFormState) => {
    const data = await showQueue(app.db, app.flaggables, query.status, query.before);
    const t = translator(request.locale);
    const title = t('moderation.queue.title');
    return sendPage(request, reply, <QueuePage query={query} {...data} hideForm={hideForm} />, {
      title: hideForm ? t('moderation.errorTitle', { title }) : title,
      status: hideForm ? 422 : 200,
      cacheable: false,
    });
  };

  localizedGet(app, '/moderation', async (request, reply) => {
    authorize(request.user, 'queue.view');
    return sendQueue(request, reply, queueQuery.parse(request.query ?? {}));
  });

  const decisionRoute = (kind: Decision['kind'], action: 'content.hide' | 'content.dismiss' | 'content.restore', done: string) =>
    localizedPost(app, `/moderation/${kind}`, async (request, reply) => {
      authorize(request.user, action);
      const values = decisionForm.parse(request.body ?? {});
      const ref = parseOrReject(contentRef, values);
      const back = queueQuery.parse({ status: values.status });
      const reported = await findReportable(app.db, app.flaggables, ref);
      let decision: Decision;
      if (kind === 'hide') {
        const error = !values.reason
          ? 'moderation.queue.errors.reasonMissing'
          : values.reason.length > REASON_MAX
            ? 'moderation.queue.errors.reasonTooLong'
            : null;
        if (error) {
          // The form comes back on the queue, its field in error, for the item it was about (if listed).
          const rowId = await queueRowId(app.db, ref);
          return sendQueue(request, reply, back, { rowId, reason: values.reason, error });
        }
        decision = { kind, reason: values.reason };
      } else decision = { kind };
      await decide(app.db, settings(), auditContext(request), reported, decision);
      const params = new URLSearchParams({ done });
      if (back.status !== 'pending') params.set('status', back.status);
      return reply.redirect(`/${request.locale}/moderation?${params.toString()}`, 303);
    });
  decisionRoute('hide', 'content.hide', 'hidden');
  decisionRoute('dismiss', 'content.dismiss', 'dismissed');
  decisionRoute('restore', 'content.restore', 'restored');
}
