/**
 * Upcoming workshops at every Digital Public Space, soonest first: filters by place, theme and level
 * (a GET form that works without JavaScript), cards, numbered pages. Pure.
 */
import { Breadcrumbs, Button, Pagination, Select } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { codesOf, WORKSHOP_LEVELS } from '../places.model.js';
import type { WorkshopListQuery } from '../workshops.schemas.js';
import type { WorkshopRow } from '../workshops.queries.js';
import { levelLabel, themeLabel, WorkshopCard } from './workshop-parts.js';

export interface WorkshopListPageProps {
  rows: WorkshopRow[];
  total: number;
  perPage: number;
  query: WorkshopListQuery;
  places: { slug: string; name: string }[];
  /** Whether the signed-in person has registrations (links "My workshops"). */
  signedIn: boolean;
}

export function WorkshopListPage({ rows, total, perPage, query, places, signedIn }: WorkshopListPageProps) {
  const { t, href } = useUi();
  const base = href('/workshops');
  const filters: Record<string, string> = {};
  if (query.place) filters.place = query.place;
  if (query.theme) filters.theme = query.theme;
  if (query.level) filters.level = query.level;
  const filtered = Object.keys(filters).length > 0;
  return (
    <div>
      <Breadcrumbs items={[{ label: t('workshops.list.title') }]} />
      <h1>{t('workshops.list.title')}</h1>
      <p class="lead">{t('workshops.list.lead')}</p>
      {signedIn ? (
        <p>
          <a href={href('/my-workshops')}>{t('workshops.mine.link')}</a>
        </p>
      ) : null}
      <form method="get" action={base} class="prose">
        <Select
          id="workshops-place"
          name="place"
          label={t('workshops.list.placeFilter')}
          value={query.place ?? ''}
          placeholder={t('workshops.list.anyPlace')}
          options={places.map((p) => ({ value: p.slug, label: p.name }))}
        />
        <Select
          id="workshops-theme"
          name="theme"
          label={t('workshops.list.themeFilter')}
          value={query.theme ?? ''}
          placeholder={t('workshops.list.anyTheme')}
          options={codesOf('services').map((c) => ({ value: c, label: themeLabel(t, c) }))}
        />
        <Select
          id="workshops-level"
          name="level"
          label={t('workshops.list.levelFilter')}
          value={query.level ?? ''}
          placeholder={t('workshops.list.anyLevel')}
          options={WORKSHOP_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
        />
        <Button variant="secondary">{t('workshops.list.filter')}</Button>
      </form>
      <h2>{t('workshops.list.count', { count: total })}</h2>
      {rows.length === 0 ? (
        <p>{filtered ? t('workshops.list.noMatch') : t('workshops.list.empty')}</p>
      ) : (
        <ul class="card-grid">
          {rows.map((w) => (
            <WorkshopCard key={w.id} w={w} />
          ))}
        </ul>
      )}
      <Pagination
        page={query.page}
        pageCount={Math.ceil(total / perPage)}
        basePath={base}
        query={filters}
        label={t('workshops.list.pagination')}
      />
    </div>
  );
}
