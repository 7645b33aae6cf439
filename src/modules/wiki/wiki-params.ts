/** What the wiki's routes take from their path: a page's slug, as savePage writes them. */
import { z } from 'zod';
import { WIKI_SLUG } from './wiki.service.js';

export const slugParams = z.object({ slug: z.string().max(120).regex(WIKI_SLUG) });
