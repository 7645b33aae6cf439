/** The home page: ways into the catalogue, help nearby, and what E-COOP is for. */
import { pick } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';
import { Card, Tag } from '../../../ui/components/index.js';

export interface HomePageProps {
  sectors: { slug: string; name: string; description: string; services: number }[];
  lifeEvents: { slug: string; name: string }[];
  places: { slug: string; name: string; address: string; postcode: string; municipality: string; summary: string }[];
}

export function HomePage({ sectors, lifeEvents, places }: HomePageProps) {
  const { t, locale } = useUi();
  return (
    <>
      <div class="hero">
        <h1>{t('home.heading')}</h1>
        <p class="lead">{t('home.lead')}</p>
      </div>

      <section aria-labelledby="life-events">
        <h2 id="life-events">{t('home.lifeEventsHeading')}</h2>
        <p>{t('home.lifeEventsIntro')}</p>
        <ul class="tag-list">
          {lifeEvents.map((e) => (
            <li key={e.slug}>
              <Tag>{pick(e.name, locale)}</Tag>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sectors">
        <h2 id="sectors">{t('home.sectorsHeading')}</h2>
        <ul class="card-grid">
          {sectors.map((s) => (
            <Card key={s.slug} title={pick(s.name, locale)} meta={t('home.serviceCount', { count: Number(s.services) })}>
              <p>{pick(s.description, locale)}</p>
            </Card>
          ))}
        </ul>
      </section>

      <section aria-labelledby="places">
        <h2 id="places">{t('home.placesHeading')}</h2>
        <p>{t('home.placesIntro')}</p>
        <ul class="card-grid">
          {places.map((p) => (
            <Card key={p.slug} title={p.name} meta={`${p.address}, ${p.postcode} ${p.municipality}`}>
              <p>{pick(p.summary, locale)}</p>
            </Card>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how">
        <h2 id="how">{t('home.howHeading')}</h2>
        <p>{t('home.howIntro')}</p>
        <ul class="card-grid">
          <Card title={t('home.howAssessTitle')}>
            <p>{t('home.howAssess')}</p>
          </Card>
          <Card title={t('home.howDesignTitle')}>
            <p>{t('home.howDesign')}</p>
          </Card>
          <Card title={t('home.howDeliverTitle')}>
            <p>{t('home.howDeliver')}</p>
          </Card>
          <Card title={t('home.howCommissionTitle')}>
            <p>{t('home.howCommission')}</p>
          </Card>
        </ul>
      </section>
    </>
  );
}
