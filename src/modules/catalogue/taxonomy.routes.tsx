/**
 * Routes: admins' organisations, sectors and life events (`taxonomy.manage`): lists, forms (new and
 * edit), delete, and moving sectors and life events in the display order. Thin: policy → zod →
 * one function of taxonomy.service.ts → render, or redirect (303) after a POST. Never cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { auditContext } from '../../platform/audit.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { listMunicipalities } from '../territory/index.js';
import { authorize, catalogueActor, type CatalogueActor } from './catalogue.policy.js';
import {
  TERM_KINDS,
  moveForm,
  readOrganisationForm,
  readTermForm,
  taxonomyParams,
  taxonomyQuery,
  validateOrganisation,
  validateTerm,
  type OrganisationFormValues,
  type TermFormValues,
  type TermKind,
} from './taxonomy.schemas.js';
import {
  createOrganisation,
  createTerm,
  deleteOrganisation,
  deleteTerm,
  findOrganisation,
  findTerm,
  listOrganisationsForAdmin,
  listTerms,
  moveTerm,
  updateOrganisation,
  updateTerm,
} from './taxonomy.service.js';
import { OrganisationFormPage, TermFormPage } from './views/taxonomy/forms.page.js';
import { OrganisationsPage } from './views/taxonomy/organisations.page.js';
import { TERM_KEY, TermsPage } from './views/taxonomy/terms.page.js';

const ORGANISATIONS = '/admin/catalogue/organisations';

const isFieldError = (err: unknown, code: 'validation_failed' | 'conflict'): err is AppError =>
  err instanceof AppError && err.code === code && err.fields.length > 0;

export async function taxonomyRoutes(app: FastifyInstance): Promise<void> {
  const { defaultLocale, locales } = app.config;

  /** The admin, or a redirect to sign in (pages), 401 (POSTs), 403 (anyone else). */
  const admin = async (request: FastifyRequest, reply: FastifyReply): Promise<CatalogueActor | undefined> => {
    const actor = await catalogueActor(app.db, request.user);
    if (!actor && request.method === 'GET') {
      await redirectToSignIn(request, reply);
      return undefined;
    }
    authorize(actor, 'taxonomy.manage');
    return actor;
  };

  const page = (request: FastifyRequest, reply: FastifyReply, view: VNode, title: string, status = 200) => {
    const t = translator(request.locale);
    return sendPage(request, reply, view, {
      title: status === 200 ? title : t('taxonomy.errorTitle', { title }),
      status,
      cacheable: false,
    });
  };

  const back = (request: FastifyRequest, reply: FastifyReply, path: string, done: string) =>
    reply.redirect(`/${request.locale}${path}?done=${done}`, 303);

  // Organisations.

  const sendOrganisations = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
    const organisations = await listOrganisationsForAdmin(app.db);
    const { done } = status === 200 ? taxonomyQuery.parse(request.query ?? {}) : { done: undefined };
    const t = translator(request.locale);
    const view = <OrganisationsPage organisations={organisations} done={done} errors={errors} defaultLocale={defaultLocale} />;
    return page(request, reply, view, t('taxonomy.organisations.title'), status);
  };

  const sendOrganisationForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { slug?: string; values: OrganisationFormValues; errors: FieldError[]; status?: number },
  ) => {
    const municipalities = await listMunicipalities(app.db);
    const t = translator(request.locale);
    const view = (
      <OrganisationFormPage
        slug={form.slug}
        values={form.values}
        errors={form.errors}
        municipalities={municipalities}
        defaultLocale={defaultLocale}
      />
    );
    return page(request, reply, view, form.slug ? t('taxonomy.editCrumb') : t('taxonomy.organisations.add'), form.status);
  };

  localizedGet(app, ORGANISATIONS, async (request, reply) => {
    if (!(await admin(request, reply))) return reply;
    return sendOrganisations(request, reply);
  });

  localizedGet(app, `${ORGANISATIONS}/new`, async (request, reply) => {
    if (!(await admin(request, reply))) return reply;
    const values: OrganisationFormValues = {
      slug: '',
      name: Object.fromEntries(locales.map((l) => [l, ''])),
      kind: '',
      website: '',
      email: '',
      phone: '',
      municipality: '',
    };
    return sendOrganisationForm(request, reply, { values, errors: [] });
  });

  localizedPost(app, ORGANISATIONS, async (request, reply) => {
    const actor = await admin(request, reply);
    const values = readOrganisationForm(request.body, locales);
    const { errors, command } = validateOrganisation(values, { defaultLocale });
    if (!command) return sendOrganisationForm(request, reply, { values, errors, status: 422 });
    try {
      await createOrganisation(app.db, actor!, auditContext(request), command);
    } catch (err) {
      if (isFieldError(err, 'validation_failed')) return sendOrganisationForm(request, reply, { values, errors: err.fields, status: 422 });
      throw err;
    }
    return back(request, reply, ORGANISATIONS, 'created');
  });

  localizedGet(app, `${ORGANISATIONS}/:slug/edit`, async (request, reply) => {
    if (!(await admin(request, reply))) return reply;
    const { slug } = parseOrReject(taxonomyParams, request.params);
    const o = await findOrganisation(app.db, slug);
    const values: OrganisationFormValues = {
      slug: o.slug,
      name: Object.fromEntries(locales.map((l) => [l, o.name[l] ?? ''])),
      kind: o.kind,
      website: o.website ?? '',
      email: o.email ?? '',
      phone: o.phone ?? '',
      municipality: o.municipality ?? '',
    };
    return sendOrganisationForm(request, reply, { slug, values, errors: [] });
  });

  localizedPost(app, `${ORGANISATIONS}/:slug`, async (request, reply) => {
    const actor = await admin(request, reply);
    const { slug } = parseOrReject(taxonomyParams, request.params);
    await findOrganisation(app.db, slug);
    const values = readOrganisationForm(request.body, locales);
    const { errors, command } = validateOrganisation({ ...values, slug: values.slug || slug }, { defaultLocale });
    if (!command) return sendOrganisationForm(request, reply, { slug, values, errors, status: 422 });
    try {
      await updateOrganisation(app.db, actor!, auditContext(request), slug, command);
    } catch (err) {
      if (isFieldError(err, 'validation_failed'))
        return sendOrganisationForm(request, reply, { slug, values, errors: err.fields, status: 422 });
      throw err;
    }
    return back(request, reply, ORGANISATIONS, 'saved');
  });

  localizedPost(app, `${ORGANISATIONS}/:slug/delete`, async (request, reply) => {
    const actor = await admin(request, reply);
    const { slug } = parseOrReject(taxonomyParams, request.params);
    try {
      await deleteOrganisation(app.db, actor!, auditContext(request), slug);
    } catch (err) {
      if (isFieldError(err, 'conflict')) return sendOrganisations(request, reply, err.fields, 409);
      throw err;
    }
    return back(request, reply, ORGANISATIONS, 'deleted');
  });

  // Sectors and life events.

  for (const kind of TERM_KINDS) registerTerms(kind);

  function registerTerms(kind: TermKind) {
    const base = `/admin/catalogue/${kind}`;
    const key = TERM_KEY[kind];
    const empty = () => Object.fromEntries(locales.map((l) => [l, '']));

    const sendList = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
      const terms = await listTerms(app.db, kind);
      const { done } = status === 200 ? taxonomyQuery.parse(request.query ?? {}) : { done: undefined };
      const t = translator(request.locale);
      const view = <TermsPage kind={kind} terms={terms} done={done} errors={errors} defaultLocale={defaultLocale} />;
      return page(request, reply, view, t(`taxonomy.${key}.title`), status);
    };

    const sendForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      form: { slug?: string; values: TermFormValues; errors: FieldError[]; status?: number },
    ) => {
      const t = translator(request.locale);
      const view = <TermFormPage kind={kind} slug={form.slug} values={form.values} errors={form.errors} defaultLocale={defaultLocale} />;
      return page(request, reply, view, form.slug ? t('taxonomy.editCrumb') : t(`taxonomy.${key}.add`), form.status);
    };

    localizedGet(app, base, async (request, reply) => {
      if (!(await admin(request, reply))) return reply;
      return sendList(request, reply);
    });

    localizedGet(app, `${base}/new`, async (request, reply) => {
      if (!(await admin(request, reply))) return reply;
      return sendForm(request, reply, { values: { slug: '', name: empty(), description: empty() }, errors: [] });
    });

    localizedPost(app, base, async (request, reply) => {
      const actor = await admin(request, reply);
      const values = readTermForm(request.body, locales);
      const { errors, command } = validateTerm(values, { defaultLocale, withDescription: kind === 'sectors' });
      if (!command) return sendForm(request, reply, { values, errors, status: 422 });
      try {
        await createTerm(app.db, actor!, auditContext(request), kind, command);
      } catch (err) {
        if (isFieldError(err, 'validation_failed')) return sendForm(request, reply, { values, errors: err.fields, status: 422 });
        throw err;
      }
      return back(request, reply, base, 'created');
    });

    localizedGet(app, `${base}/:slug/edit`, async (request, reply) => {
      if (!(await admin(request, reply))) return reply;
      const { slug } = parseOrReject(taxonomyParams, request.params);
      const term = await findTerm(app.db, kind, slug);
      const values: TermFormValues = {
        slug: term.slug,
        name: Object.fromEntries(locales.map((l) => [l, term.name[l] ?? ''])),
        description: Object.fromEntries(locales.map((l) => [l, term.description[l] ?? ''])),
      };
      return sendForm(request, reply, { slug, values, errors: [] });
    });

    localizedPost(app, `${base}/:slug`, async (request, reply) => {
      const actor = await admin(request, reply);
      const { slug } = parseOrReject(taxonomyParams, request.params);
      await findTerm(app.db, kind, slug);
      const values = readTermForm(request.body, locales);
      const { errors, command } = validateTerm(
        { ...values, slug: values.slug || slug },
        { defaultLocale, withDescription: kind === 'sectors' },
      );
      if (!command) return sendForm(request, reply, { slug, values, errors, status: 422 });
      try {
        await updateTerm(app.db, actor!, auditContext(request), kind, slug, command);
      } catch (err) {
        if (isFieldError(err, 'validation_failed')) return sendForm(request, reply, { slug, values, errors: err.fields, status: 422 });
        throw err;
      }
      return back(request, reply, base, 'saved');
    });

    localizedPost(app, `${base}/:slug/move`, async (request, reply) => {
      const actor = await admin(request, reply);
      const { slug } = parseOrReject(taxonomyParams, request.params);
      const { direction } = parseOrReject(moveForm, request.body ?? {});
      await moveTerm(app.db, actor!, auditContext(request), kind, slug, direction);
      return back(request, reply, base, 'moved');
    });

    localizedPost(app, `${base}/:slug/delete`, async (request, reply) => {
      const actor = await admin(request, reply);
      const { slug } = parseOrReject(taxonomyParams, request.params);
      try {
        await deleteTerm(app.db, actor!, auditContext(request), kind, slug);
      } catch (err) {
        if (isFieldError(err, 'conflict')) return sendList(request, reply, err.fields, 409);
        throw err;
      }
      return back(request, reply, base, 'deleted');
    });
  }
}
