/**
 * Routes: iCal feeds. `/places/{slug}/calendar.ics` lists a place's upcoming workshops (public);
 * `/calendar/{token}.ics` a person's workshops and appointments (the token is the credential:
 * see calendar.service.ts for why, and how it is protected); `/{locale}/account/calendar` makes,
 * replaces and revokes the personal feed (POST forms). Unknown place or token → 404.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isLocale } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { z } from 'zod';
import { createFeedToken, feedAppointments, feedCreatedAt, feedWorkshops, revokeFeedToken, userOfFeedToken } from './calendar.service.js';
import { buildCalendar, type CalendarEvent } from './ical.js';
import { findPlaceBySlug, listPlaceUpcomingWorkshops } from './workshops.queries.js';
import { calendarPage } from './views/calendar.page.js';

const HOUR = 60 * 60 * 1000;
const calendarAction = z.object({ action: z.enum(['create', 'revoke']) });
const revokedQuery = z.object({ done: z.enum(['revoked']).optional().catch(undefined) });

function sendCalendar(reply: FastifyReply, body: string, filename: string): FastifyReply {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const base = app.config.baseUrl.replace(/\/$/, '');
  const host = new URL(app.config.baseUrl).host;
  const locale = app.config.defaultLocale;
  const productId = '-//E-COOP//Digital Public Spaces//EN';

  app.get('/places/:slug/calendar.ics', async (request, reply) => {
    const { slug } = parseOrReject(z.object({ slug: z.string().min(1).max(200) }), request.params);
    const place = await findPlaceBySlug(app.db, slug);
    if (!place) throw new AppError('not_found', 'No such place');
    const t = translator(locale);
    const workshops = await listPlaceUpcomingWorkshops(app.db, place.id, 500);
    const events: CalendarEvent[] = workshops.map((w) => ({
      uid: `workshop-${w.id}@${host}`,
      start: w.starts_at,
      end: new Date(new Date(w.starts_at).getTime() + w.duration_minutes * 60_000),
      summary: w.title,
      description: w.description || null,
      location: `${w.place_name}, ${w.place_address}, ${w.place_postcode}`,
      url: `${base}/${locale}/workshops/${w.id}`,
      status: w.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      lastModified: w.updated_at,
    }));
    return sendCalendar(
      reply,
      buildCalendar(events, { productId, name: t('calendar.placeFeedName', { place: place.name }) }),
      `${place.slug}.ics`,
    );
  });

  app.get('/calendar/:file', async (request, reply) => {
    const { file } = parseOrReject(z.object({ file: z.string().max(100) }), request.params);
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const user = token ? await userOfFeedToken(app.db, token) : null;
    if (!user) throw new AppError('not_found', 'No such calendar');
    const userLocale = isLocale(user.locale) ? user.locale : locale;
    const t = translator(userLocale);
    const [workshops, appointments] = await Promise.all([feedWorkshops(app.db, user.id), feedAppointments(app.db, user.id)]);
    const events: CalendarEvent[] = [
      ...workshops.map((w): CalendarEvent => ({
        uid: `workshop-${w.id}@${host}`,
        start: w.starts_at,
        end: new Date(new Date(w.starts_at).getTime() + w.duration_minutes * 60_000),
        summary: w.registration_status === 'waitlisted' ? t('calendar.waitlistedSummary', { title: w.title }) : w.title,
        location: `${w.place_name}, ${w.address}, ${w.postcode}`,
        url: `${base}/${userLocale}/workshops/${w.id}`,
        status: w.status === 'cancelled' ? 'CANCELLED' : w.registration_status === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED',
        lastModified: w.updated_at,
      })),
      ...appointments.map((a): CalendarEvent => ({
        uid: `appointment-${a.id}@${host}`,
        start: a.starts_at,
        end: a.ends_at,
        summary: t('calendar.appointmentSummary', { place: a.place_name }),
        location: `${a.place_name}, ${a.address}, ${a.postcode}`,
        url: `${base}/${userLocale}/appointments/${a.id}`,
        status: 'CONFIRMED',
        lastModified: a.updated_at,
      })),
    ].sort((x, y) => String(x.start).localeCompare(String(y.start)));
    return sendCalendar(reply, buildCalendar(events, { productId, name: t('calendar.personalFeedName') }), 'ecoop.ics');
  });

  localizedGet(app, '/account/calendar', async (request, reply) => {
    if (!request.user) return redirectToSignIn(request, reply);
    const { done } = revokedQuery.parse(request.query ?? {});
    const createdAt = await feedCreatedAt(app.db, request.user.id);
    const t = translator(request.locale);
    return sendPage(request, reply, calendarPage({ createdAt, newUrl: null, done: done ?? null }), {
      title: t('calendar.title'),
      cacheable: false,
    });
  });

  localizedPost(
    app,
    '/account/calendar',
    async (request, reply) => {
      if (!request.user) throw new AppError('unauthorized', 'Sign in first');
      const { action } = parseOrReject(calendarAction, request.body ?? {});
      const t = translator(request.locale);
      if (action === 'revoke') {
        await revokeFeedToken(app.db, request.user.id);
        return reply.redirect(`/${request.locale}/account/calendar?done=revoked`, 303);
      }
      // The address is shown in this response only (never in a URL or a redirect): it is not stored.
      const token = await createFeedToken(app.db, request.user.id);
      const createdAt = await feedCreatedAt(app.db, request.user.id);
      return sendPage(request, reply, calendarPage({ createdAt, newUrl: `${base}/calendar/${token}.ics`, done: null }), {
        title: t('calendar.title'),
        cacheable: false,
      });
    },
    { config: { rateLimit: { max: 20, timeWindow: HOUR } } },
  );
}
