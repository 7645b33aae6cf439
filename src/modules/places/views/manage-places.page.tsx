/**
 * "Your places": a mediator's places, or every place for an admin (searchable by name, paged), each
 * with the links to what can be managed there. Pure.
 */
import { Button, NotificationBanner, Pagination, Table, TextInput, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { ManagedPlaceRow } from '../manage.service.js';

export interface ManagePlacesPageProps {
  rows: readonly ManagedPlaceRow[];
  total: number;
  page: number;
  perPage: number;
  query: string;
  /** Admins: every place, search, "new place", mediators links. */
  admin: boolean;
  /** A place was just deleted. */
  deleted?: boolean;
}

export function ManagePlacesPage({ rows, total, page, perPage, query, admin, deleted = false }: ManagePlacesPageProps) {
  const { t, href } = useUi();
  const columns: TableColumn<ManagedPlaceRow>[] = [
    {
      header: t('placesManage.list.columnName'),
      rowHeader: true,
      wrap: true,
      cell: (p) => <a href={href(`/places/${p.slug}`)}>{p.name}</a>,
    },
    { header: t('placesManage.list.columnMunicipality'), wrap: true, cell: (p) => `${p.postcode} ${p.municipality}` },
    {
      header: t('placesManage.list.columnActions'),
      wrap: true,
      cell: (p) => (
        <ul>
          <li>
            <a href={href(`/manage/places/${p.slug}`)}>
              {t('placesManage.list.edit')}
              <span class="visually-hidden"> {p.name}</span>
            </a>
          </li>
          <li>
            <a href={href(`/manage/places/${p.slug}/workshops`)}>
              {t('placesManage.list.workshops')}
              <span class="visually-hidden"> {p.name}</span>
            </a>
          </li>
          <li>
            <a href={href(`/manage/places/${p.slug}/slots`)}>
              {t('placesManage.list.slots')}
              <span class="visually-hidden"> {p.name}</span>
            </a>
          </li>
          {admin ? (
            <li>
              <a href={href(`/manage/places/${p.slug}/mediators`)}>
                {t('placesManage.list.mediators')}
                <span class="visually-hidden"> {p.name}</span>
              </a>
            </li>
          ) : null}
        </ul>
      ),
    },
  ];
  return (
    <div>
      {deleted ? (
        <NotificationBanner id="place-deleted" type="success">
          <p>{t('placesManage.delete.done')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('placesManage.list.title')}</h1>
      <p class="lead">{admin ? t('placesManage.list.leadAdmin') : t('placesManage.list.leadMediator')}</p>
      {admin ? (
        <>
          <p>
            <Button href={href('/manage/places/new')}>{t('placesManage.list.new')}</Button>
          </p>
          <form method="get" action={href('/manage/places')} role="search" class="prose">
            <TextInput id="places-q" name="q" type="search" label={t('placesManage.list.search')} value={query} spellcheck={false} />
            <Button variant="secondary">{t('placesManage.list.searchButton')}</Button>
          </form>
        </>
      ) : null}
      {rows.length === 0 ? (
        <p>{query ? t('placesManage.list.noMatch', { q: query }) : t('placesManage.list.empty')}</p>
      ) : (
        <Table
          id="managed-places"
          caption={
            query ? t('placesManage.list.captionSearch', { q: query, count: total }) : t('placesManage.list.caption', { count: total })
          }
          columns={columns}
          rows={rows}
          rowKey={(p) => p.id}
        />
      )}
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(total / perPage))}
        basePath={href('/manage/places')}
        query={query ? { q: query } : {}}
        label={t('placesManage.list.pagination')}
      />
    </div>
  );
}
