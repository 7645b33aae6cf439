/**
 * The OpenAPI description of the wiki API (wiki-api.routes.ts): read a page and its history; create
 * or edit it with a bearer token, with automatic merging and a 409 that keeps both versions.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { PAGE_TYPES, WIKI_LIMITS } from './wiki.model.js';
import { MAX_REVISIONS_PER_PAGE } from './wiki.queries.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const slugParameter = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 },
};

export const wikiOpenApi: OpenApiFragment = {
  paths: {
    '/api/v1/wiki/{slug}': {
      get: {
        operationId: 'getWikiPage',
        tags: ['wiki'],
        summary: 'A wiki page with its latest accepted text',
        description:
          'Readers get the latest accepted revision. While edits by new accounts wait for review, `pendingReview` is true and `latestRevisionId` names the latest revision, the one to edit from. A page whose first revision still waits for review is 404.',
        parameters: [slugParameter],
        responses: {
          '200': { description: 'The page', content: json(ref('WikiPage')) },
          '400': error('Invalid slug (`bad_request`)'),
          '404': error('No such page (`not_found`)'),
        },
      },
      put: {
        operationId: 'saveWikiPage',
        tags: ['wiki'],
        summary: 'Create a page, or save a new revision of it',
        description:
          'Without `baseRevisionId`, creates the page (409 when it exists, with its current text). With it, saves a new revision: from the latest revision as is; from an older one, merged line by line with what was saved since (`merged: true`) when the edits do not overlap. When they overlap, nothing is saved and 409 `edit_conflict` gives both versions. Saving the same text again writes nothing (200, the current revision). A verified email is needed; protected pages are edited by helpers, mediators, moderators and admins only. Edits by new accounts (younger than `WIKI_REVIEW_ACCOUNT_DAYS` or with fewer than `WIKI_REVIEW_ACCEPTED_EDITS` accepted edits), and edits made on top of them, wait for a reviewer: `pendingReview: true`.',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              title: { type: 'string', minLength: 1, maxLength: WIKI_LIMITS.title },
              body: {
                type: 'string',
                minLength: 1,
                maxLength: WIKI_LIMITS.body,
                description: 'Markdown (CommonMark with tables), `[[Page title]]` and `[[service:slug]]` links',
              },
              summary: { type: 'string', maxLength: WIKI_LIMITS.summary, description: 'What changed, for the history' },
              baseRevisionId: { type: 'integer', minimum: 1, description: 'The revision the edit started from' },
              type: { type: 'string', enum: [...PAGE_TYPES], description: 'On creation only (default `general`)' },
              locale: { type: 'string', description: 'The page’s language, on creation only (default: the platform’s)' },
            },
            required: ['title', 'body'],
            additionalProperties: false,
          }),
        },
        responses: {
          '200': { description: 'Saved (or unchanged)', content: json(ref('WikiSaved')) },
          '201': { description: 'Created', content: json(ref('WikiSaved')) },
          '400': error('Malformed body (`bad_request`)'),
          '401': error('No valid API token (`unauthorized`)'),
          '403': error('Unverified email, or a protected page (`forbidden`)'),
          '404': error('`baseRevisionId` given for a page that does not exist (`not_found`)'),
          '409': { description: 'The edits overlap: nothing was saved', content: json(ref('WikiEditConflict')) },
          '422': error('Missing or too long title, body or summary; a base revision of another page (`validation_failed`, with `fields`)'),
          '429': error('Too many saves (`rate_limited`)'),
        },
      },
    },
    '/api/v1/wiki/{slug}/revisions': {
      get: {
        operationId: 'listWikiRevisions',
        tags: ['wiki'],
        summary: 'A page’s history, newest first',
        parameters: [
          slugParameter,
          { name: 'before', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'The `next` of the previous page' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_REVISIONS_PER_PAGE, default: 50 } },
        ],
        responses: {
          '200': {
            description: 'Revisions',
            content: json({
              type: 'object',
              properties: { data: { type: 'array', items: ref('WikiRevision') }, next: { type: ['integer', 'null'] } },
              required: ['data', 'next'],
            }),
          },
          '400': error('Invalid parameters (`bad_request`)'),
          '404': error('No such page (`not_found`)'),
        },
      },
    },
  },
  schemas: {
    WikiPage: {
      type: 'object',
      properties: {
        slug: { type: 'string' },
        title: { type: 'string' },
        type: { type: 'string', enum: [...PAGE_TYPES] },
        locale: { type: 'string' },
        category: { type: ['string', 'null'] },
        body: { type: 'string', description: 'Markdown' },
        revisionId: { type: 'integer', description: 'The latest accepted revision, whose text this is' },
        latestRevisionId: { type: 'integer', description: 'The latest revision: the base for an edit' },
        pendingReview: { type: 'boolean', description: 'Whether revisions after the accepted one wait for review' },
        protected: { type: 'boolean' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
      required: [
        'slug',
        'title',
        'type',
        'locale',
        'category',
        'body',
        'revisionId',
        'latestRevisionId',
        'pendingReview',
        'protected',
        'updatedAt',
      ],
    },
    WikiSaved: {
      type: 'object',
      properties: {
        revisionId: { type: 'integer' },
        merged: { type: 'boolean' },
        pendingReview: { type: 'boolean', description: 'The revision waits for a reviewer; readers see the last accepted one' },
      },
      required: ['revisionId', 'merged', 'pendingReview'],
    },
    WikiEditConflict: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: ['edit_conflict'] },
        message: { type: 'string' },
        current: {
          type: 'object',
          properties: { revisionId: { type: 'integer' }, title: { type: 'string' }, body: { type: 'string' } },
          required: ['revisionId', 'title', 'body'],
        },
        yours: {
          type: 'object',
          properties: { title: { type: 'string' }, body: { type: 'string' }, baseRevisionId: { type: ['integer', 'null'] } },
          required: ['title', 'body', 'baseRevisionId'],
        },
        requestId: { type: 'string' },
      },
      required: ['code', 'message', 'current', 'yours', 'requestId'],
    },
    WikiRevision: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        parentId: { type: ['integer', 'null'] },
        author: { type: ['string', 'null'], description: 'Null once the author deleted their account' },
        summary: { type: 'string' },
        kind: { type: 'string', enum: ['create', 'edit', 'merge', 'restore'] },
        size: { type: 'integer' },
        sizeDelta: { type: 'integer' },
        createdAt: { type: 'string', format: 'date-time' },
        reviewStatus: { type: 'string', enum: ['accepted', 'pending', 'rejected'] },
        reviewReason: { type: ['string', 'null'], description: 'Why a reviewer rejected it' },
        hidden: { type: 'boolean', description: 'Moderation hid this revision: its summary is left out (empty)' },
      },
      required: ['id', 'parentId', 'author', 'summary', 'kind', 'size', 'sizeDelta', 'createdAt', 'reviewStatus', 'reviewReason', 'hidden'],
    },
  },
};
