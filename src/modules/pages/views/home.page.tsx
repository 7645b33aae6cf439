/** The home page: three ways into the catalogue (search, life events, sectors), help nearby, and what E-COOP is for. */
import { pick } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';
import { Button, Card, TextInput } from '../../../ui/components/index.js';

export interface HomePageProps {
  sectors: { slug: string; name: string; description: string; services: number }[];
  lifeEvents: { slug: string; name: string }[];
  places: { slug: string; name: string; address: string; postcode: string; municipality: string; summary: string }[];
}

export function HomePage({ sectors, lifeEvents, places }: HomePageProps) {
  const { t, locale, href } = useUi();
  return (
    <>
      <div class="hero">
        <h1>{t('home.heading')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <form method="get" action={href('/search')} role="search">
          <TextInput id="home-q" name="q" type="search" label={t('search.homeLabel')} hint={t('search.hint')} />
          <Button>{t('search.button')}</Button>
        </form>
        <p>
          <a href={href('/services')}>{t('search.browseAll')}</a>
        </p>
      </div>

      <section aria-labelledby="life-events">
        <h2 id="life-events">{t('home.lifeEventsHeading')}</h2>
        <p>{t('home.lifeEventsIntro')}</p>
        <ul class="card-grid">
          {lifeEvents.map((e) => (
            <Card key={e.slug} title={pick(e.name, locale)} href={href(`/life-events/${e.slug}`)} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="sectors">
        <h2 id="sectors">{t('home.sectorsHeading')}</h2>
        <ul class="card-grid">
          {sectors.map((s) => (
            <Card
              key={s.slug}
              title={pick(s.name, locale)}
              href={href(`/sectors/${s.slug}`)}
              meta={t('home.serviceCount', { count: Number(s.services) })}
            >
              <p>{pick(s.description, locale)}</p>
            </Card>
          ))}
        </ul>
      </section>

      <section aria-labelledby="places">
        <h2 id="places">{t('home.placesHeading')}</h2>
        <p>{t('home.placesIntro')}</p>
        <p>
          <a href={href('/places')}>{t('places.fromHome.findNearest')}</a>
        </p>
        <ul class="card-grid">
          {places.map((p) => (
            <Card key={p.slug} title={p.name} href={href(`/places/${p.slug}`)} meta={`${p.address}, ${p.postcode} ${p.municipality}`}>
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
