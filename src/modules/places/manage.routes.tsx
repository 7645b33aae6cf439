/**
 * Routes: mediators' and admins' management of places. "Your places" (a mediator's places, every
 * place for an admin), the place form (edit; new for admins) with "Check the hours" and "Find
 * e-services" that re-render it without saving, and a place's mediators (admins). Thin: parse →
 * authorize (places.policy.ts, object-level on the place) → one service function → render, or 303
 * after a POST.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditContext } from '../../platform/audit.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import {
  attachMediator,
  createPlaceWithServices,
  deletePlace,
  detachMediator,
  listManagedPlaces,
  listPlaceMediators,
  municipalityChoices,
  organisationChoices,
  placeRecordBySlug,
  placeServiceIds,
  savePlace,
  searchPublishedServices,
  servicesByIds,
  upcomingCommitments,
} from './manage.service.js';
import {
  attachForm,
  MANAGE_PER_PAGE,
  manageListQuery,
  mediatorParams,
  mediatorsQuery,
  placeFormAction,
  placeFormQuery,
  placeSlugParams,
} from './manage.schemas.js';
import { checkOpeningHours } from './opening-hours.js';
import {
  emptyPlaceForm,
  placeFieldId,
  placeFormFromBody,
  placeFormFromRecord,
  placeFormServiceIds,
  placeInputFromForm,
  type PlaceFormValues,
} from './place-form.js';
import { authorize, can, placesActor, worksAtPlaces } from './places.policy.js';
import { placeClock, validatePlaceInput } from './places.write.js';
import { ManageMediatorsPage } from './views/manage-mediators.page.js';
import { ManagePlacesPage } from './views/manage-places.page.js';
import { PlaceDeletePage } from './views/place-delete.page.js';
import { PlaceFormPage, type ServicePicker } from './views/place-form.page.js';

const HOUR = 60 * 60 * 1000;
const POST_LIMIT = { config: { rateLimit: { max: 120, timeWindow: HOUR } } };

export async function manageRoutes(app: FastifyInstance): Promise<void> {
  /** The signed-in person's places actor; 401 for nobody (GET pages redirect to sign-in first). */
  const actorOf = (request: FastifyRequest) => placesActor(app.db, request.user);

  // ---- Your places ---------------------------------------------------------------------------

  localizedGet(app, '/manage/places', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const actor = await actorOf(request);
    if (!worksAtPlaces(actor)) throw new AppError('forbidden', 'Not a mediator');
    const query = manageListQuery.parse(request.query ?? {});
    const admin = actor!.roles.includes('admin');
    const list = await listManagedPlaces(app.db, actor!, { query: admin ? query.q : '', page: query.page, perPage: MANAGE_PER_PAGE });
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <ManagePlacesPage
        rows={list.rows}
        total={list.total}
        page={query.page}
        perPage={MANAGE_PER_PAGE}
        query={admin ? query.q : ''}
        admin={admin}
        deleted={query.done === 'deleted'}
      />,
      { title: t('placesManage.list.title'), cacheable: false },
    );
  });

  // ---- The place form ------------------------------------------------------------------------

  /** The hours to preview in the place's clock: none when blank or when the clock itself is invalid. */
  const previewOf = (values: PlaceFormValues, locale: string) => {
    const value = values.openingHours.trim();
    if (!value) return null;
    const input = placeInputFromForm(values, { creating: false });
    const clockFields = ['timeZone', 'country', 'region', 'latitude', 'longitude'];
    if (validatePlaceInput(input, locale).some((e) => clockFields.includes(e.field))) return null;
    return { value, clock: placeClock(input) };
  };

  /** The e-service picker: the ticked services and, after a search, the matches not ticked. */
  const pickerOf = async (values: PlaceFormValues, query: string | null): Promise<ServicePicker> => {
    const chosen = await servicesByIds(app.db, placeFormServiceIds(values));
    const ids = new Set(chosen.map((s) => s.id));
    const found = query === null ? [] : (await searchPublishedServices(app.db, query)).filter((s) => !ids.has(s.id));
    return { chosen, found, query };
  };

  /** Field errors (keys of placeErrors or of the opening-hours check) as translated messages by control id. */
  const messagesOf = (request: FastifyRequest, values: PlaceFormValues, errors: readonly FieldError[]) => {
    const t = translator(request.locale);
    const out: Record<string, string> = {};
    for (const e of errors) {
      const id = placeFieldId(e.field, request.locale);
      if (out[id]) continue;
      if (e.field === 'openingHours' && e.message !== 'placeErrors.openingHoursTooLong') {
        const input = placeInputFromForm(values, { creating: false });
        const check = checkOpeningHours(values.openingHours.trim(), placeClock(input), request.locale);
        out[id] = check.error ? t(check.error.key, check.error.values) : t(e.message as MessageKey);
      } else out[id] = t(e.message as MessageKey);
    }
    return out;
  };

  const sendForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      mode: 'edit' | 'new';
      place: { slug: string; name: string } | null;
      values: PlaceFormValues;
      errors?: readonly FieldError[];
      serviceQuery?: string | null;
      showHours?: boolean;
      done?: 'saved' | 'created' | null;
      canManageMediators: boolean;
    },
  ) => {
    const t = translator(request.locale);
    const errors = messagesOf(request, options.values, options.errors ?? []);
    const invalid = Object.keys(errors).length > 0;
    const [municipalities, organisations, services] = await Promise.all([
      municipalityChoices(app.db),
      organisationChoices(app.db),
      pickerOf(options.values, options.serviceQuery ?? null),
    ]);
    const title =
      options.mode === 'new' ? t('placesManage.form.newTitle') : t('placesManage.form.editTitle', { name: options.place!.name });
    return sendPage(
      request,
      reply,
      <PlaceFormPage
        mode={options.mode}
        place={options.place}
        values={options.values}
        errors={errors}
        municipalities={municipalities}
        organisations={organisations}
        services={services}
        preview={options.showHours ? previewOf(options.values, request.locale) : null}
        done={options.done ?? null}
        canManageMediators={options.canManageMediators}
      />,
      { title: invalid ? t('placesManage.errorTitle', { title }) : title, status: invalid ? 422 : 200, cacheable: false },
    );
  };

  /** Every error of the form: the write path's rules, and a municipality from the list. */
  const formErrors = async (values: PlaceFormValues, creating: boolean, locale: string): Promise<FieldError[]> => {
    const input = placeInputFromForm(values, { creating });
    const errors = validatePlaceInput(input, locale);
    const municipalities = await municipalityChoices(app.db);
    if (!municipalities.some((m) => m.id === input.municipalityId))
      errors.push({
        field: 'municipalityId',
        message: input.municipalityId ? 'placeErrors.municipalityUnknown' : 'placeErrors.municipalityRequired',
      });
    return errors;
  };

  /** Runs a write; a validation or conflict AppError comes back as field errors. */
  const tryWrite = async <T,>(write: () => Promise<T>): Promise<{ ok: T } | { errors: FieldError[] }> => {
    try {
      return { ok: await write() };
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed' && e.fields.length) return { errors: e.fields };
      if (e instanceof AppError && e.code === 'conflict') return { errors: [{ field: 'name', message: 'placeErrors.conflict' }] };
      throw e;
    }
  };

  localizedGet(app, '/manage/places/new', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const actor = await actorOf(request);
    authorize(actor, 'place.create');
    return sendForm(request, reply, { mode: 'new', place: null, values: emptyPlaceForm(), canManageMediators: true });
  });

  localizedPost(
    app,
    '/manage/places/new',
    async (request, reply) => {
      const actor = await actorOf(request);
      authorize(actor, 'place.create');
      const { action, serviceQuery } = placeFormAction.parse(request.body ?? {});
      const values = placeFormFromBody(request.body);
      const base = { mode: 'new' as const, place: null, values, canManageMediators: true };
      if (action === 'check') return sendForm(request, reply, { ...base, showHours: true, serviceQuery: null });
      if (action === 'searchServices') return sendForm(request, reply, { ...base, serviceQuery });
      const errors = await formErrors(values, true, request.locale);
      if (errors.length) return sendForm(request, reply, { ...base, errors, showHours: true });
      const result = await tryWrite(() =>
        createPlaceWithServices(
          app.db,
          actor,
          auditContext(request),
          placeInputFromForm(values, { creating: true }),
          placeFormServiceIds(values),
          request.locale,
        ),
      );
      if ('errors' in result) return sendForm(request, reply, { ...base, errors: result.errors, showHours: true });
      app.contentGeneration.expire();
      return reply.redirect(`/${request.locale}/manage/places/${result.ok.slug}?done=created`, 303);
    },
    POST_LIMIT,
  );

  /** The place of the URL, once the actor may edit it: 401, then 404 for an unknown slug, then 403. */
  const editablePlace = async (request: FastifyRequest) => {
    const actor = await actorOf(request);
    if (!actor) throw new AppError('unauthorized', 'Sign in first');
    const { slug } = parseOrReject(placeSlugParams, request.params);
    const place = await placeRecordBySlug(app.db, slug);
    authorize(actor, 'place.edit', place.id);
    return { actor, place };
  };

  localizedGet(app, '/manage/places/:slug', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { actor, place } = await editablePlace(request);
    const { done } = placeFormQuery.parse(request.query ?? {});
    const values = placeFormFromRecord(place, await placeServiceIds(app.db, place.id));
    return sendForm(request, reply, {
      mode: 'edit',
      place: { slug: place.slug, name: place.name },
      values,
      done: done ?? null,
      showHours: done !== undefined,
      canManageMediators: can(actor, 'place.mediators', place.id),
    });
  });

  localizedPost(
    app,
    '/manage/places/:slug',
    async (request, reply) => {
      const { actor, place } = await editablePlace(request);
      const { action, serviceQuery } = placeFormAction.parse(request.body ?? {});
      const values = placeFormFromBody(request.body);
      // The slug and the import's identity are not edited here.
      values.slug = place.slug;
      values.source = place.source ?? '';
      values.externalId = place.external_id ?? '';
      const base = {
        mode: 'edit' as const,
        place: { slug: place.slug, name: place.name },
        values,
        canManageMediators: can(actor, 'place.mediators', place.id),
      };
      if (action === 'check') return sendForm(request, reply, { ...base, showHours: true });
      if (action === 'searchServices') return sendForm(request, reply, { ...base, serviceQuery });
      const errors = await formErrors(values, false, request.locale);
      if (errors.length) return sendForm(request, reply, { ...base, errors, showHours: true });
      const result = await tryWrite(() =>
        savePlace(
          app.db,
          actor,
          auditContext(request),
          place.id,
          placeInputFromForm(values, { creating: false }),
          placeFormServiceIds(values),
          request.locale,
        ),
      );
      if ('errors' in result) return sendForm(request, reply, { ...base, errors: result.errors, showHours: true });
      // This instance shows the change at once (others within a second).
      app.contentGeneration.expire();
      return reply.redirect(`/${request.locale}/manage/places/${place.slug}?done=saved`, 303);
    },
    POST_LIMIT,
  );

  // ---- Deleting a place (admins) -------------------------------------------------------------

  /** The place of the URL, once the actor may delete places: 401, then 403, then 404. */
  const deletablePlace = async (request: FastifyRequest) => {
    const actor = await actorOf(request);
    authorize(actor, 'place.create');
    const { slug } = parseOrReject(placeSlugParams, request.params);
    return { actor, place: await placeRecordBySlug(app.db, slug) };
  };

  localizedGet(app, '/manage/places/:slug/delete', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { place } = await deletablePlace(request);
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <PlaceDeletePage place={{ slug: place.slug, name: place.name }} pending={await upcomingCommitments(app.db, place.id)} />,
      { title: t('placesManage.delete.title', { name: place.name }), cacheable: false },
    );
  });

  localizedPost(
    app,
    '/manage/places/:slug/delete',
    async (request, reply) => {
      const { actor, place } = await deletablePlace(request);
      try {
        await deletePlace(app.db, actor, auditContext(request), place.id);
      } catch (e) {
        // Someone booked meanwhile: the page says why it cannot be deleted yet.
        if (e instanceof AppError && e.code === 'conflict')
          return reply.redirect(`/${request.locale}/manage/places/${place.slug}/delete`, 303);
        throw e;
      }
      app.contentGeneration.expire();
      return reply.redirect(`/${request.locale}/manage/places?done=deleted`, 303);
    },
    POST_LIMIT,
  );

  // ---- A place's mediators (admins) ------------------------------------------------------------

  const mediatorsPlace = async (request: FastifyRequest) => {
    const actor = await actorOf(request);
    if (!actor) throw new AppError('unauthorized', 'Sign in first');
    const { slug } = parseOrReject(placeSlugParams, request.params);
    const place = await placeRecordBySlug(app.db, slug);
    authorize(actor, 'place.mediators', place.id);
    return { actor, place };
  };

  const sendMediators = async (
    request: FastifyRequest,
    reply: FastifyReply,
    place: { id: number; slug: string; name: string },
    form: { email: string; error: MessageKey | null; done: 'attached' | 'detached' | 'unchanged' | null },
  ) => {
    const t = translator(request.locale);
    const title = t('placesManage.mediators.heading', { name: place.name });
    return sendPage(
      request,
      reply,
      <ManageMediatorsPage
        place={{ slug: place.slug, name: place.name }}
        mediators={await listPlaceMediators(app.db, place.id)}
        email={form.email}
        error={form.error ? t(form.error) : null}
        done={form.done}
      />,
      { title: form.error ? t('placesManage.errorTitle', { title }) : title, status: form.error ? 422 : 200, cacheable: false },
    );
  };

  localizedGet(app, '/manage/places/:slug/mediators', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { place } = await mediatorsPlace(request);
    const { done } = mediatorsQuery.parse(request.query ?? {});
    return sendMediators(request, reply, place, { email: '', error: null, done: done ?? null });
  });

  localizedPost(
    app,
    '/manage/places/:slug/mediators',
    async (request, reply) => {
      const { actor, place } = await mediatorsPlace(request);
      const { email } = attachForm.parse(request.body ?? {});
      const address = email.trim();
      if (!/^[^\s@]+@[^\s@]+$/.test(address))
        return sendMediators(request, reply, place, { email, error: 'placesManage.mediators.errors.emailInvalid', done: null });
      const result = await tryWrite(() => attachMediator(app.db, actor, auditContext(request), place.id, address));
      if ('errors' in result)
        return sendMediators(request, reply, place, { email, error: result.errors[0]!.message as MessageKey, done: null });
      app.contentGeneration.expire();
      const done = result.ok.attached ? 'attached' : 'unchanged';
      return reply.redirect(`/${request.locale}/manage/places/${place.slug}/mediators?done=${done}`, 303);
    },
    POST_LIMIT,
  );

  localizedPost(
    app,
    '/manage/places/:slug/mediators/:userId/detach',
    async (request, reply) => {
      const { userId } = parseOrReject(mediatorParams, request.params);
      const { actor, place } = await mediatorsPlace(request);
      const { detached } = await detachMediator(app.db, actor, auditContext(request), place.id, userId);
      app.contentGeneration.expire();
      return reply.redirect(`/${request.locale}/manage/places/${place.slug}/mediators?done=${detached ? 'detached' : 'unchanged'}`, 303);
    },
    POST_LIMIT,
  );
}
