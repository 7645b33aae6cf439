/**
 * A service's reviews: each with its scores, date, author, how many found it helpful, the
 * organisation's answer, a "Helpful" button (signed-in people, not on their own review), a "Report"
 * link and, for the organisation's officials, "Answer". Reviews moderation hid show a notice instead.
 * Sorted newest or most helpful first, paginated. Pure.
 *
 * The list is the same for everyone; what a reader may do with each review (mark it helpful, answer,
 * report, change their own) is `ReviewActions`, which the route renders for each reader in the
 * list's holes (`Hole`, platform/render.tsx).
 */
import type { ContentModeration } from '../../../platform/flags.js';
import { participantName } from '../../../platform/gdpr.js';
import { formatDate } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, HiddenContent, NotificationBanner, Pagination } from '../../../ui/components/index.js';
import { Hole } from '../../../platform/shared-page.js';
import { useUi } from '../../../ui/context.js';
import { CRITERIA } from '../assessment.model.js';
import { REVIEW_TYPE, REVIEW_SORTS, type ReviewItem, type ReviewsQuery } from '../reviews.service.js';
import { criterionLabel } from './rating-parts.js';

export interface ReviewsPageProps {
  service: { slug: string; name: string };
  /** The organisation's name in the page's language. */
  organisationName: string;
  reviews: ReviewItem[];
  total: number;
  pageCount: number;
  query: ReviewsQuery;
  hidden: ReadonlyMap<string, ContentModeration>;
}

/** What a reader may do with a review depends on these (the route keeps them with the shared list). */
export interface ReviewActionItem {
  id: number;
  userId: number | null;
  authorName: string | null;
  answered: boolean;
}

/** The reviews shown with their actions (those moderation hid have none), by id. */
export function reviewActionItems(
  reviews: readonly ReviewItem[],
  hidden: ReadonlyMap<string, ContentModeration>,
): Map<number, ReviewActionItem> {
  return new Map(
    reviews
      .filter((r) => !hidden.has(String(r.id)))
      .map((r) => [r.id, { id: r.id, userId: r.userId, authorName: r.authorName, answered: r.answer !== null && r.answer !== '' }]),
  );
}

/** The hole of a review's actions (`ReviewActions`). */
export const reviewActionsHole = (id: number) => `review-${id}`;

/** Where the reader stands with one review: all its actions depend on (the hole's key). */
export interface ReviewReaderState {
  signedIn: boolean;
  canMark: boolean;
  canAnswer: boolean;
  /** The review is the reader's own. */
  own: boolean;
  /** The reader marked it helpful. */
  marked: boolean;
}

export interface ReviewActionsProps {
  item: ReviewActionItem;
  state: ReviewReaderState;
  query: ReviewsQuery;
  serviceSlug: string;
}

/** "Helpful" (signed-in people, not on their own review), "Answer" (the organisation's officials), "Report", "Change". */
export function ReviewActions({ item, state, query, serviceSlug }: ReviewActionsProps) {
  const { t, href } = useUi();
  const author = item.authorName === null ? t('personalData.deletedParticipant') : participantName(item.authorName, t);
  const { own, marked } = state;
  return (
    <>
      {state.canMark && !own ? (
        <form method="post" action={href(`/reviews/${item.id}/helpful`)} class="inline-form">
          <CsrfField />
          <input type="hidden" name="mark" value={marked ? 'off' : 'on'} />
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="page" value={String(query.page)} />
          <Button variant="secondary" ariaLabel={`${t(marked ? 'rating.reviews.unmark' : 'rating.reviews.mark')} (${author})`}>
            {t(marked ? 'rating.reviews.unmark' : 'rating.reviews.mark')}
          </Button>
        </form>
      ) : null}
      {own ? <span>{t('rating.reviews.own')}</span> : null}
      {state.canAnswer ? (
        <a href={href(`/reviews/${item.id}/answer`)}>{t(item.answered ? 'rating.reviews.changeAnswer' : 'rating.reviews.answer')}</a>
      ) : null}
      {state.signedIn && !own ? <a href={`${href('/flags/new')}?type=${REVIEW_TYPE}&id=${item.id}`}>{t('rating.reviews.report')}</a> : null}
      {own ? <a href={href(`/services/${serviceSlug}/rate`)}>{t('rating.reviews.change')}</a> : null}
    </>
  );
}

function Review({ item, props }: { item: ReviewItem; props: ReviewsPageProps }) {
  const { t, locale } = useUi();
  const moderation = props.hidden.get(String(item.id));
  const headingId = `review-${item.id}-title`;
  const author = item.authorName === null ? t('personalData.deletedParticipant') : participantName(item.authorName, t);
  if (moderation) {
    return (
      <li id={`review-${item.id}`} class="card">
        <HiddenContent reason={moderation.reason} />
      </li>
    );
  }
  return (
    <li id={`review-${item.id}`} class="card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} class="card__title">
          {t('rating.reviews.heading', { name: author })}
        </h2>
        <p class="card__meta">
          <time dateTime={item.updatedAt}>{formatDate(locale, item.updatedAt)}</time>
        </p>
        <p>
          <strong>{t('rating.reviews.satisfaction')}</strong> {t(`rating.satisfaction.${item.satisfaction as 1 | 2 | 3 | 4 | 5}`)}
        </p>
        <p lang={item.reviewLocale && item.reviewLocale !== locale ? item.reviewLocale : undefined}>
          {item.review.split('\n').map((line, i) => (
            <span key={i}>
              {i > 0 ? <br /> : null}
              {line}
            </span>
          ))}
        </p>
        <ul>
          {CRITERIA.map((c) => (
            <li key={c}>
              {criterionLabel(t, c)} {t('rating.panel.scoreValue', { mean: String(item.scores[c]) })}
            </li>
          ))}
        </ul>
        <p>{t('rating.reviews.helpfulCount', { count: item.helpfulCount })}</p>
        {item.answer ? (
          <div class="notice">
            <div class="notice__header">
              <h3 class="notice__title">
                {t('rating.reviews.answerBy', { organisation: props.organisationName })}{' '}
                {item.answeredAt ? <time dateTime={item.answeredAt}>{formatDate(locale, item.answeredAt)}</time> : null}
              </h3>
            </div>
            <div class="notice__body">
              <p>{item.answer}</p>
            </div>
          </div>
        ) : null}
        <div class="button-group">
          <Hole name={reviewActionsHole(item.id)} />
        </div>
      </article>
    </li>
  );
}

export function ReviewsPage(props: ReviewsPageProps) {
  const { t, href } = useUi();
  const { service, query } = props;
  const base = href(`/services/${service.slug}/reviews`);
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('services.crumbs.home'), href: href('/') },
          { label: t('services.crumbs.services'), href: href('/services') },
          { label: service.name, href: href(`/services/${service.slug}`) },
          { label: t('rating.reviews.crumb') },
        ]}
      />
      {query.done ? (
        <NotificationBanner id="reviews-done" type="success">
          <p>{t(`rating.reviews.done.${query.done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('rating.reviews.title', { service: service.name })}</h1>
      <p>{t('rating.reviews.count', { count: props.total })}</p>
      <p>
        <a class="button" href={href(`/services/${service.slug}/rate`)}>
          {t('rating.panel.rate')}
        </a>
      </p>
      {props.total > 1 ? (
        <nav class="filter-tabs" aria-label={t('rating.reviews.sortLabel')}>
          <ul>
            {REVIEW_SORTS.map((s) => (
              <li key={s}>
                <a href={s === 'newest' ? base : `${base}?sort=${s}`} aria-current={s === query.sort ? 'page' : undefined}>
                  {t(`rating.reviews.sort.${s}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {props.reviews.length === 0 ? (
        <p>{t('rating.reviews.empty')}</p>
      ) : (
        <ul class="card-grid">
          {props.reviews.map((r) => (
            <Review key={r.id} item={r} props={props} />
          ))}
        </ul>
      )}
      <Pagination
        page={query.page}
        pageCount={props.pageCount}
        basePath={base}
        query={query.sort === 'newest' ? {} : { sort: query.sort }}
        label={t('rating.reviews.pages')}
      />
      <p>
        <a href={href(`/services/${service.slug}`)}>{t('rating.reviews.back', { service: service.name })}</a>
      </p>
    </div>
  );
}
