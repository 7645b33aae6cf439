/**
 * The service page: what a citizen needs to know to use one e-service, plain language first. What
 * it is and who it is for, what you need, what it costs and how long it takes, how to do it (start
 * online, or get help at a Digital Public Space), whom to contact, who is responsible, whether it is
 * accessible, and related services. Sections without content are left out rather than shown empty.
 */
import type { VNode } from 'preact';
import type { Locale } from '../../../../config.js';
import { pick } from '../../../../platform/i18n.js';
import { Breadcrumbs, type Crumb } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { HelpingPlace, OrganisationInfo, ServiceSummary } from '../../public.service.js';
import type { ServiceRecord } from '../../services.queries.js';
import { formatCost, formatDuration, formatList, languageName } from './format.js';
import { ServiceCard, ServiceTags } from './service-card.js';
import { hasText, Inline, Lines, Paragraphs, Section } from './text.js';

/** Props of ServicePage. */
export interface ServicePageProps {
  service: ServiceRecord;
  organisation: OrganisationInfo | undefined;
  /** The sector and life events, names as translated JSON. */
  sector: { slug: string; name: string } | undefined;
  lifeEvents: { slug: string; name: string }[];
  related: ServiceSummary[];
  places: HelpingPlace[];
  organisationNames: ReadonlyMap<string, string>;
  defaultLocale: Locale;
  /** Sections other modules add to the page (platform/slots.ts `service.page`), after the article. */
  contributions?: VNode[];
}

const ACCESSIBILITY_LABEL = {
  compliant: 'services.page.accessibility.compliant',
  partial: 'services.page.accessibility.partial',
  non_compliant: 'services.page.accessibility.non_compliant',
  unknown: 'services.page.accessibility.unknown',
} as const;

/** "Get help with this": the Digital Public Spaces whose mediators help with this service. */
function HelpNearby({ places, serviceSlug }: { places: HelpingPlace[]; serviceSlug: string }) {
  const { t, href } = useUi();
  // The directory, filtered on this service: nearest first once the person says where they are.
  const findNear = (
    <p>
      <a href={`${href('/places')}?eservice=${encodeURIComponent(serviceSlug)}`}>{t('places.fromService.findNear')}</a>
    </p>
  );
  if (places.length === 0)
    return (
      <>
        <p>{t('services.page.helpNone')}</p>
        {findNear}
      </>
    );
  return (
    <>
      <p>{t('services.page.helpIntro')}</p>
      {findNear}
      <ul class="card-grid">
        {places.map((p) => (
          <li key={p.slug} class="card">
            <h3 class="card__title">
              <a href={href(`/places/${p.slug}`)}>{p.name}</a>
            </h3>
            <p class="card__meta">{`${p.address}, ${p.postcode} ${p.municipality}`}</p>
            {p.phone ? (
              <p>
                {t('services.page.phone')} <a href={`tel:${p.phone.replace(/[^+0-9]/g, '')}`}>{p.phone}</a>
              </p>
            ) : null}
            {p.opening_hours ? (
              <p>
                {t('services.page.openingHours')} {p.opening_hours}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ServicePage(props: ServicePageProps) {
  const { t, href, locale } = useUi();
  const { service: s, organisation, sector, defaultLocale } = props;
  const organisationName = organisation ? pick(organisation.name, locale, defaultLocale) : '';
  const crumbs: Crumb[] = [
    { label: t('services.crumbs.home'), href: href('/') },
    { label: t('services.crumbs.services'), href: href('/services') },
    ...(sector ? [{ label: pick(sector.name, locale, defaultLocale), href: href(`/sectors/${sector.slug}`) }] : []),
    { label: pick(s.name, locale, defaultLocale) },
  ];
  const online = s.channels.includes('online') && s.onlineUrl !== null;
  const hasContact = s.contactEmail || s.contactPhone || s.contactPage || hasText(s.contactHours);
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <article class="prose">
        <h1>
          <Inline text={s.name} defaultLocale={defaultLocale} />
        </h1>
        <Paragraphs text={s.summary} defaultLocale={defaultLocale} lead />
        {organisationName ? <p class="card__meta">{t('services.page.providedBy', { organisation: organisationName })}</p> : null}
        <ServiceTags service={s} />
        {props.lifeEvents.length > 0 ? (
          <p>
            {t('services.page.lifeEvents')}{' '}
            {props.lifeEvents.map((e, i) => (
              <span key={e.slug}>
                {i > 0 ? ', ' : null}
                <a href={href(`/life-events/${e.slug}`)}>{pick(e.name, locale, defaultLocale)}</a>
              </span>
            ))}
          </p>
        ) : null}

        <Section id="what" title={t('services.page.what')}>
          <Paragraphs text={s.description} defaultLocale={defaultLocale} />
        </Section>

        {hasText(s.audience) ? (
          <Section id="who" title={t('services.page.who')}>
            <Paragraphs text={s.audience} defaultLocale={defaultLocale} />
          </Section>
        ) : null}

        {hasText(s.requirements) || hasText(s.evidence) ? (
          <Section id="need" title={t('services.page.need')}>
            {hasText(s.requirements) ? (
              <>
                <h3>{t('services.page.requirements')}</h3>
                <Lines text={s.requirements} defaultLocale={defaultLocale} />
              </>
            ) : null}
            {hasText(s.evidence) ? (
              <>
                <h3>{t('services.page.evidence')}</h3>
                <Lines text={s.evidence} defaultLocale={defaultLocale} />
              </>
            ) : null}
          </Section>
        ) : null}

        <Section id="cost" title={t('services.page.cost')}>
          <p>
            {s.isFree
              ? t('services.page.free')
              : s.costAmount !== null && s.costAmount > 0
                ? t('services.page.costAmount', { amount: formatCost(s.costAmount, s.costCurrency, locale) })
                : t('services.page.costVaries')}
          </p>
          <Paragraphs text={s.costDescription} defaultLocale={defaultLocale} />
        </Section>

        {s.processingTime ? (
          <Section id="time" title={t('services.page.time')}>
            <p>{t('services.page.timeValue', { duration: formatDuration(s.processingTime, locale) })}</p>
          </Section>
        ) : null}

        <Section id="how" title={t('services.page.how')}>
          {online ? (
            <>
              <p>{t('services.page.onlineIntro')}</p>
              <p>
                <a class="button" href={s.onlineUrl ?? undefined} rel="noopener external">
                  {t('services.page.startOnline')}
                </a>
              </p>
              {organisationName ? <p class="card__meta">{t('services.page.onlineNote', { organisation: organisationName })}</p> : null}
            </>
          ) : null}
          {s.channels.includes('phone') && (s.contactPhone || organisation?.phone) ? (
            <p>
              {t('services.page.byPhone')}{' '}
              <a href={`tel:${(s.contactPhone ?? organisation?.phone ?? '').replace(/[^+0-9]/g, '')}`}>
                {s.contactPhone ?? organisation?.phone}
              </a>
            </p>
          ) : null}
          {s.channels.includes('in_person') ? <p>{t('services.page.inPerson', { organisation: organisationName })}</p> : null}
        </Section>

        <Section id="help" title={t('services.page.help')}>
          <HelpNearby places={props.places} serviceSlug={s.slug} />
        </Section>

        {hasContact ? (
          <Section id="contact" title={t('services.page.contact')}>
            <ul>
              {s.contactPhone ? (
                <li>
                  {t('services.page.phone')} <a href={`tel:${s.contactPhone.replace(/[^+0-9]/g, '')}`}>{s.contactPhone}</a>
                </li>
              ) : null}
              {s.contactEmail ? (
                <li>
                  {t('services.page.email')} <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
                </li>
              ) : null}
              {s.contactPage ? (
                <li>
                  <a href={s.contactPage} rel="noopener external">
                    {t('services.page.contactPage')}
                  </a>
                </li>
              ) : null}
            </ul>
            {hasText(s.contactHours) ? (
              <>
                <h3>{t('services.page.hours')}</h3>
                <Lines text={s.contactHours} defaultLocale={defaultLocale} />
              </>
            ) : null}
          </Section>
        ) : null}

        {organisation ? (
          <Section id="organisation" title={t('services.page.organisation')}>
            <p>{organisationName}</p>
            {organisation.website ? (
              <p>
                <a href={organisation.website} rel="noopener external">
                  {t('services.page.website', { organisation: organisationName })}
                </a>
              </p>
            ) : null}
          </Section>
        ) : null}

        {s.languages.length > 0 ? (
          <Section id="languages" title={t('services.page.languages')}>
            <p>
              {formatList(
                s.languages.map((l) => languageName(l, locale)),
                locale,
              )}
            </p>
          </Section>
        ) : null}

        <Section id="accessibility" title={t('services.page.accessibility.heading')}>
          <p>{t(ACCESSIBILITY_LABEL[s.accessibility])}</p>
          {s.accessibilityUrl ? (
            <p>
              <a href={s.accessibilityUrl} rel="noopener external">
                {t('services.page.accessibility.statement')}
              </a>
            </p>
          ) : null}
        </Section>
      </article>

      {props.contributions ?? null}

      {props.related.length > 0 ? (
        <Section id="related" title={t('services.page.related')}>
          <ul class="card-grid">
            {props.related.map((r) => (
              <ServiceCard key={r.slug} service={r} organisations={props.organisationNames} defaultLocale={defaultLocale} />
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
