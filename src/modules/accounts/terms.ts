/**
 * The terms of use are versioned. The text is the pages module's terms page (`/{locale}/terms`);
 * when it changes, change this version too, and every signed-in user is asked to accept it again.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The version of the terms in force (the date of the text on the terms page). */
export const CURRENT_TERMS_VERSION = '2026-11-26';

/**
 * Pages a user who has not accepted the current terms may still see (locale-relative paths): the
 * terms themselves, what they refer to (privacy, accessibility), the display preferences someone
 * may need to read them at all, and the ways out (signing out, downloading one's data, deleting the
 * account).
 */
const ALLOWED = new Set([
  '/terms',
  '/terms/accept',
  '/sign-out',
  '/privacy',
  '/accessibility',
  '/preferences',
  // Refusing new terms must not keep anyone from taking their data or leaving.
  '/account/personal-data',
  '/account/delete',
  '/account/deleted',
]);

/**
 * onRequest hook: a signed-in user whose accepted terms are not the current ones is sent to the
 * accept page from every page (GET: 303 to it, with where they were going; other methods too).
 */
export async function requireCurrentTerms(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const user = request.user;
  if (!user || user.termsVersion === CURRENT_TERMS_VERSION) return undefined;
  if (!request.url.startsWith(`/${request.locale}/`)) return undefined;
  if (ALLOWED.has(request.localePath)) return undefined;
  const next = request.method === 'GET' ? request.url : `/${request.locale}/`;
  // Returning the reply ends the request here (Fastify's early response from an async hook).
  return reply.redirect(`/${request.locale}/terms/accept?next=${encodeURIComponent(next)}`, 303);
}
