/**
 * The OpenAPI description of the wiki API (wiki-api.routes.ts): read a page and its history; create
 * or edit it with a bearer token, with automatic merging and a 409 that keeps both versions. And of
 * its discussions (wiki-comments.api.ts): list a page's comments, post and delete with a bearer token.
 */
import type { OpenApiFragment } from '../../platform/openapi.js';
import { PAGE_TYPES, WIKI_LIMITS } from './wiki.model.js';
import { MAX_REVISIONS_PER_PAGE } from './wiki.queries.js';
import { MAX_COMMENTS_PER_REQUEST } from './wiki-comments.api.js';
import { COMMENT_MAX, COMMENTS_PER_PAGE } from './wiki-comments.service.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const slugParameter = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 },
};
const E401 = {
  description: 'No API token, or a malformed, unknown or revoked one (`unauthorized`)',
  headers: { 'WWW-Authenticate': { schema: { type: 'string' }, description: 'Bearer' } },
  content: json(ref('Error')),
};
const E429 = {
  description: 'Too many requests (`rate_limited`)',
  headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait' } },
  content: json(ref('Error')),
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
              category: {
                type: ['string', 'null'],
                maxLength: 120,
                description: 'On creation only: a category’s slug (the catalogue’s sectors), or null for none',
              },
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
          '422': error(
            'Missing or too long title, body or summary; an unknown category; a base revision of another page (`validation_failed`, with `fields`)',
          ),
          '429': error('Too many saves (`rate_limited`)'),
        },
      },
      patch: {
        operationId: 'updateWikiPageSettings',
        tags: ['wiki'],
        summary: 'Change a page’s kind, category or protection',
        description:
          'The settings apart from the text, as the history page’s forms change them; each one left out stays as it is. Filing (`type`, `category`) is for helpers, mediators, moderators and admins; protection for moderators and admins. Everything is checked before anything is written: a refused or invalid request changes nothing. No new revision; each kind of change is audited.',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              type: { type: 'string', enum: [...PAGE_TYPES] },
              category: {
                type: ['string', 'null'],
                maxLength: 120,
                description: 'A category’s slug (the catalogue’s sectors), or null for none',
              },
              protected: { type: 'boolean', description: 'Protected pages are edited by helpers, mediators, moderators and admins only' },
            },
            additionalProperties: false,
            minProperties: 1,
          }),
        },
        responses: {
          '200': { description: 'The page’s settings now', content: json(ref('WikiPageSettings')) },
          '400': error('Malformed body, or an unknown property (`bad_request`)'),
          '401': error('No valid API token (`unauthorized`)'),
          '403': error('Not allowed to file or to protect pages (`forbidden`)'),
          '404': error('No such page (`not_found`)'),
          '422': error('Nothing to change, an unknown kind or category (`validation_failed`, with `fields`)'),
          '429': error('Too many changes (`rate_limited`)'),
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
    '/api/v1/wiki/{slug}/comments': {
      get: {
        operationId: 'listWikiComments',
        tags: ['wiki'],
        summary: 'A page’s discussion, by keyset pages',
        description:
          'The newest `limit` comments before the comment `before` (or the newest), oldest first within the page as the discussion reads; `next` is the `before` of the earlier comments (null at the start). A comment that moderation hid keeps its place with `moderation` set, and without its author and text (null), as the page shows only a notice. A page whose first revision still waits for review is 404, as for `GET /api/v1/wiki/{slug}`.',
        parameters: [
          slugParameter,
          { name: 'before', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'The `next` of the previous page' },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: MAX_COMMENTS_PER_REQUEST, default: COMMENTS_PER_PAGE },
          },
        ],
        responses: {
          '200': { description: 'Comments', content: json(ref('WikiCommentList')) },
          '400': error('Invalid slug or parameters (`bad_request`)'),
          '404': error('No such page (`not_found`)'),
        },
      },
      post: {
        operationId: 'postWikiComment',
        tags: ['wiki'],
        summary: 'Comment on a page',
        description:
          'Plain text: line endings become `\\n`, control characters are dropped, blanks around are trimmed. A verified email is needed. The same text sent again by the same person within ten minutes is a double submission: 200 with the first comment, nothing written.',
        security: [{ bearer: [] }],
        parameters: [slugParameter],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: { body: { type: 'string', minLength: 1, maxLength: COMMENT_MAX, description: 'Plain text (no Markdown)' } },
            required: ['body'],
          }),
        },
        responses: {
          '200': { description: 'A double submission: the first comment', content: json(ref('WikiCommentPosted')) },
          '201': { description: 'Posted', content: json(ref('WikiCommentPosted')) },
          '400': error('Invalid slug, or a body that is not an object with a string `body` (`bad_request`); nothing was written'),
          '401': E401,
          '403': error('Unverified email (`forbidden`)'),
          '404': error('No such page (`not_found`)'),
          '422': error(
            'Empty or too long text (`validation_failed`, field `body`, message `wiki.discussion.errors.bodyMissing` or `bodyLong`); nothing was written',
          ),
          '429': E429,
        },
      },
    },
    '/api/v1/wiki/comments/{id}': {
      delete: {
        operationId: 'deleteWikiComment',
        tags: ['wiki'],
        summary: 'Delete a comment',
        description:
          'For its author, a moderator or an admin. A moderator or admin removing someone else’s comment is recorded in the audit log.',
        security: [{ bearer: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          '204': { description: 'Deleted' },
          '400': error('Invalid id (`bad_request`)'),
          '401': E401,
          '403': error('Not the author, a moderator or an admin (`forbidden`)'),
          '404': error('No such comment (`not_found`)'),
          '429': E429,
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
        category: { type: ['string', 'null'], description: 'The slug of the page’s category (a catalogue sector), or null' },
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
    WikiPageSettings: {
      type: 'object',
      properties: {
        slug: { type: 'string' },
        type: { type: 'string', enum: [...PAGE_TYPES] },
        category: { type: ['string', 'null'] },
        protected: { type: 'boolean' },
        changed: { type: 'boolean', description: 'Whether the request changed something (false: it was already so)' },
      },
      required: ['slug', 'type', 'category', 'protected', 'changed'],
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
    WikiComment: {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        author: {
          type: ['string', 'null'],
          description: 'The author’s display name; null once they deleted their account, or when hidden',
        },
        body: { type: ['string', 'null'], description: 'Plain text with `\\n` line breaks; null when moderation hid the comment' },
        createdAt: { type: 'string', format: 'date-time' },
        moderation: {
          description:
            'Null when shown. Hidden by a moderator (`hidden`, with the reason shown to readers) or automatically while reports wait for review (`auto_hidden`, no reason)',
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              properties: { status: { type: 'string', enum: ['hidden', 'auto_hidden'] }, reason: { type: ['string', 'null'] } },
              required: ['status', 'reason'],
            },
          ],
        },
      },
      required: ['id', 'author', 'body', 'createdAt', 'moderation'],
    },
    WikiCommentList: {
      type: 'object',
      properties: {
        data: { type: 'array', items: ref('WikiComment') },
        next: { type: ['integer', 'null'], description: 'The `before` of the earlier comments; null at the start of the discussion' },
        total: { type: 'integer', description: 'Every comment of the page' },
      },
      required: ['data', 'next', 'total'],
    },
    WikiCommentPosted: {
      type: 'object',
      properties: { id: { type: 'integer' }, body: { type: 'string', description: 'The text as stored' } },
      required: ['id', 'body'],
    },
  },
};
