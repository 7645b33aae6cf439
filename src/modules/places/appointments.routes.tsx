/**
 * Routes: appointments with mediators. People book an open slot at a place (`/places/{slug}/
 * appointments`), see and cancel their bookings (`/appointments`, `/appointments/{id}`); the place's
 * mediators publish and withdraw slots and cancel bookings (`/manage/places/{slug}/slots`). The JSON
 * API does the same with Bearer tokens (`/api/v1/places/{slug}/slots`, `/api/v1/slots/{id}/booking`).
 * Thin: parse → authorize → one service function → render, or 303 after a POST.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireApiUser } from '../../platform/api-auth.js';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { pick, translator, type MessageKey } from '../../platform/i18n.js';
import { appNow, nextMinute } from '../../platform/clock.js';
import { sendPage } from '../../platform/render.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { configureAppointmentMail } from './appointment-emails.js';
import {
  findAppointmentPlace,
  findBooking,
  listManagedSlots,
  listOpenSlots,
  listPlaceServices,
  listUserBookings,
} from './appointments.queries.js';
import {
  apiBookingBody,
  apiSlotBody,
  bookingForm,
  bookingPageQuery,
  cancelForm,
  checkBookingForm,
  checkPublishForm,
  doneQuery,
  idParams,
  publishForm,
  slotParams,
  slugParams,
  type BookingErrors,
  type BookingValues,
  type PublishErrors,
  type PublishValues,
} from './appointments.schemas.js';
import { activeBookingOf, bookSlot, cancelBooking, publishSlots, withdrawSlot, type SlotInput } from './appointments.service.js';
import { addDays, localParts, zonedToUtc } from './local-time.js';
import { authorize, can, placesActor } from './places.policy.js';
import { AppointmentBookingPage } from './views/appointment-booking.page.js';
import { AppointmentCancelPage } from './views/appointment-cancel.page.js';
import { AppointmentPage } from './views/appointment.page.js';
import { MyAppointmentsPage } from './views/appointments.page.js';
import { SlotsPage } from './views/slots.page.js';

const HOUR = 60 * 60 * 1000;

/** The first field error of a service's AppError, as a message key. */
const fieldKey = (err: AppError, field: string) => err.fields.find((f) => f.field === field)?.message as MessageKey | undefined;

export async function appointmentsRoutes(app: FastifyInstance): Promise<void> {
  const { defaultLocale } = app.config;
  const db = app.db;
  configureAppointmentMail(db, { baseUrl: app.config.baseUrl, defaultLocale });

  const errorTitle = (request: FastifyRequest, title: string) => translator(request.locale)('appointments.errorTitle', { title });

  // ---- Booking --------------------------------------------------------------------------------

  /** The booking page's content for this request: what it shows, as of `now`. */
  const bookingPage = async (
    request: FastifyRequest,
    slug: string,
    values: BookingValues,
    errors: BookingErrors,
    status: number,
  ): Promise<SharedPageContent> => {
    const now = appNow(app.config);
    const place = await findAppointmentPlace(db, slug);
    const [slots, services] = await Promise.all([listOpenSlots(db, place.id, { now }), listPlaceServices(db, place.id)]);
    const t = translator(request.locale);
    const user = request.user;
    const title = t('appointments.book.heading', { place: place.name });
    const invalid = Object.keys(errors).length > 0;
    return {
      body: () => (
        <AppointmentBookingPage
          place={place}
          slots={slots}
          services={services.map((s) => ({ slug: s.slug, name: pick(s.name, request.locale, defaultLocale) || s.slug }))}
          viewer={!user ? 'anonymous' : user.emailVerified ? 'verified' : 'unverified'}
          signInHref={`/${request.locale}/sign-in?next=${encodeURIComponent(`/${request.locale}/places/${place.slug}/appointments`)}`}
          values={values}
          errors={errors}
        />
      ),
      // Free slots change with the clock: until the next minute (and any booking or slot change).
      options: { title: invalid ? errorTitle(request, title) : title, status, expiresAt: nextMinute(now) },
    };
  };

  /** After a failed booking: the page with the person's text and the error, the slots read afresh. */
  const sendBookingPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    values: BookingValues,
    errors: BookingErrors,
    status: number,
  ) => {
    const { body, options } = await bookingPage(request, slug, values, errors, status);
    return sendPage(request, reply, body(), options);
  };

  // The page is the same for everyone in the same situation (signed out, email to confirm, may
  // book) but for the form's CSRF token: a shared body, rendered once a minute at most, each reader
  // getting their own token. A slot chosen in advance (`?slot=`) is rendered for the request.
  localizedGet(app, '/places/:slug/appointments', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const { slot } = bookingPageQuery.parse(request.query ?? {});
    const values = { slot: slot ? String(slot) : '', need: '', service: '' };
    if (values.slot !== '') return sendBookingPage(request, reply, slug, values, {}, 200);
    const user = request.user;
    const viewer = !user ? 'anonymous' : user.emailVerified ? 'verified' : 'unverified';
    return sendSharedPageFrom(request, reply, `${request.url}\n${viewer}`, () => bookingPage(request, slug, values, {}, 200), {
      csrf: true,
    });
  });

  localizedPost(
    app,
    '/places/:slug/appointments',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const actor = await placesActor(db, request.user);
      authorize(actor, 'book');
      const place = await findAppointmentPlace(db, slug);
      const values = bookingForm.parse(request.body ?? {});
      const errors = checkBookingForm(values);
      if (values.service !== '' && !(await listPlaceServices(db, place.id)).some((s) => s.slug === values.service))
        errors.service = 'appointments.errors.serviceUnknown';
      if (Object.keys(errors).length > 0) return sendBookingPage(request, reply, slug, values, errors, 422);
      try {
        const { id } = await bookSlot(
          db,
          actor,
          Number(values.slot),
          { need: values.need, serviceSlug: values.service || null },
          { placeId: place.id },
        );
        return reply.redirect(`/${request.locale}/appointments/${id}?done=booked`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const again = { ...values, slot: '' };
        if (err.code === 'slot_taken') return sendBookingPage(request, reply, slug, again, { slot: 'appointments.errors.slotTaken' }, 409);
        if (err.code === 'not_found') return sendBookingPage(request, reply, slug, again, { slot: 'appointments.errors.slotGone' }, 409);
        if (err.code === 'conflict')
          return sendBookingPage(request, reply, slug, again, { slot: fieldKey(err, 'slot') ?? 'appointments.errors.slotGone' }, 409);
        if (err.code === 'validation_failed') {
          const need = fieldKey(err, 'need');
          const service = fieldKey(err, 'serviceSlug');
          return sendBookingPage(request, reply, slug, values, { ...(need ? { need } : {}), ...(service ? { service } : {}) }, 422);
        }
        throw err;
      }
    },
    { config: { rateLimit: { max: 30, timeWindow: HOUR } } },
  );

  // ---- The person's bookings ------------------------------------------------------------------

  localizedGet(app, '/appointments', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { done } = doneQuery.parse(request.query ?? {});
    const now = new Date().toISOString();
    const all = await listUserBookings(db, request.user.id);
    const upcoming = all.filter((b) => b.status === 'active' && b.slot.start > now).reverse();
    const earlier = all.filter((b) => !(b.status === 'active' && b.slot.start > now));
    return sendPage(
      request,
      reply,
      <MyAppointmentsPage upcoming={upcoming} earlier={earlier} done={done === 'cancelled' ? 'cancelled' : undefined} now={now} />,
      { title: translator(request.locale)('appointments.mine.title'), cacheable: false },
    );
  });

  /** A booking the signed-in viewer may see (its booker, the place's mediators, admins), or not_found. */
  const visibleBooking = async (request: FastifyRequest, id: number) => {
    const booking = await findBooking(db, id);
    const actor = await placesActor(db, request.user);
    if (!booking || !actor) throw new AppError('not_found', 'No such booking');
    const isBooker = booking.userId !== null && booking.userId === actor.id;
    if (!isBooker && !can(actor, 'slot.manage', booking.place.id)) throw new AppError('not_found', 'No such booking');
    return { booking, isBooker };
  };

  localizedGet(app, '/appointments/:id', async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    if (!request.user) return redirectToSignIn(request, reply);
    const { done } = doneQuery.parse(request.query ?? {});
    const { booking, isBooker } = await visibleBooking(request, id);
    return sendPage(
      request,
      reply,
      <AppointmentPage
        booking={booking}
        isBooker={isBooker}
        serviceName={booking.service ? pick(booking.service.name, request.locale, defaultLocale) : null}
        done={done === 'booked' ? 'booked' : undefined}
        now={new Date().toISOString()}
      />,
      { title: translator(request.locale)('appointments.one.title', { place: booking.place.name }), cacheable: false },
    );
  });

  const sendCancelPage = async (request: FastifyRequest, reply: FastifyReply, id: number, reason: string, error?: MessageKey) => {
    const { booking, isBooker } = await visibleBooking(request, id);
    if (booking.status !== 'active' || booking.slot.start <= new Date().toISOString())
      return reply.redirect(`/${request.locale}/appointments/${id}`, 303);
    const title = translator(request.locale)('appointments.cancel.title');
    return sendPage(request, reply, <AppointmentCancelPage booking={booking} isBooker={isBooker} reason={reason} error={error} />, {
      title: error ? errorTitle(request, title) : title,
      status: error ? 422 : 200,
      cacheable: false,
    });
  };

  localizedGet(app, '/appointments/:id/cancel', async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    if (!request.user) return redirectToSignIn(request, reply);
    return sendCancelPage(request, reply, id, '');
  });

  localizedPost(
    app,
    '/appointments/:id/cancel',
    async (request, reply) => {
      const { id } = parseOrReject(idParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const { booking } = await visibleBooking(request, id);
      const { reason } = cancelForm.parse(request.body ?? {});
      try {
        const { by } = await cancelBooking(db, await placesActor(db, request.user), id, { reason }, auditContext(request));
        return reply.redirect(
          by === 'booker'
            ? `/${request.locale}/appointments?done=cancelled`
            : `/${request.locale}/manage/places/${booking.place.slug}/slots?done=cancelled`,
          303,
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation_failed')
          return sendCancelPage(request, reply, id, reason, fieldKey(err, 'reason') ?? 'appointments.errors.reasonLong');
        throw err;
      }
    },
    { config: { rateLimit: { max: 30, timeWindow: HOUR } } },
  );

  // ---- Mediators: the place's slots -----------------------------------------------------------

  /** The place, if the signed-in viewer manages its slots (forbidden otherwise). */
  const managedPlace = async (request: FastifyRequest, slug: string) => {
    const place = await findAppointmentPlace(db, slug);
    const actor = await placesActor(db, request.user);
    authorize(actor, 'slot.manage', place.id);
    return { place, actor };
  };

  const sendSlotsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    values: PublishValues,
    errors: PublishErrors,
    done?: { kind: 'published' | 'withdrawn' | 'cancelled'; count?: number | undefined },
  ) => {
    const { place } = await managedPlace(request, slug);
    const slots = await listManagedSlots(db, place.id);
    const t = translator(request.locale);
    const title = t('appointments.manage.title', { place: place.name });
    const invalid = Object.keys(errors).length > 0;
    return sendPage(request, reply, <SlotsPage place={place} slots={slots} values={values} errors={errors} done={done} />, {
      title: invalid ? errorTitle(request, title) : title,
      status: invalid ? 422 : 200,
      cacheable: false,
    });
  };

  /** Tomorrow at 09:00 in the place's time zone, 30 minutes, once: the form's starting point. */
  const defaultPublishValues = (timeZone: string): PublishValues => ({
    date: addDays(localParts(new Date(), timeZone).date, 1),
    time: '09:00',
    minutes: '30',
    repeat: '0',
  });

  localizedGet(app, '/manage/places/:slug/slots', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    if (!request.user) return redirectToSignIn(request, reply);
    const { place } = await managedPlace(request, slug);
    const { done, count } = doneQuery.parse(request.query ?? {});
    const kind = done === 'published' || done === 'withdrawn' || done === 'cancelled' ? done : undefined;
    return sendSlotsPage(request, reply, slug, defaultPublishValues(place.timeZone), {}, kind ? { kind, count } : undefined);
  });

  localizedPost(
    app,
    '/manage/places/:slug/slots',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const { place, actor } = await managedPlace(request, slug);
      const values = publishForm.parse(request.body ?? {});
      const errors = checkPublishForm(values);
      if (Object.keys(errors).length > 0) return sendSlotsPage(request, reply, slug, values, errors);
      const minutes = Number(values.minutes);
      const slots: SlotInput[] = [];
      for (let week = 0; week <= Number(values.repeat || 0); week++) {
        const start = zonedToUtc(addDays(values.date, 7 * week), values.time, place.timeZone);
        if (!start) return sendSlotsPage(request, reply, slug, values, { time: 'appointments.errors.timeSkipped' });
        slots.push({ start, end: new Date(start.getTime() + minutes * 60_000) });
      }
      try {
        const ids = await publishSlots(db, actor, place.id, slots, auditContext(request));
        return reply.redirect(`/${request.locale}/manage/places/${slug}/slots?done=published&count=${ids.length}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
        const start = fieldKey(err, 'start');
        const end = fieldKey(err, 'end');
        return sendSlotsPage(request, reply, slug, values, {
          ...(start ? { date: start } : {}),
          ...(end ? { minutes: end } : {}),
        });
      }
    },
    { config: { rateLimit: { max: 60, timeWindow: HOUR } } },
  );

  localizedPost(
    app,
    '/manage/places/:slug/slots/:id/withdraw',
    async (request, reply) => {
      const { slug, id } = parseOrReject(slotParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const { place, actor } = await managedPlace(request, slug);
      await withdrawSlot(db, actor, place.id, id, auditContext(request));
      return reply.redirect(`/${request.locale}/manage/places/${slug}/slots?done=withdrawn`, 303);
    },
    { config: { rateLimit: { max: 120, timeWindow: HOUR } } },
  );

  // ---- JSON API -------------------------------------------------------------------------------

  /** The body's problems as a validation error (each field named by its path). */
  const parseBody = <T,>(
    schema: {
      safeParse(
        input: unknown,
      ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
    },
    body: unknown,
  ): T => {
    const parsed = schema.safeParse(body ?? {});
    if (!parsed.success)
      throw new AppError(
        'validation_failed',
        'Invalid body',
        parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || 'body', message: i.message })),
      );
    return parsed.data;
  };

  app.get('/api/v1/places/:slug/slots', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const place = await findAppointmentPlace(db, slug);
    const slots = await listOpenSlots(db, place.id);
    if (request.authVia !== 'token') reply.header('access-control-allow-origin', '*');
    return reply.header('cache-control', 'no-store').send({
      place: place.slug,
      timeZone: place.timeZone,
      data: slots.map((s) => ({ id: s.id, start: s.start, end: s.end })),
    });
  });

  app.post('/api/v1/places/:slug/slots', { config: { rateLimit: { max: 120, timeWindow: HOUR } } }, async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const actor = await placesActor(db, requireApiUser(request));
    const place = await findAppointmentPlace(db, slug);
    authorize(actor, 'slot.manage', place.id);
    const body = parseBody(apiSlotBody, request.body);
    const [id] = await publishSlots(db, actor, place.id, [{ start: new Date(body.start), end: new Date(body.end) }], auditContext(request));
    return reply.code(201).send({ id });
  });

  app.post('/api/v1/slots/:id/booking', { config: { rateLimit: { max: 30, timeWindow: HOUR } } }, async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await placesActor(db, requireApiUser(request));
    authorize(actor, 'book');
    const body = parseBody(apiBookingBody, request.body);
    const booking = await bookSlot(db, actor, id, { need: body.need, serviceSlug: body.serviceSlug ?? null });
    return reply.code(booking.created ? 201 : 200).send({ id: booking.id, slotId: id, status: 'active' });
  });

  app.delete('/api/v1/slots/:id/booking', { config: { rateLimit: { max: 30, timeWindow: HOUR } } }, async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const actor = await placesActor(db, requireApiUser(request));
    if (!actor) throw new AppError('unauthorized', 'An API token is required');
    const bookingId = await activeBookingOf(db, actor, id);
    await cancelBooking(db, actor, bookingId, {}, auditContext(request));
    return reply.code(204).send();
  });
}
