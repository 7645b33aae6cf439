/** The home page: ways into the catalogue, help nearby, and what E-COOP is for. */
import { pick } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';

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
            <li key={e.slug} class="tag">
              {pick(e.name, locale)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sectors">
        <h2 id="sectors">{t('home.sectorsHeading')}</h2>
        <ul class="card-grid">
          {sectors.map((s) => (
            <li key={s.slug} class="card">
              <h3 class="card__title">{pick(s.name, locale)}</h3>
              <p>{pick(s.description, locale)}</p>
              <p class="card__meta">{t('home.serviceCount', { count: Number(s.services) })}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="places">
        <h2 id="places">{t('home.placesHeading')}</h2>
        <p>{t('home.placesIntro')}</p>
        <ul class="card-grid">
          {places.map((p) => (
            <li key={p.slug} class="card">
              <h3 class="card__title">{p.name}</h3>
              <p class="card__meta">
                {p.address}, {p.postcode} {p.municipality}
              </p>
              <p>{pick(p.summary, locale)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how">
        <h2 id="how">{t('home.howHeading')}</h2>
        <p>{t('home.howIntro')}</p>
        <ul class="card-grid">
          <li class="card">
            <h3 class="card__title">{t('home.howAssessTitle')}</h3>
            <p>{t('home.howAssess')}</p>
          </li>
          <li class="card">
            <h3 class="card__title">{t('home.howDesignTitle')}</h3>
            <p>{t('home.howDesign')}</p>
          </li>
          <li class="card">
            <h3 class="card__title">{t('home.howDeliverTitle')}</h3>
            <p>{t('home.howDeliver')}</p>
          </li>
          <li class="card">
            <h3 class="card__title">{t('home.howCommissionTitle')}</h3>
            <p>{t('home.howCommission')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}
