/** The admin list of public organisations: each with its kind and services, to edit or delete. Pure. */
import type { Locale } from '../../../../config.js';
import type { FieldError } from '../../../../platform/errors.js';
import { pick } from '../../../../platform/i18n.js';
import { Button, CsrfField, Table, type TableColumn } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { AdminNav } from '../../../admin/index.js';
import type { TaxonomyOutcome } from '../../taxonomy.schemas.js';
import type { OrganisationRow } from '../../taxonomy.service.js';
import { TaxonomyNotices } from './notices.js';

export interface OrganisationsPageProps {
  organisations: OrganisationRow[];
  done?: TaxonomyOutcome | undefined;
  errors?: FieldError[];
  defaultLocale: Locale;
}

export function OrganisationsPage({ organisations, done, errors, defaultLocale }: OrganisationsPageProps) {
  const { t, href, locale } = useUi();
  const columns: TableColumn<OrganisationRow>[] = [
    {
      header: t('taxonomy.column.name'),
      rowHeader: true,
      cell: (o) => (
        <a id={`row-${o.slug}`} href={href(`/admin/catalogue/organisations/${o.slug}/edit`)}>
          {pick(o.name, locale, defaultLocale) || o.slug}
        </a>
      ),
    },
    { header: t('taxonomy.column.slug'), cell: (o) => o.slug },
    { header: t('taxonomy.column.kind'), cell: (o) => t(`taxonomy.kinds.${o.kind as 'other'}`) },
    { header: t('taxonomy.column.services'), numeric: true, cell: (o) => o.services },
    {
      header: t('taxonomy.column.actions'),
      cell: (o) => (
        <form method="post" action={href(`/admin/catalogue/organisations/${o.slug}/delete`)} class="inline-form">
          <CsrfField />
          <Button variant="warning" ariaLabel={`${t('taxonomy.delete')}: ${pick(o.name, locale, defaultLocale) || o.slug}`}>
            {t('taxonomy.delete')}
          </Button>
        </form>
      ),
    },
  ];
  return (
    <div class="admin">
      <AdminNav current="organisations" />
      <TaxonomyNotices done={done} errors={errors} />
      <h1>{t('taxonomy.organisations.title')}</h1>
      <p class="lead">{t('taxonomy.organisations.lead')}</p>
      <p>
        <Button href={href('/admin/catalogue/organisations/new')}>{t('taxonomy.organisations.add')}</Button>
      </p>
      <Table
        id="organisations"
        caption={t('taxonomy.organisations.caption', { count: organisations.length })}
        columns={columns}
        rows={organisations}
        rowKey={(o) => o.slug}
      />
    </div>
  );
}
