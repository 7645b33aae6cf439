/**
 * A page's history: every revision, newest first (keyset pages), with who, when, the edit summary
 * and the size change; "Changes" shows the diff with the revision before; editors can bring an
 * earlier revision back (a new revision: nothing is erased). A form compares any two. Revisions
 * waiting for review or rejected say so (with the reviewer's reason); each can be reported, and one
 * that moderation hid shows why instead of its summary. Reviewers get a link to the waiting changes,
 * moderators the page's protection. The same for everyone (a shared body): what depends on the
 * reader (bring back, review, protect) is in holes, filled with the exported parts below. Pure.
 */
import type { ContentModeration } from '../../../platform/flags.js';
import { formatDate } from '../../../platform/i18n.js';
import { Button, CsrfField, HiddenContent, KeysetPagination, Select, Tag } from '../../../ui/components/index.js';
import { Hole } from '../../../platform/shared-page.js';
import { useUi } from '../../../ui/context.js';
import { WikiCrumbs } from './wiki-crumbs.js';
import { sizeChange } from './size-change.js';
import { PAGE_TYPES, WIKI_REVISION_TYPE, type PageType, type RevisionSummary } from '../wiki.model.js';
import type { WikiCategory } from '../wiki-categories.js';

export interface WikiHistoryProps {
  page: { slug: string; title: string; revisionId: number; pendingReview: boolean; protected: boolean };
  revisions: RevisionSummary[];
  /** The `before` of the next (older) page of the history, or null. */
  next: number | null;
  isFirstPage: boolean;
  /** The revisions of this page of the history that moderation hid. */
  hidden: ReadonlyMap<string, ContentModeration>;
}

/** The hole of revision `id`'s "bring back" link (for those who may edit the page). */
export const restoreHole = (id: number) => `restore-${id}`;

/**
 * The link to bring revision `id` back, after a look at what that does (its date names it for screen
 * readers). Relative to the history (`/{locale}/wiki/{slug}/history`), as the row's other links: a
 * history page holds fifty of each.
 */
export function RestoreLink({ id, createdAt }: { id: number; createdAt: string }) {
  const { t, locale } = useUi();
  return (
    <a href={`restore?revision=${id}`} aria-label={`${t('wiki.history.restore')} (${formatDate(locale, createdAt, 'datetime')})`}>
      {t('wiki.restore.link')}
    </a>
  );
}

/** Reviewers' link to the waiting changes. */
export function ReviewLink({ slug }: { slug: string }) {
  const { t, href } = useUi();
  return <a href={href(`/wiki/${slug}/review`)}>{t('wiki.review.reviewLink')}</a>;
}

/** Classifiers' form: the page's kind and category (the text does not change). */
export function ClassifyForm({
  slug,
  type,
  category,
  categories,
}: {
  slug: string;
  type: PageType;
  category: string | null;
  categories: readonly WikiCategory[];
}) {
  const { t, href } = useUi();
  return (
    <form method="post" action={href(`/wiki/${slug}/classify`)} class="wiki-classify">
      <h2>{t('wiki.classify.title')}</h2>
      <p>{t('wiki.classify.lead')}</p>
      <CsrfField />
      <Select
        id="classify-type"
        name="type"
        label={t('wiki.edit.fieldType')}
        options={PAGE_TYPES.map((value) => ({ value, label: t(`wiki.type.${value}`) }))}
        value={type}
      />
      <Select
        id="classify-category"
        name="category"
        label={t('wiki.edit.fieldCategory')}
        options={[{ value: '', label: t('wiki.category.none') }, ...categories.map((c) => ({ value: c.slug, label: c.name }))]}
        value={category ?? ''}
      />
      <Button variant="secondary">{t('wiki.classify.submit')}</Button>
    </form>
  );
}

/** Moderators' form to protect the page or lift its protection. */
export function ProtectForm({ slug, isProtected }: { slug: string; isProtected: boolean }) {
  const { t, href } = useUi();
  return (
    <form method="post" action={href(`/wiki/${slug}/protect`)} class="wiki-protect">
      <h2>{t('wiki.protect.title')}</h2>
      <p>{t(isProtected ? 'wiki.protect.isProtected' : 'wiki.protect.isOpen')}</p>
      <CsrfField />
      <input type="hidden" name="protected" value={isProtected ? '0' : '1'} />
      <Button variant="secondary">{t(isProtected ? 'wiki.protect.unprotect' : 'wiki.protect.protect')}</Button>
    </form>
  );
}

export function WikiHistoryPage({ page, revisions, next, isFirstPage, hidden }: WikiHistoryProps) {
  const { t, href, locale } = useUi();
  const base = href(`/wiki/${page.slug}/history`);
  const options = revisions.map((r) => ({ value: String(r.id), label: formatDate(locale, r.createdAt, 'datetime') }));
  return (
    <div class="prose">
      <WikiCrumbs page={page} current={t('wiki.page.history')} />
      <h1>{t('wiki.history.title', { title: page.title })}</h1>
      <p class="lead">{t('wiki.history.lead')}</p>
      {page.pendingReview ? (
        <p>
          {t('wiki.review.pendingNotice')} <Hole name="review" />
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="table">
          <caption>{t('wiki.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wiki.history.when')}</th>
              <th scope="col">{t('wiki.history.who')}</th>
              <th scope="col">{t('wiki.history.summary')}</th>
              <th scope="col">{t('wiki.history.size')}</th>
              <th scope="col">{t('wiki.history.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id} id={`revision-${r.id}`}>
                <td>
                  <time dateTime={r.createdAt}>{formatDate(locale, r.createdAt, 'datetime')}</time>
                </td>
                <td>{r.author ?? t('wiki.history.deleted')}</td>
                <td>
                  {hidden.has(String(r.id)) ? (
                    <HiddenContent reason={hidden.get(String(r.id))!.reason} />
                  ) : (
                    <>
                      {t(`wiki.history.kind.${r.kind}`)}
                      {r.summary ? `: ${r.summary}` : ''}
                    </>
                  )}
                  {r.reviewStatus === 'pending' ? (
                    <>
                      {' '}
                      <Tag>{t('wiki.review.status.pending')}</Tag>
                    </>
                  ) : r.reviewStatus === 'rejected' ? (
                    <>
                      {' '}
                      <Tag>{t('wiki.review.status.rejected')}</Tag> {r.reviewReason ?? ''}
                    </>
                  ) : null}
                </td>
                <td>{sizeChange(t, locale, r.sizeDelta)}</td>
                <td>
                  {r.parentId !== null ? <a href={`diff?from=${r.parentId}&to=${r.id}`}>{t('wiki.history.changes')}</a> : null}{' '}
                  <a
                    href={href(`/flags/new?type=${WIKI_REVISION_TYPE}&id=${r.id}`)}
                    aria-label={`${t('wiki.history.report')} (${formatDate(locale, r.createdAt, 'datetime')})`}
                  >
                    {t('wiki.history.report')}
                  </a>
                  {r.id === page.revisionId ? <span> {t('wiki.history.current')}</span> : <Hole name={restoreHole(r.id)} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <KeysetPagination
        label={t('wiki.history.pages')}
        newestHref={isFirstPage ? null : base}
        olderHref={next !== null ? `${base}?before=${next}` : null}
        newestText={t('wiki.history.newest')}
        olderText={t('wiki.history.older')}
      />
      {revisions.length > 1 ? (
        <form method="get" action={href(`/wiki/${page.slug}/diff`)} class="wiki-compare">
          <h2>{t('wiki.history.compare')}</h2>
          <Select id="compare-from" name="from" label={t('wiki.history.from')} options={options} value={String(revisions[1]!.id)} />
          <Select id="compare-to" name="to" label={t('wiki.history.to')} options={options} value={String(revisions[0]!.id)} />
          <Button variant="secondary">{t('wiki.history.compareSubmit')}</Button>
        </form>
      ) : null}
      <Hole name="classify" />
      <Hole name="protect" />
    </div>
  );
}
