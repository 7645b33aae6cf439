/**
 * Routes: officials' and admins' editing of services — the list of services they may edit, the
 * service form (new and edit), the status buttons (publish, withdraw, return to draft) and the
 * history. Thin: who is asking → policy → one service function of services.service.ts → render,
 * or redirect (303) after a POST. Every page is personal, so none is cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { auditContext } from '../../platform/audit.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { organisationNamesByIds } from '../territory/index.js';
import { authorize, catalogueActor, type CatalogueActor } from './catalogue.policy.js';
import { listLifeEvents, listSectorsWithCounts } from './catalogue.service.js';
import { listEditableServices, organisationChoices } from './editor.queries.js';
import {
  formToInput,
  historyQuery,
  inputToForm,
  manageListQuery,
  readServiceForm,
  serviceQuery,
  slugParams,
  statusForm,
  type ServiceFormValues,
} from './editor.schemas.js';
import { emptyServiceInput } from './services.model.js';
import { getServiceForEditing, inputOf, listRevisions, type ServiceRecord } from './services.queries.js';
import { checkServiceInput, createService, setServiceStatus, updateService } from './services.service.js';
import { HistoryPage } from './views/editor/history.page.js';
import { ManageServicesPage } from './views/editor/list.page.js';
import { ServiceFormPage } from './views/editor/form.page.js';
import { ServicePage } from './views/editor/service.page.js';

const PER_PAGE = 25;
const REVISIONS_PER_PAGE = 20;

/** The organisations whose services the actor may edit: all for admins. */
const scopeOf = (actor: NonNullable<CatalogueActor>) => (actor.roles.includes('admin') ? ('all' as const) : actor.organisationIds);

const isValidation = (err: unknown): err is AppError =>
  err instanceof AppError && (err.code === 'validation_failed' || err.code === 'conflict') && err.fields.length > 0;

export async function editorRoutes(app: FastifyInstance): Promise<void> {
  const { defaultLocale, locales } = app.config;

  /**
   * The catalogue actor, authorised for `service.manage`. A signed-out visitor of a page is sent
   * to sign in (and comes back); a POST without a session is a 401.
   */
  const manager = async (request: FastifyRequest, reply: FastifyReply): Promise<NonNullable<CatalogueActor> | null> => {
    const actor = await catalogueActor(app.db, request.user);
    if (!actor && request.method === 'GET') {
      await redirectToSignIn(request, reply);
      return null;
    }
    authorize(actor, 'service.manage');
    return actor!;
  };

  const writeOptions = (request: FastifyRequest, expectedVersion?: number) => ({
    defaultLocale,
    audit: auditContext(request),
    ...(expectedVersion === undefined ? {} : { expectedVersion }),
  });

  const page = (request: FastifyRequest, reply: FastifyReply, view: VNode, title: string, status = 200) => {
    const t = translator(request.locale);
    return sendPage(request, reply, view, {
      title: status === 200 ? title : t('serviceEditor.errorTitle', { title }),
      status,
      cacheable: false,
    });
  };

  /** The service form, new (`slug` undefined) or for a service, with the given values and errors. */
  const sendForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: NonNullable<CatalogueActor>,
    form: { slug?: string; values: ServiceFormValues; errors: FieldError[]; status?: number },
  ) => {
    const [organisations, sectors, lifeEvents] = await Promise.all([
      organisationChoices(app.db, scopeOf(actor)),
      listSectorsWithCounts(app.db),
      listLifeEvents(app.db),
    ]);
    const t = translator(request.locale);
    const view = (
      <ServiceFormPage
        slug={form.slug}
        values={form.values}
        errors={form.errors}
        choices={{ organisations, sectors, lifeEvents }}
        defaultLocale={defaultLocale}
        ownOrganisations={scopeOf(actor) !== 'all'}
      />
    );
    return page(request, reply, view, form.slug ? t('serviceEditor.form.editCrumb') : t('serviceEditor.form.newTitle'), form.status);
  };

  const sendService = async (
    request: FastifyRequest,
    reply: FastifyReply,
    service: ServiceRecord,
    options: { done?: ReturnType<typeof serviceQuery.parse>['done']; errors?: FieldError[]; status?: number } = {},
  ) => {
    const names = await organisationNamesByIds(app.db, [service.organisationId]);
    const view = (
      <ServicePage
        service={service}
        organisationName={names.get(service.organisationId) ?? '{}'}
        done={options.done}
        errors={options.errors ?? []}
        defaultLocale={defaultLocale}
      />
    );
    const name = service.name[request.locale] ?? service.name[defaultLocale] ?? service.slug;
    return page(request, reply, view, name, options.status);
  };

  localizedGet(app, '/manage/services', async (request, reply) => {
    const actor = await manager(request, reply);
    if (!actor) return reply;
    const query = manageListQuery.parse(request.query ?? {});
    const scope = scopeOf(actor);
    const [list, organisations] = await Promise.all([
      listEditableServices(
        app.db,
        { organisationIds: scope, status: query.status, organisation: query.organisation, q: query.q },
        { locale: request.locale, fallback: defaultLocale, locales, page: query.page, perPage: PER_PAGE },
      ),
      organisationChoices(app.db, scope),
    ]);
    const t = translator(request.locale);
    return page(
      request,
      reply,
      <ManageServicesPage {...list} perPage={PER_PAGE} query={query} organisations={organisations} defaultLocale={defaultLocale} />,
      t('serviceEditor.list.title'),
    );
  });

  localizedGet(app, '/manage/services/new', async (request, reply) => {
    const actor = await manager(request, reply);
    if (!actor) return reply;
    const values = inputToForm(emptyServiceInput(), locales);
    if (actor.organisationIds.length === 1 && scopeOf(actor) !== 'all') {
      const [only] = await organisationChoices(app.db, actor.organisationIds);
      if (only) values.organisation = only.slug;
    }
    return sendForm(request, reply, actor, { values, errors: [] });
  });

  localizedPost(app, '/manage/services', async (request, reply) => {
    const actor = (await manager(request, reply))!;
    const values = readServiceForm(request.body, locales);
    const { raw, errors } = formToInput(values, { defaultLocale, isNew: true });
    const again = (errs: FieldError[]) => sendForm(request, reply, actor, { values, errors: errs, status: 422 });
    try {
      if (errors.length > 0) {
        // Show the form's own problems with the model's, all at once.
        await checkServiceInput(app.db, raw, defaultLocale).catch((err) => {
          if (isValidation(err)) errors.push(...err.fields);
        });
        return again(errors);
      }
      const service = await createService(app.db, actor, raw, writeOptions(request));
      return reply.redirect(`/${request.locale}/manage/services/${service.slug}?done=created`, 303);
    } catch (err) {
      if (isValidation(err)) return again(err.fields);
      throw err;
    }
  });

  localizedGet(app, '/manage/services/:slug', async (request, reply) => {
    const actor = await manager(request, reply);
    if (!actor) return reply;
    const { slug } = parseOrReject(slugParams, request.params);
    const service = await getServiceForEditing(app.db, actor, slug);
    const { done } = serviceQuery.parse(request.query ?? {});
    return sendService(request, reply, service, { done });
  });

  localizedGet(app, '/manage/services/:slug/edit', async (request, reply) => {
    const actor = await manager(request, reply);
    if (!actor) return reply;
    const { slug } = parseOrReject(slugParams, request.params);
    const service = await getServiceForEditing(app.db, actor, slug);
    return sendForm(request, reply, actor, { slug, values: inputToForm(inputOf(service), locales, service.version), errors: [] });
  });

  localizedPost(app, '/manage/services/:slug', async (request, reply) => {
    const actor = (await manager(request, reply))!;
    const { slug } = parseOrReject(slugParams, request.params);
    const current = await getServiceForEditing(app.db, actor, slug);
    const values = readServiceForm(request.body, locales);
    const { raw, errors } = formToInput(values, { defaultLocale, isNew: false });
    const again = (errs: FieldError[], status = 422) => sendForm(request, reply, actor, { slug, values, errors: errs, status });
    // A form without the version it was loaded at cannot prove it saw the latest changes.
    const expectedVersion = /^\d{1,9}$/.test(values.version) ? Number(values.version) : 0;
    try {
      if (errors.length > 0) {
        await checkServiceInput(app.db, { ...raw, identifier: current.identifier }, defaultLocale).catch((err) => {
          if (isValidation(err)) errors.push(...err.fields);
        });
        return again(errors);
      }
      const { service, changes } = await updateService(app.db, actor, slug, raw, writeOptions(request, expectedVersion));
      const done = changes.length === 0 ? 'unchanged' : 'saved';
      return reply.redirect(`/${request.locale}/manage/services/${service.slug}?done=${done}`, 303);
    } catch (err) {
      if (isValidation(err)) return again(err.fields, err.status);
      throw err;
    }
  });

  localizedPost(app, '/manage/services/:slug/status', async (request, reply) => {
    const actor = (await manager(request, reply))!;
    const { slug } = parseOrReject(slugParams, request.params);
    const current = await getServiceForEditing(app.db, actor, slug);
    const form = parseOrReject(statusForm, request.body ?? {});
    try {
      const service = await setServiceStatus(app.db, actor, slug, form.status, writeOptions(request, form.version));
      const done = form.status === 'draft' ? 'draft' : form.status;
      return reply.redirect(`/${request.locale}/manage/services/${service.slug}?done=${done}`, 303);
    } catch (err) {
      if (isValidation(err)) return sendService(request, reply, current, { errors: err.fields, status: err.status });
      throw err;
    }
  });

  localizedGet(app, '/manage/services/:slug/history', async (request, reply) => {
    const actor = await manager(request, reply);
    if (!actor) return reply;
    const { slug } = parseOrReject(slugParams, request.params);
    const service = await getServiceForEditing(app.db, actor, slug);
    const { before } = historyQuery.parse(request.query ?? {});
    const rows = await listRevisions(app.db, service.id, REVISIONS_PER_PAGE + 1, before);
    const revisions = rows.slice(0, REVISIONS_PER_PAGE);
    const nextBefore = rows.length > REVISIONS_PER_PAGE ? (revisions.at(-1)?.id ?? null) : null;
    const t = translator(request.locale);
    const name = service.name[request.locale] ?? service.name[defaultLocale] ?? slug;
    return page(
      request,
      reply,
      <HistoryPage
        slug={service.slug}
        name={service.name}
        revisions={revisions}
        before={before}
        nextBefore={nextBefore}
        defaultLocale={defaultLocale}
      />,
      t('serviceEditor.history.title', { name }),
    );
  });
}
