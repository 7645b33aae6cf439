/** A service in a list: its name (the one link), who runs it, its plain summary, how to use it and whether it is free. */
import { pick } from '../../../../platform/i18n.js';
import { Tag } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { Channel } from '../../services.model.js';
import type { ServiceSummary } from '../../public.service.js';
import { Inline } from './text.js';

/** The message key naming each channel, as tags and filters show it. */
export const CHANNEL_LABEL = {
  online: 'services.channels.online',
  dps: 'services.channels.dps',
  phone: 'services.channels.phone',
  in_person: 'services.channels.in_person',
} as const satisfies Record<Channel, string>;

/** The tags of a service: its channels, then "Free". */
export function ServiceTags({ service }: { service: Pick<ServiceSummary, 'channels' | 'isFree'> }) {
  const { t } = useUi();
  return (
    <ul class="tag-list">
      {service.channels.map((c) => (
        <li key={c}>
          <Tag tone="neutral">{t(CHANNEL_LABEL[c])}</Tag>
        </li>
      ))}
      {service.isFree ? (
        <li>
          <Tag tone="success">{t('services.free')}</Tag>
        </li>
      ) : null}
    </ul>
  );
}

/** Props of ServiceCard. */
export interface ServiceCardProps {
  service: ServiceSummary;
  /** Organisation names (translated JSON) by slug. */
  organisations: ReadonlyMap<string, string>;
  defaultLocale: string;
  headingLevel?: 2 | 3;
}

/** One card of a `<ul class="card-grid">`. */
export function ServiceCard({ service, organisations, defaultLocale, headingLevel = 3 }: ServiceCardProps) {
  const { href, locale } = useUi();
  const Heading = `h${headingLevel}` as 'h3';
  const organisation = organisations.get(service.organisation);
  return (
    <li class="card">
      <Heading class="card__title">
        <a href={href(`/services/${service.slug}`)}>
          <Inline text={service.name} defaultLocale={defaultLocale} />
        </a>
      </Heading>
      {organisation ? <p class="card__meta">{pick(organisation, locale, defaultLocale as never)}</p> : null}
      <p>
        <Inline text={service.summary} defaultLocale={defaultLocale} />
      </p>
      <ServiceTags service={service} />
    </li>
  );
}
