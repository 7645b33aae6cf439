/**
 * The CPSV-AP export is checked against the SHACL shapes SEMIC publishes with CPSV-AP 3.2.0, with
 * an RDF SHACL validator, on every demo service and on a service with every field filled.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { validateCpsv, type ShaclResult } from '../../../test/fixtures/cpsv-ap/validate.js';
import { cpsvExport, exportCatalogue, servicesInScope, type ExportSettings } from './catalogue-export.js';
import { servicesFromCpsv } from './cpsv-ap-import.js';
import { xsdDuration, type JsonLdDocument } from './cpsv-ap.js';
import { findService, inputOf } from './services.queries.js';
import { createService } from './services.service.js';
import type { ServiceInput } from './services.model.js';

const settings: ExportSettings = { baseUrl: 'https://ecoop.example.org', defaultLocale: 'en', locales: ['en', 'fr'] };

/** Fails with the violations listed, so a broken mapping says what to fix. */
function expectConforms(result: ShaclResult): void {
  expect(result.violations, result.violations.join('\n')).toEqual([]);
  expect(result.conforms).toBe(true);
}

/** A service with every field filled, in three languages. */
const FULL: ServiceInput = {
  identifier: '0b9d7c1e-5f1a-4c3e-9a7b-2d4e6f8a0c12',
  slug: 'every-field',
  organisation: 'county-council',
  sector: 'education',
  lifeEvents: ['starting-education', 'moving'],
  name: { en: 'Every field', fr: 'Tous les champs', de: 'Alle Felder' },
  summary: { en: 'A service with every field.', fr: 'Un service avec tous les champs.' },
  description: { en: 'Long text.\n\nSecond paragraph <script>.', fr: 'Texte long.' },
  audience: { en: 'Everyone', fr: 'Tout le monde' },
  requirements: { en: 'Live here\nBe over 18', fr: 'Habiter ici\nAvoir 18 ans' },
  evidence: { en: 'ID card\nProof of address', fr: 'Carte d’identité' },
  keywords: { en: ['one', 'two'], fr: ['un'] },
  channels: ['online', 'dps', 'phone', 'in_person'],
  onlineUrl: 'https://service.example.org/start',
  isFree: false,
  costAmount: 12,
  costCurrency: 'EUR',
  costDescription: { en: 'Per child', fr: 'Par enfant' },
  processingTime: 'P2W',
  contactEmail: 'contact@example.org',
  contactPhone: '+33 1 23 45 67 89',
  contactPage: 'https://example.org/contact',
  contactHours: { en: 'Weekdays 9:00–17:00', fr: 'En semaine 9 h–17 h' },
  languages: ['fr', 'en', 'kw'],
  accessibility: 'partial',
  accessibilityUrl: 'https://example.org/accessibility',
  related: ['apply-for-a-school-bus-pass'],
};

describeEachDatabase('CPSV-AP 3.2 export', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    await createService(t.app.db, 'cli', FULL, { defaultLocale: 'en', status: 'published', audit: {} });
  });
  afterAll(async () => t?.close());

  it('the whole catalogue (every demo service, drafts included) conforms to the SEMIC shapes', async () => {
    const doc = JSON.parse(await exportCatalogue(t.app.db, 'jsonld', 'all', settings)) as JsonLdDocument;
    const services = (doc['@graph'] as JsonLdDocument[]).filter((n) => n['@type'] === 'PublicService');
    expect(services.length).toBeGreaterThanOrEqual(10);
    const result = await validateCpsv(doc);
    expectConforms(result);
    expect(result.triples).toBeGreaterThan(1000);
  });

  it('each service alone conforms too, including the one with every field filled', async () => {
    for (const service of await servicesInScope(t.app.db, 'published')) {
      expectConforms(await validateCpsv(await cpsvExport(t.app.db, [service], 'published', settings)));
    }
  });

  it('maps every field of a full service to its CPSV-AP property', async () => {
    const full = (await findService(t.app.db, { slug: 'every-field' }))!;
    const doc = await cpsvExport(t.app.db, [full], 'published', settings);
    const node = (doc['@graph'] as JsonLdDocument[])[0]!;
    expect(node['@id']).toBe(`https://ecoop.example.org/id/service/${FULL.identifier}`);
    expect(node.identifier).toBe(FULL.identifier);
    expect(node.name).toEqual(FULL.name);
    expect(node.hasCompetentAuthority).toBe('https://ecoop.example.org/id/organisation/county-council');
    expect(node.processingTime).toBe('P14D');
    expect(node.language).toContainEqual({
      '@id': 'http://publications.europa.eu/resource/authority/language/FRA',
      '@type': 'LinguisticSystem',
    });
    expect((node.holdsRequirement as unknown[]).length).toBe(2);
    expect(node.hasCost).toMatchObject({
      hasValue: '12',
      currency: { '@id': 'http://publications.europa.eu/resource/authority/currency/EUR' },
    });
    expect(node.relation).toHaveLength(1);
    // The related service is not described in a one-service document: no cv:relatedService then.
    expect(node.relatedService).toBeUndefined();
    const organisation = (doc['@graph'] as JsonLdDocument[]).find((n) => n['@type'] === 'PublicOrganisation')!;
    expect(organisation.spatial).toBe('https://ecoop.example.org/id/municipality/saint-aubin-sur-verte');
  });

  it('reads its own export back into the same services', async () => {
    const services = await servicesInScope(t.app.db, 'all');
    const rows = servicesFromCpsv(await cpsvExport(t.app.db, services, 'all', settings))!;
    expect(rows).toHaveLength(services.length);
    const full = rows.find((r) => r.fields.slug === 'every-field')!;
    const { related: _related, ...expected } = inputOf(services.find((s) => s.slug === 'every-field')!);
    expect(full.fields).toEqual(expected);
    expect(full.status).toBe('published');
    const bus = services.find((s) => s.slug === 'apply-for-a-school-bus-pass')!;
    expect(full.relatedIdentifiers).toEqual([bus.identifier]);
  });

  it('really validates: without identifier or competent authority a service does not conform', async () => {
    const full = (await findService(t.app.db, { slug: 'every-field' }))!;
    const doc = await cpsvExport(t.app.db, [full], 'published', settings);
    const broken = structuredClone(doc);
    const node = (broken['@graph'] as JsonLdDocument[])[0]!;
    delete node.identifier;
    delete node.hasCompetentAuthority;
    node.processingTime = 'two weeks';
    const result = await validateCpsv(broken);
    expect(result.conforms).toBe(false);
    const text = result.violations.join('\n');
    expect(text).toContain('http://purl.org/dc/terms/identifier');
    expect(text).toContain('http://data.europa.eu/m8g/hasCompetentAuthority');
    expect(text).toContain('http://data.europa.eu/m8g/processingTime');
  });

  it('a competent authority that is not a described PublicOrganisation is refused', async () => {
    const full = (await findService(t.app.db, { slug: 'every-field' }))!;
    const doc = await cpsvExport(t.app.db, [full], 'published', settings);
    doc['@graph'] = (doc['@graph'] as JsonLdDocument[]).filter((n) => n['@type'] !== 'PublicOrganisation');
    const result = await validateCpsv(doc);
    expect(result.conforms).toBe(false);
    expect(result.violations.join('\n')).toContain('hasCompetentAuthority');
  });
});

it('turns ISO 8601 weeks into days, which xsd:duration has no unit for', () => {
  expect(xsdDuration('P2W')).toBe('P14D');
  expect(xsdDuration('P1Y1W2DT3H')).toBe('P1Y9DT3H');
  expect(xsdDuration('P3D')).toBe('P3D');
  expect(xsdDuration('PT2H')).toBe('PT2H');
});
