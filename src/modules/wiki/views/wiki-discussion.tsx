/**
 * A wiki page's discussion: "Discussion (n)", its comments (author, date, plain text with its line
 * breaks; a notice instead of those moderation hid), and the form to comment. Under the page it is
 * part of the shared body, the same for everyone: what depends on the reader (the form or the sign-in
 * link, each comment's "Report" and "Delete") sits in holes (`Hole`, platform/render.tsx) that the
 * route fills per reader. On the discussion's own page (older comments, or the form back with an
 * error) the route passes the reader's state and everything is rendered in place. Pure.
 */
import type { VNode } from 'preact';
import type { MessageKey } from '../../../platform/i18n.js';
import { formatDate } from '../../../platform/i18n.js';
import { participantName } from '../../../platform/gdpr.js';
import { Hole } from '../../../platform/shared-page.js';
import { Button, CsrfField, ErrorSummary, HiddenContent, KeysetPagination, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { WikiCrumbs } from './wiki-crumbs.js';
import { COMMENT_TYPE, type Discussion, type WikiComment } from '../wiki-comments.service.js';

/** What the comment form's place shows the reader: the form, "confirm your email", or "sign in". */
export type CommentFormState = 'post' | 'verify' | 'signIn';

/** Where the reader stands with one comment (the key of its hole). */
export interface CommentReaderState {
  signedIn: boolean;
  /** The comment is the reader's own (no "Report"). */
  own: boolean;
  canDelete: boolean;
}

/** The reader's state, for a view rendered for them (not shared). */
export interface DiscussionReader {
  form: CommentFormState;
  comment: (c: WikiComment) => CommentReaderState;
}

/** A comment's hole (its actions), and the form's. */
export const commentActionsHole = (id: number) => `wiki-comment-${id}`;
export const COMMENT_FORM_HOLE = 'wiki-comment-form';

/** What was typed, and what is wrong with it, when the form comes back. */
export interface CommentFormValues {
  body: string;
  error?: MessageKey | undefined;
}

const authorOf = (c: WikiComment, t: ReturnType<typeof useUi>['t']) =>
  c.authorName === null ? t('personalData.deletedParticipant') : participantName(c.authorName, t);

/** Plain text as paragraphs (blank lines) and line breaks; escaped like any text. */
function CommentText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((para, i) => (
        <p key={i}>
          {para.split('\n').map((line, j) => (
            <span key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

/** "Report" (signed-in people, not on their own comment) and "Delete" (its author, moderators, admins). */
export function CommentActions({ slug, comment, state }: { slug: string; comment: WikiComment; state: CommentReaderState }) {
  const { t, href } = useUi();
  const name = authorOf(comment, t);
  return (
    <>
      {state.signedIn && !state.own ? (
        <a href={`${href('/flags/new')}?type=${COMMENT_TYPE}&id=${comment.id}`} aria-label={t('wiki.discussion.reportLabel', { name })}>
          {t('wiki.discussion.report')}
        </a>
      ) : null}
      {state.canDelete ? (
        <form method="post" action={href(`/wiki/${slug}/comments/${comment.id}/delete`)} class="inline-form">
          <CsrfField />
          <Button variant="warning" ariaLabel={t('wiki.discussion.deleteLabel', { name })}>
            {t('wiki.discussion.delete')}
          </Button>
        </form>
      ) : null}
    </>
  );
}

function CommentItem(props: {
  slug: string;
  comment: WikiComment;
  discussion: Discussion;
  level: 2 | 3;
  reader?: DiscussionReader | undefined;
}) {
  const { slug, comment, discussion, level, reader } = props;
  const { t, locale } = useUi();
  const moderation = discussion.hidden.get(String(comment.id));
  if (moderation) {
    return (
      <li id={`comment-${comment.id}`} class="card">
        <HiddenContent reason={moderation.reason} />
      </li>
    );
  }
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = `comment-${comment.id}-author`;
  return (
    <li id={`comment-${comment.id}`} class="card">
      <article aria-labelledby={headingId}>
        <Heading id={headingId} class="card__title">
          {authorOf(comment, t)}
        </Heading>
        <p class="card__meta">
          <time dateTime={comment.createdAt}>{formatDate(locale, comment.createdAt, 'datetime')}</time>
        </p>
        <CommentText text={comment.body} />
        <div class="button-group">
          {reader ? (
            <CommentActions slug={slug} comment={comment} state={reader.comment(comment)} />
          ) : (
            <Hole name={commentActionsHole(comment.id)} />
          )}
        </div>
      </article>
    </li>
  );
}

function CommentList(props: { discussion: Discussion; level: 2 | 3; reader?: DiscussionReader | undefined }) {
  const { t } = useUi();
  const { discussion } = props;
  if (discussion.comments.length === 0) return <p>{t('wiki.discussion.empty')}</p>;
  return (
    <ol class="card-grid">
      {discussion.comments.map((c) => (
        <CommentItem key={c.id} slug={discussion.slug} comment={c} {...props} />
      ))}
    </ol>
  );
}

/** The form to comment, or what to do first: confirm the email address, or sign in. */
export function CommentForm(props: { slug: string; state: CommentFormState; level: 2 | 3; values?: CommentFormValues | undefined }) {
  const { slug, state, level, values } = props;
  const { t, href } = useUi();
  if (state === 'signIn') {
    return (
      <p>
        <a href={`${href('/sign-in')}?next=${encodeURIComponent(href(`/wiki/${slug}`))}`}>{t('wiki.discussion.signIn')}</a>
      </p>
    );
  }
  if (state === 'verify') return <p>{t('wiki.discussion.verifyFirst')}</p>;
  const Heading = level === 2 ? 'h2' : 'h3';
  const error = values?.error ? t(values.error) : undefined;
  return (
    <form method="post" action={href(`/wiki/${slug}/comments`)} aria-labelledby="comment-form-title" novalidate>
      <Heading id="comment-form-title">{t('wiki.discussion.formTitle')}</Heading>
      <ErrorSummary errors={error ? [{ fieldId: 'comment-body', message: error }] : []} />
      <CsrfField />
      <Textarea
        id="comment-body"
        name="body"
        label={t('wiki.discussion.fieldBody')}
        hint={t('wiki.discussion.fieldBodyHint')}
        error={error}
        value={values?.body ?? ''}
        rows={5}
      />
      <Button>{t('wiki.discussion.submit')}</Button>
    </form>
  );
}

/**
 * The "Discussion (n)" section at the end of a wiki page (shared body: holes for the reader's parts).
 * The newest comments, oldest first, with a link to the earlier ones when there are more.
 */
export function WikiDiscussion({ discussion }: { discussion: Discussion }): VNode {
  const { t, href } = useUi();
  return (
    <section id="discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">{t('wiki.discussion.title', { count: discussion.total })}</h2>
      <p>{t('wiki.discussion.lead')}</p>
      {discussion.older !== null ? (
        <p>
          <a href={href(`/wiki/${discussion.slug}/discussion?before=${discussion.older}`)}>
            {t('wiki.discussion.earlier', { count: discussion.olderCount })}
          </a>
        </p>
      ) : null}
      <CommentList discussion={discussion} level={3} />
      <Hole name={COMMENT_FORM_HOLE} />
    </section>
  );
}

export interface WikiDiscussionPageProps {
  page: { slug: string; title: string };
  discussion: Discussion;
  /** The cursor this page was asked with (none: the newest comments). */
  before?: number | undefined;
  reader: DiscussionReader;
  values?: CommentFormValues | undefined;
}

/** The discussion on its own page: earlier comments by keyset pages, or the form back with an error. */
export function WikiDiscussionPage({ page, discussion, before, reader, values }: WikiDiscussionPageProps) {
  const { t, href } = useUi();
  const base = href(`/wiki/${page.slug}/discussion`);
  return (
    <div class="prose">
      <WikiCrumbs page={page} current={t('wiki.discussion.title', { count: discussion.total })} />
      <h1>{t('wiki.discussion.pageTitle', { title: page.title })}</h1>
      <p>
        <a href={href(`/wiki/${page.slug}`)}>{t('wiki.discussion.back', { title: page.title })}</a>
      </p>
      {/* A form back with its error comes first: what to fix, then the conversation. */}
      {values?.error ? <CommentForm slug={page.slug} state={reader.form} level={2} values={values} /> : null}
      <CommentList discussion={discussion} level={2} reader={reader} />
      <KeysetPagination
        label={t('wiki.discussion.pages')}
        newestHref={before !== undefined ? base : null}
        olderHref={discussion.older !== null ? `${base}?before=${discussion.older}` : null}
        newestText={t('wiki.discussion.newest')}
        olderText={t('wiki.discussion.older')}
      />
      {values?.error ? null : <CommentForm slug={page.slug} state={reader.form} level={2} values={values} />}
    </div>
  );
}
