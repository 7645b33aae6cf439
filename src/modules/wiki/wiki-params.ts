/** What the wiki's routes take from their path and query: a page's slug, as savePage writes them; a keyset page. */
import { z } from 'zod';
import { WIKI_SLUG } from './wiki.service.js';

export const slugParams = z.object({ slug: z.string().max(120).regex(WIKI_SLUG) });

/** A page of a revision list (a history, recent changes): revisions older than `before`, or the newest. */
export const beforeQuery = z.object({ before: z.coerce.number().int().positive().optional() });
