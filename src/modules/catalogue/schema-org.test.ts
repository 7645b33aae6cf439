import { describe, expect, it } from 'vitest';
import { demoServiceInput } from './catalogue.service.js';
import { DEMO_SERVICES } from './demo-data.js';
import { governmentService, jsonLdText, type GovernmentServiceContext } from './schema-org.js';
import type { ServiceRecord } from './services.queries.js';
import { formatCost, formatDuration, parseDuration } from './views/public/format.js';

const housing = DEMO_SERVICES.find((s) => s.slug === 'housing-allowance')!;

function record(overrides: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    ...demoServiceInput(housing),
    id: 1,
    identifier: '0b7a1b8e-3f0c-4d4e-9a38-2f6f0d7c1a11',
    organisationId: 1,
    sectorId: 1,
    status: 'published',
    version: 1,
    createdAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
    publishedAt: '2026-11-26T00:00:00.000Z',
    ...overrides,
  };
}

const ctx: GovernmentServiceContext = {
  url: 'https://ecoop.example/fr/services/housing-allowance',
  locale: 'fr',
  defaultLocale: 'en',
  areaServed: 'Département de Vallée-Verte',
  organisation: { name: 'Caisse d’allocations familiales', website: 'https://caf.example/', email: null, phone: '+33 3 00 00 00 00' },
  places: [{ name: 'Médiathèque', address: '1 rue Haute', postcode: '71400', municipality: 'Saint-Aubin', phone: null }],
  category: 'Logement',
  channelNames: { online: 'Entièrement en ligne' },
};

describe('schema.org GovernmentService', () => {
  it('describes the service in the page’s language, and parses back as JSON', () => {
    const data = JSON.parse(jsonLdText(governmentService(record(), ctx))) as Record<string, any>;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('GovernmentService');
    expect(data.name).toBe('Demander une aide au logement');
    expect(data.identifier).toBe('0b7a1b8e-3f0c-4d4e-9a38-2f6f0d7c1a11');
    expect(data.url).toBe(ctx.url);
    expect(data.provider).toEqual(data.serviceOperator);
    expect(data.provider).toMatchObject({
      '@type': 'GovernmentOrganization',
      name: 'Caisse d’allocations familiales',
      telephone: '+33 3 00 00 00 00',
    });
    expect(data.provider.email).toBeUndefined();
    expect(data.areaServed).toEqual({ '@type': 'AdministrativeArea', name: 'Département de Vallée-Verte' });
    expect(data.audience['@type']).toBe('Audience');
    expect(data.offers).toMatchObject({ '@type': 'Offer', price: 0, priceCurrency: 'EUR' });

    const channels = data.availableChannel as Record<string, any>[];
    expect(channels.map((c) => c.name)).toEqual(['Entièrement en ligne', 'dps', 'phone', 'in_person']);
    expect(channels[0]).toMatchObject({ '@type': 'ServiceChannel', serviceUrl: housing.onlineUrl, processingTime: 'P2M' });
    expect(channels[0]!.availableLanguage).toContainEqual({ '@type': 'Language', alternateName: 'ar' });
    expect(channels[1]!.servicePlace[0]).toMatchObject({ '@type': 'Place', name: 'Médiathèque', address: { postalCode: '71400' } });
    expect(channels[2]!.servicePhone).toMatchObject({ '@type': 'ContactPoint', telephone: '+33 3 00 00 01 01' });
    expect(data.provider.contactPoint.hoursAvailable.description).toContain('lundi');
  });

  it('falls back to the default language and leaves out what is unknown', () => {
    const data = governmentService(
      record({
        name: { en: 'Only English' },
        audience: {},
        contactPhone: null,
        contactEmail: null,
        contactPage: null,
        processingTime: null,
        isFree: false,
        costAmount: 12.5,
      }),
      { ...ctx, organisation: undefined, places: [] },
    ) as Record<string, any>;
    expect(data.name).toBe('Only English');
    expect(data.audience).toBeUndefined();
    expect(data.provider).toBeUndefined();
    expect(data.offers.price).toBe(12.5);
    expect((data.availableChannel as Record<string, unknown>[])[0]!.processingTime).toBeUndefined();
    expect((data.availableChannel as Record<string, unknown>[])[1]!.servicePlace).toBeUndefined();
  });

  it('cannot be broken out of its script element', () => {
    const text = jsonLdText(governmentService(record({ name: { fr: '</script><script>alert(1)</script> & co\u2028' } }), ctx));
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect((JSON.parse(text) as { name: string }).name).toBe('</script><script>alert(1)</script> & co\u2028');
  });
});

describe('service facts in words', () => {
  it('reads ISO 8601 durations in the reader’s language', () => {
    expect(parseDuration('P2W3D')).toEqual([
      { unit: 'week', value: 2 },
      { unit: 'day', value: 3 },
    ]);
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
    expect(parseDuration('two weeks')).toBeNull();
    expect(formatDuration('P2W3D', 'en')).toBe('2 weeks and 3 days');
    expect(formatDuration('PT1H30M', 'fr').replace(/\s/g, ' ')).toBe('1 heure et 30 minutes');
    expect(formatDuration('P1D', 'en')).toBe('1 day');
    expect(formatDuration('nonsense', 'en')).toBe('nonsense');
  });

  it('formats amounts as money, without decimals when whole', () => {
    expect(formatCost(30, 'EUR', 'en')).toBe('€30');
    expect(formatCost(12.5, 'EUR', 'en')).toBe('€12.50');
    expect(formatCost(12.5, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('12,50 €');
  });
});
