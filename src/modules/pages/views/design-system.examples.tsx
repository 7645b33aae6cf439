/**
 * The component half of the design system page: each component live, under a short note on when
 * to use it. Ids are prefixed `ds-` or `demo-` so the examples never collide with the shell's.
 */
import { formatNumber } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';
import { Breadcrumbs, Button, Card, NotificationBanner, Pagination, Table, Tag, VisuallyHidden } from '../../../ui/components/index.js';
import { DEMO_PAGE_COUNT } from '../design-system.schemas.js';
import { Example, Section } from './design-system.section.js';
import { DemoForm, type DemoFormState } from './design-system.form.js';

/** The sections from Buttons to Utilities, in the page's order. */
export function ComponentSections({ demoPage, form }: { demoPage: number; form: DemoFormState }) {
  const { t, href, search } = useUi();
  return (
    <>
      <Section name="buttons">
        <Example>
          <div class="button-group">
            <Button type="button">{t('designSystem.buttons.primary')}</Button>
            <Button type="button" variant="secondary">
              {t('designSystem.buttons.secondary')}
            </Button>
            <Button type="button" variant="warning">
              {t('designSystem.buttons.warning')}
            </Button>
            <Button href={href('/')}>{t('designSystem.buttons.link')}</Button>
          </div>
        </Example>
      </Section>

      <Section name="forms">
        <p class="prose">{t('designSystem.form.note')}</p>
        <Example>
          <DemoForm {...form} />
        </Example>
      </Section>

      <Section name="errorSummary">
        <p class="prose">{t('designSystem.errorSummary.where')}</p>
      </Section>

      <Section name="banners">
        <Example>
          <NotificationBanner id="ds-banner-info">
            <p>{t('designSystem.banners.information')}</p>
          </NotificationBanner>
          <NotificationBanner id="ds-banner-success" type="success">
            <p>{t('designSystem.banners.success')}</p>
          </NotificationBanner>
        </Example>
      </Section>

      <Section name="tables">
        <Example>
          <VisitsTable />
        </Example>
      </Section>

      <Section name="pagination">
        <Example>
          <p>{t('designSystem.pagination.showing', { page: demoPage, count: DEMO_PAGE_COUNT })}</p>
          {/* Without a query of its own, the example keeps a sample filter to show that links preserve it. */}
          <Pagination page={demoPage} pageCount={DEMO_PAGE_COUNT} basePath={href('/design-system')} query={search || '?topic=housing'} />
        </Example>
      </Section>

      <Section name="breadcrumbs">
        <Example>
          <Breadcrumbs
            items={[
              { label: t('layout.home'), href: href('/') },
              { label: t('nav.about'), href: href('/about') },
              { label: t('designSystem.title') },
            ]}
          />
        </Example>
      </Section>

      <Section name="tags">
        <Example>
          <ul class="tag-list">
            <li>
              <Tag>{t('designSystem.tags.default')}</Tag>
            </li>
            <li>
              <Tag tone="neutral">{t('designSystem.tags.neutral')}</Tag>
            </li>
            <li>
              <Tag tone="success">{t('designSystem.tags.success')}</Tag>
            </li>
            <li>
              <Tag tone="error">{t('designSystem.tags.error')}</Tag>
            </li>
          </ul>
        </Example>
      </Section>

      <Section name="cards">
        <Example>
          <ul class="card-grid">
            <Card title={t('nav.about')} href={href('/about')}>
              <p>{t('designSystem.cards.linkedBody')}</p>
            </Card>
            <Card title={t('nav.accessibility')} href={href('/accessibility')} meta={t('designSystem.cards.meta')}>
              <p>{t('designSystem.cards.metaBody')}</p>
            </Card>
            <Card title={t('designSystem.cards.plainTitle')}>
              <p>{t('designSystem.cards.plainBody')}</p>
            </Card>
          </ul>
        </Example>
      </Section>

      <Section name="utilities">
        <Example>
          <p>
            <a href="#ds-colours">
              {t('designSystem.utilities.moreVisible')}
              <VisuallyHidden> {t('designSystem.utilities.moreHidden')}</VisuallyHidden>
            </a>
          </p>
        </Example>
        <p class="prose">{t('designSystem.utilities.csrf')}</p>
      </Section>
    </>
  );
}

const VISITS = [
  {
    place: 'Médiathèque Jean-Rostand',
    visits: 1234,
    workshops: 56,
    page: 'https://vallee-verte.example/lieux/mediatheque-jean-rostand/ateliers-numeriques',
  },
  {
    place: 'France Services de Mont-Rivel',
    visits: 876,
    workshops: 31,
    page: 'https://vallee-verte.example/lieux/france-services-mont-rivel',
  },
  {
    place: 'Espace numérique des Ormeaux',
    visits: 92,
    workshops: 4,
    page: 'https://vallee-verte.example/lieux/espace-numerique-des-ormeaux',
  },
];

/** A sample data table: a row header, two numeric columns, and long URLs that wrap. */
function VisitsTable() {
  const { t, locale } = useUi();
  return (
    <Table
      id="ds-visits"
      caption={t('designSystem.tables.caption')}
      rows={VISITS}
      rowKey={(r) => r.place}
      columns={[
        { header: t('designSystem.tables.place'), rowHeader: true, cell: (r) => r.place },
        { header: t('designSystem.tables.visits'), numeric: true, cell: (r) => formatNumber(locale, r.visits) },
        { header: t('designSystem.tables.workshops'), numeric: true, cell: (r) => formatNumber(locale, r.workshops) },
        { header: t('designSystem.tables.page'), wrap: true, cell: (r) => r.page },
      ]}
    />
  );
}
