/**
 * The admin list of sectors or of life events, in their display order: move each up or down, edit
 * it, or delete it when no service uses it. Pure.
 */
import type { Locale } from '../../../../config.js';
import type { FieldError } from '../../../../platform/errors.js';
import { pick } from '../../../../platform/i18n.js';
import { Button, CsrfField, Table, type TableColumn } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { AdminNav } from '../../../admin/index.js';
import type { TaxonomyOutcome, TermKind } from '../../taxonomy.schemas.js';
import type { TermRow } from '../../taxonomy.service.js';
import { TaxonomyNotices } from './notices.js';

export interface TermsPageProps {
  kind: TermKind;
  terms: TermRow[];
  done?: TaxonomyOutcome | undefined;
  errors?: FieldError[];
  defaultLocale: Locale;
}

/** The catalog key of each list. */
export const TERM_KEY = { sectors: 'sectors', 'life-events': 'lifeEvents' } as const;

export function TermsPage({ kind, terms, done, errors, defaultLocale }: TermsPageProps) {
  const { t, href, locale } = useUi();
  const key = TERM_KEY[kind];
  const base = `/admin/catalogue/${kind}`;
  const label = (term: TermRow) => pick(term.name, locale, defaultLocale) || term.slug;
  const move = (term: TermRow, direction: 'up' | 'down') => (
    <form method="post" action={href(`${base}/${term.slug}/move`)} class="inline-form">
      <CsrfField />
      <input type="hidden" name="direction" value={direction} />
      <Button variant="secondary" ariaLabel={`${t(`taxonomy.move.${direction}`)}: ${label(term)}`}>
        {t(`taxonomy.move.${direction}`)}
      </Button>
    </form>
  );
  const columns: TableColumn<TermRow>[] = [
    { header: t('taxonomy.column.position'), numeric: true, cell: (term) => terms.indexOf(term) + 1 },
    {
      header: t('taxonomy.column.name'),
      rowHeader: true,
      cell: (term) => (
        <a id={`row-${term.slug}`} href={href(`${base}/${term.slug}/edit`)}>
          {label(term)}
        </a>
      ),
    },
    { header: t('taxonomy.column.slug'), cell: (term) => term.slug },
    { header: t('taxonomy.column.services'), numeric: true, cell: (term) => term.services },
    {
      header: t('taxonomy.column.actions'),
      cell: (term) => {
        const i = terms.indexOf(term);
        return (
          <div class="button-group">
            {i > 0 ? move(term, 'up') : null}
            {i < terms.length - 1 ? move(term, 'down') : null}
            <form method="post" action={href(`${base}/${term.slug}/delete`)} class="inline-form">
              <CsrfField />
              <Button variant="warning" ariaLabel={`${t('taxonomy.delete')}: ${label(term)}`}>
                {t('taxonomy.delete')}
              </Button>
            </form>
          </div>
        );
      },
    },
  ];
  return (
    <div class="admin">
      <AdminNav current={key} />
      <TaxonomyNotices done={done} errors={errors} />
      <h1>{t(`taxonomy.${key}.title`)}</h1>
      <p class="lead">{t(`taxonomy.${key}.lead`)}</p>
      <p>
        <Button href={href(`${base}/new`)}>{t(`taxonomy.${key}.add`)}</Button>
      </p>
      <Table
        id={kind}
        caption={t(`taxonomy.${key}.caption`, { count: terms.length })}
        columns={columns}
        rows={terms}
        rowKey={(term) => term.slug}
      />
    </div>
  );
}
