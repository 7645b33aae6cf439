/**
 * Routes: workshops. Everyone reads the upcoming workshops and each workshop's page; people with a
 * verified email register, join the waiting list and cancel (POST forms); "my workshops"; the
 * mediators of a place (and admins) publish, edit and cancel its workshops, see who registered and
 * record attendance. The JSON API under /api/v1 follows the same rules with bearer tokens.
 * Thin: parse → authorize → one service function → render, or 303 after a POST.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditContext } from '../../platform/audit.js';
import { requireApiUser } from '../../platform/api-auth.js';
import { AppError } from '../../platform/errors.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { appNow, nextMinute } from '../../platform/clock.js';
import { sendPage } from '../../platform/render.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { authorize, can, placesActor, type PlacesActor } from './places.policy.js';
import { configureWorkshopMail } from './workshop-emails.js';
import {
  findPlaceBySlug,
  findWorkshop,
  listPlaceMediators,
  listPlaceUpcomingWorkshops,
  listPlaceWorkshopsForStaff,
  listUpcomingWorkshops,
  listUserRegistrations,
  listWorkshopPeople,
  placesWithUpcomingWorkshops,
  registrationOf,
  type WorkshopRow,
} from './workshops.queries.js';
import {
  attendanceForm,
  checkWorkshopForm,
  confirmForm,
  idParams,
  listQuery,
  type WorkshopListQuery,
  noticeQuery,
  slugParams,
  utcToZoned,
  workshopForm,
  type WorkshopFormErrors,
  type WorkshopFormField,
  type WorkshopFormValues,
} from './workshops.schemas.js';
import {
  cancelRegistration,
  cancelWorkshop,
  editWorkshop,
  publishWorkshop,
  recordAttendance,
  registerForWorkshop,
} from './workshops.service.js';
import { ManageWorkshopPage, PlaceWorkshopsPage } from './views/workshop-manage.page.js';
import { MyWorkshopsPage } from './views/workshop-mine.page.js';
import { WorkshopListPage } from './views/workshop-list.page.js';
import { WorkshopPage } from './views/workshop.page.js';

const PER_PAGE = 20;
const HOUR = 60 * 60 * 1000;
const EMPTY_FORM: WorkshopFormValues = {
  title: '',
  description: '',
  theme: '',
  level: '',
  date: '',
  time: '',
  duration: '90',
  capacity: '12',
  mediator: '',
};

/** The form values of an existing workshop (its start in the place's local time). */
function formValuesOf(w: WorkshopRow): WorkshopFormValues {
  const { date, time } = utcToZoned(w.starts_at, w.time_zone);
  return {
    title: w.title,
    description: w.description,
    theme: w.theme,
    level: w.level,
    date,
    time,
    duration: String(w.duration_minutes),
    capacity: String(w.capacity),
    mediator: w.mediator_id === null ? '' : String(w.mediator_id),
  };
}

/** A service's validation error as form errors (fields the form knows), or rethrows. */
function formErrorsOf(err: unknown): WorkshopFormErrors {
  if (err instanceof AppError && err.code === 'validation_failed' && err.fields.length > 0) {
    const errors: WorkshopFormErrors = {};
    for (const f of err.fields) errors[f.field as WorkshopFormField] = f.message as MessageKey;
    return errors;
  }
  throw err;
}

/** A workshop as the API gives it. */
export function workshopJson(w: WorkshopRow, baseUrl: string, locale: string) {
  const end = new Date(new Date(w.starts_at).getTime() + w.duration_minutes * 60_000).toISOString();
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    theme: w.theme,
    level: w.level,
    start: w.starts_at,
    end,
    durationMinutes: w.duration_minutes,
    capacity: w.capacity,
    seatsLeft: Math.max(0, w.capacity - w.registered_count),
    waitlist: w.waitlist_count,
    status: w.status,
    place: { slug: w.place_slug, name: w.place_name, timeZone: w.time_zone },
    mediator: w.mediator_name === null || w.mediator_name === '' ? null : { name: w.mediator_name },
    url: `${baseUrl}/${locale}/workshops/${w.id}`,
  };
}

export async function workshopsRoutes(app: FastifyInstance): Promise<void> {
  const { baseUrl, defaultLocale } = app.config;
  const publicBase = baseUrl.replace(/\/$/, '');
  configureWorkshopMail(app.db, { baseUrl, defaultLocale });
  const errorTitle = (request: FastifyRequest, title: string) => translator(request.locale)('workshops.errorTitle', { title });
  const started = (w: WorkshopRow) => new Date(w.starts_at).getTime() <= Date.now();

  // ---- Public pages -------------------------------------------------------------------------

  // The list is the same for everyone but for the "My workshops" link: shared per URL and signed-in
  // state, again each minute (workshops that start leave it) or when a registration changes seats.
  localizedGet(app, '/workshops', async (request, reply) => {
    const query = listQuery.parse(request.query ?? {});
    const signedIn = !!request.user;
    return sendSharedPageFrom(request, reply, `${request.url}\n${signedIn}`, () => workshopList(request, query, signedIn));
  });

  const workshopList = async (request: FastifyRequest, query: WorkshopListQuery, signedIn: boolean): Promise<SharedPageContent> => {
    const now = appNow(app.config);
    const place = query.place ? await findPlaceBySlug(app.db, query.place) : undefined;
    const filters = { placeId: query.place ? (place?.id ?? -1) : undefined, theme: query.theme, level: query.level };
    const [list, places] = await Promise.all([
      listUpcomingWorkshops(app.db, filters, { page: query.page, perPage: PER_PAGE, now }),
      placesWithUpcomingWorkshops(app.db),
    ]);
    const t = translator(request.locale);
    return {
      body: () => (
        <WorkshopListPage rows={list.rows} total={list.total} perPage={PER_PAGE} query={query} places={places} signedIn={signedIn} />
      ),
      options: { title: t('workshops.list.title'), expiresAt: nextMinute(now) },
    };
  };

  localizedGet(app, '/workshops/:id', async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const { done } = noticeQuery.parse(request.query ?? {});
    const w = await findWorkshop(app.db, id);
    if (!w) throw new AppError('not_found', 'No such workshop');
    const actor = await placesActor(app.db, request.user);
    const viewer = request.user
      ? { signedIn: true as const, verified: request.user.emailVerified, registration: await registrationOf(app.db, id, request.user.id) }
      : { signedIn: false as const };
    const signInHref = `/${request.locale}/sign-in?next=${encodeURIComponent(`/${request.locale}/workshops/${id}`)}`;
    return sendPage(
      request,
      reply,
      <WorkshopPage
        w={w}
        viewer={viewer}
        canManage={can(actor, 'workshop.manage', w.place_id)}
        started={started(w)}
        done={done}
        signInHref={signInHref}
      />,
      { title: w.title, cacheable: false },
    );
  });

  localizedPost(
    app,
    '/workshops/:id/register',
    async (request, reply) => {
      const { id } = parseOrReject(idParams, request.params);
      const actor = await placesActor(app.db, request.user);
      const outcome = await registerForWorkshop(app.db, actor, id);
      return reply.redirect(`/${request.locale}/workshops/${id}?done=${outcome.status}`, 303);
    },
    { config: { rateLimit: { max: 30, timeWindow: HOUR } } },
  );

  localizedPost(
    app,
    '/workshops/:id/cancel',
    async (request, reply) => {
      const { id } = parseOrReject(idParams, request.params);
      const actor = await placesActor(app.db, request.user);
      const cancelled = await cancelRegistration(app.db, actor, id);
      return reply.redirect(`/${request.locale}/workshops/${id}${cancelled ? '?done=cancelled' : ''}`, 303);
    },
    { config: { rateLimit: { max: 30, timeWindow: HOUR } } },
  );

  localizedGet(app, '/my-workshops', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const rows = await listUserRegistrations(app.db, request.user.id);
    const now = Date.now();
    const upcoming = rows.filter((r) => new Date(r.starts_at).getTime() > now);
    const past = rows.filter((r) => new Date(r.starts_at).getTime() <= now).reverse();
    const t = translator(request.locale);
    return sendPage(request, reply, <MyWorkshopsPage upcoming={upcoming} past={past} />, {
      title: t('workshops.mine.title'),
      cacheable: false,
    });
  });

  // ---- Mediators' pages ---------------------------------------------------------------------

  /** The place by slug and an actor allowed to manage its workshops (404 / 403 otherwise). */
  const managedPlace = async (request: FastifyRequest) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const actor = await placesActor(app.db, request.user);
    const place = await findPlaceBySlug(app.db, slug);
    if (!place) throw new AppError('not_found', 'No such place');
    authorize(actor, 'workshop.manage', place.id);
    return { place, actor };
  };

  const sendPlaceWorkshops = async (
    request: FastifyRequest,
    reply: FastifyReply,
    place: { id: number; slug: string; name: string; time_zone: string },
    values: WorkshopFormValues,
    errors: WorkshopFormErrors,
  ) => {
    const [lists, mediators] = await Promise.all([listPlaceWorkshopsForStaff(app.db, place.id), listPlaceMediators(app.db, place.id)]);
    const { done } = noticeQuery.parse(request.query ?? {});
    const invalid = Object.keys(errors).length > 0;
    const t = translator(request.locale);
    const title = t('workshops.manage.placeTitle', { place: place.name });
    return sendPage(
      request,
      reply,
      <PlaceWorkshopsPage
        place={place}
        upcoming={lists.upcoming}
        past={lists.past}
        values={values}
        errors={errors}
        mediators={mediators}
        done={invalid ? undefined : done}
      />,
      { title: invalid ? errorTitle(request, title) : title, status: invalid ? 422 : 200, cacheable: false },
    );
  };

  localizedGet(app, '/manage/places/:slug/workshops', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { place } = await managedPlace(request);
    return sendPlaceWorkshops(request, reply, place, EMPTY_FORM, {});
  });

  localizedPost(
    app,
    '/manage/places/:slug/workshops',
    async (request, reply) => {
      const { place, actor } = await managedPlace(request);
      const values = workshopForm.parse(request.body ?? {});
      const { errors, input } = checkWorkshopForm(values, place.time_zone);
      if (!input) return sendPlaceWorkshops(request, reply, place, values, errors);
      let id: number;
      try {
        id = await publishWorkshop(app.db, actor, place.id, input, auditContext(request));
      } catch (err) {
        return sendPlaceWorkshops(request, reply, place, values, formErrorsOf(err));
      }
      return reply.redirect(`/${request.locale}/manage/workshops/${id}?done=published`, 303);
    },
    { config: { rateLimit: { max: 60, timeWindow: HOUR } } },
  );

  /** The workshop and an actor allowed to manage it (404 / 403 otherwise). */
  const managedWorkshop = async (request: FastifyRequest) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await placesActor(app.db, request.user);
    const w = await findWorkshop(app.db, id);
    if (!w) throw new AppError('not_found', 'No such workshop');
    authorize(actor, 'workshop.manage', w.place_id);
    return { w, actor };
  };

  const sendManage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    w: WorkshopRow,
    options: { values?: WorkshopFormValues; errors?: WorkshopFormErrors; cancelError?: MessageKey } = {},
  ) => {
    const [people, mediators] = await Promise.all([listWorkshopPeople(app.db, w.id), listPlaceMediators(app.db, w.place_id)]);
    const { done } = noticeQuery.parse(request.query ?? {});
    const errors = options.errors ?? {};
    const invalid = Object.keys(errors).length > 0 || !!options.cancelError;
    return sendPage(
      request,
      reply,
      <ManageWorkshopPage
        w={w}
        people={people}
        values={options.values ?? formValuesOf(w)}
        errors={errors}
        mediators={mediators}
        started={started(w)}
        done={invalid ? undefined : done}
        cancelError={options.cancelError ?? null}
      />,
      { title: invalid ? errorTitle(request, w.title) : w.title, status: invalid ? 422 : 200, cacheable: false },
    );
  };

  localizedGet(app, '/manage/workshops/:id', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { w } = await managedWorkshop(request);
    return sendManage(request, reply, w);
  });

  localizedPost(
    app,
    '/manage/workshops/:id',
    async (request, reply) => {
      const { w, actor } = await managedWorkshop(request);
      const values = workshopForm.parse(request.body ?? {});
      const { errors, input } = checkWorkshopForm(values, w.time_zone);
      if (!input) return sendManage(request, reply, w, { values, errors });
      try {
        await editWorkshop(app.db, actor, w.id, input, auditContext(request));
      } catch (err) {
        return sendManage(request, reply, w, { values, errors: formErrorsOf(err) });
      }
      return reply.redirect(`/${request.locale}/manage/workshops/${w.id}?done=saved`, 303);
    },
    { config: { rateLimit: { max: 120, timeWindow: HOUR } } },
  );

  localizedPost(
    app,
    '/manage/workshops/:id/cancel',
    async (request, reply) => {
      const { w, actor } = await managedWorkshop(request);
      const { confirm } = confirmForm.parse(request.body ?? {});
      if (confirm !== 'yes') return sendManage(request, reply, w, { cancelError: 'workshops.manage.errors.confirm' });
      await cancelWorkshop(app.db, actor, w.id, auditContext(request));
      return reply.redirect(`/${request.locale}/manage/workshops/${w.id}?done=workshopCancelled`, 303);
    },
    { config: { rateLimit: { max: 60, timeWindow: HOUR } } },
  );

  localizedPost(
    app,
    '/manage/workshops/:id/attendance',
    async (request, reply) => {
      const { w, actor } = await managedWorkshop(request);
      const { attended } = attendanceForm.parse(request.body ?? {});
      const ids = attended.map((v) => (/^\d{1,9}$/.test(v) ? Number(v) : NaN));
      if (ids.some((n) => Number.isNaN(n))) throw new AppError('bad_request', 'Invalid attendance');
      await recordAttendance(app.db, actor, w.id, ids, auditContext(request));
      return reply.redirect(`/${request.locale}/manage/workshops/${w.id}?done=attendance`, 303);
    },
    { config: { rateLimit: { max: 120, timeWindow: HOUR } } },
  );

  // ---- JSON API -----------------------------------------------------------------------------

  const json = (w: WorkshopRow) => workshopJson(w, publicBase, defaultLocale);

  app.get('/api/v1/places/:slug/workshops', async (request) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const place = await findPlaceBySlug(app.db, slug);
    if (!place) throw new AppError('not_found', 'No such place');
    const rows = await listPlaceUpcomingWorkshops(app.db, place.id);
    return { workshops: rows.map(json) };
  });

  app.get('/api/v1/workshops/:id', async (request) => {
    const { id } = parseOrReject(idParams, request.params);
    const w = await findWorkshop(app.db, id);
    if (!w) throw new AppError('not_found', 'No such workshop');
    const body: ReturnType<typeof json> & { registration?: { status: string; position: number | null } | null } = json(w);
    if (request.authVia === 'token' && request.user) {
      const r = await registrationOf(app.db, id, request.user.id);
      body.registration = r && r.status !== 'cancelled' ? { status: r.status, position: r.position } : null;
    }
    return body;
  });

  const apiActor = async (request: FastifyRequest): Promise<PlacesActor> => placesActor(app.db, requireApiUser(request));

  app.post('/api/v1/workshops/:id/registration', { config: { rateLimit: { max: 30, timeWindow: HOUR } } }, async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await apiActor(request);
    const outcome = await registerForWorkshop(app.db, actor, id);
    return reply.code(outcome.created ? 201 : 200).send({ status: outcome.status });
  });

  app.delete('/api/v1/workshops/:id/registration', { config: { rateLimit: { max: 30, timeWindow: HOUR } } }, async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await apiActor(request);
    if (!(await cancelRegistration(app.db, actor, id))) throw new AppError('not_found', 'You are not registered for this workshop');
    return reply.code(204).send();
  });
}
