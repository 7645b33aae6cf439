/**
 * What the management pages accept: route parameters, queries and the buttons of the place form
 * (zod). The place form's fields are read by place-form.ts and validated by places.write.ts. Pure.
 */
import { z } from 'zod';

const text = (max: number) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(max).catch(''));

export const MANAGE_PER_PAGE = 25;
export const MANAGE_MAX_PAGE = 10_000;

export const placeSlugParams = z.object({ slug: z.string().min(1).max(100) });
export const mediatorParams = z.object({
  slug: z.string().min(1).max(100),
  userId: z.coerce.number().int().positive().max(2_147_483_647),
});
export const manageListQuery = z.object({
  q: text(200),
  done: z.enum(['deleted']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MANAGE_MAX_PAGE).default(1).catch(1),
});
export const placeFormQuery = z.object({ done: z.enum(['saved', 'created']).optional().catch(undefined) });
export const mediatorsQuery = z.object({ done: z.enum(['attached', 'detached', 'unchanged']).optional().catch(undefined) });
/** Which button sent the place form: save, "Check the hours", "Find e-services". */
export const placeFormAction = z.object({
  action: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(['save', 'check', 'searchServices']).catch('save')),
  serviceQuery: text(200),
});
export const attachForm = z.object({ email: text(320) });
