/**
 * The service page's schema.org description (`GovernmentService` in JSON-LD), so search engines
 * and assistants can answer "how do I apply for…" with the territory's own service: who runs it,
 * where it applies, through which channels, in which languages, how long it takes, what it costs.
 * Texts are in the page's language (the default language's when not translated).
 */
import type { ServiceRecord } from './services.queries.js';
import type { Channel, Translated } from './services.model.js';

/** The organisation responsible, as the page knows it (name already in the page's language). */
export interface JsonLdOrganisation {
  name: string;
  website: string | null;
  email: string | null;
  phone: string | null;
}

/** A Digital Public Space that helps with the service. */
export interface JsonLdPlace {
  name: string;
  address: string;
  postcode: string;
  municipality: string;
  phone: string | null;
}

/** What the builder needs besides the service. */
export interface GovernmentServiceContext {
  /** The page's absolute URL. */
  url: string;
  locale: string;
  defaultLocale: string;
  /** The territory the service is offered in ("Vallée-Verte County"). */
  areaServed: string;
  organisation: JsonLdOrganisation | undefined;
  places: readonly JsonLdPlace[];
  /** Sector name, in the page's language. */
  category?: string | undefined;
  /** Each channel's name in the page's language (the channel code when not given). */
  channelNames?: Partial<Record<Channel, string>>;
}

type Json = Record<string, unknown>;

const text = (t: Translated, ctx: GovernmentServiceContext): string | undefined =>
  t[ctx.locale] || t[ctx.defaultLocale] || Object.values(t).find((v) => v) || undefined;

/** Drops undefined, null, empty strings and empty arrays, so the output has only what is known. */
function compact(o: Json): Json {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

/** The schema.org GovernmentService object for a service (plain data, ready for JSON.stringify). */
export function governmentService(service: ServiceRecord, ctx: GovernmentServiceContext): Json {
  const languages = service.languages.map((code) => ({ '@type': 'Language', alternateName: code }));
  const hours = text(service.contactHours, ctx);
  const contact =
    service.contactPhone || service.contactEmail || service.contactPage
      ? compact({
          '@type': 'ContactPoint',
          telephone: service.contactPhone,
          email: service.contactEmail,
          url: service.contactPage,
          availableLanguage: languages,
          hoursAvailable: hours ? { '@type': 'OpeningHoursSpecification', description: hours } : undefined,
        })
      : undefined;
  const organisation = ctx.organisation
    ? compact({
        '@type': 'GovernmentOrganization',
        name: ctx.organisation.name,
        url: ctx.organisation.website,
        email: ctx.organisation.email,
        telephone: ctx.organisation.phone,
        // The service's own contact point (its phone line, address, opening hours).
        contactPoint: contact,
      })
    : undefined;
  const channel = (code: Channel, extra: Json) =>
    compact({
      '@type': 'ServiceChannel',
      name: ctx.channelNames?.[code] ?? code,
      availableLanguage: languages,
      processingTime: service.processingTime,
      ...extra,
    });
  const channels = service.channels.map((c) => {
    switch (c) {
      case 'online':
        return channel('online', { serviceUrl: service.onlineUrl });
      case 'phone':
        return channel('phone', {
          servicePhone: contact ?? (ctx.organisation?.phone ? { '@type': 'ContactPoint', telephone: ctx.organisation.phone } : undefined),
        });
      case 'dps':
        return channel('dps', {
          servicePlace: ctx.places.map((p) =>
            compact({
              '@type': 'Place',
              name: p.name,
              telephone: p.phone,
              address: { '@type': 'PostalAddress', streetAddress: p.address, postalCode: p.postcode, addressLocality: p.municipality },
            }),
          ),
        });
      case 'in_person':
        return channel('in_person', {});
    }
  });
  const audience = text(service.audience, ctx);
  const costDescription = text(service.costDescription, ctx);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    '@id': ctx.url,
    url: ctx.url,
    identifier: service.identifier,
    name: text(service.name, ctx),
    description: text(service.summary, ctx),
    category: ctx.category,
    provider: organisation,
    serviceOperator: organisation,
    areaServed: { '@type': 'AdministrativeArea', name: ctx.areaServed },
    audience: audience ? { '@type': 'Audience', audienceType: audience } : undefined,
    availableChannel: channels,
    offers: compact({
      '@type': 'Offer',
      price: service.isFree ? 0 : (service.costAmount ?? undefined),
      priceCurrency: service.costCurrency,
      description: costDescription,
    }),
  });
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as \u003c… so no
 * text (a service name containing `</script>`) can end the element, and the line separators that
 * some parsers treat as line ends are escaped too. JSON.parse reads it back unchanged.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
