/**
 * The catalogue in CPSV-AP 3.2 (the EU Core Public Service Vocabulary Application Profile), as
 * JSON-LD; reading it back is cpsv-ap-import.ts, and the vocabulary both share (namespaces, codes,
 * the `@context`) is cpsv-ap-vocabulary.ts. Written by hand (it is plain JSON): the tests check
 * every export against the SHACL shapes SEMIC publishes with release 3.2.0 (test/fixtures/cpsv-ap).
 *
 * IRIs are stable: `{BASE_URL}/id/service/{identifier}` (the identifier is a UUID that never
 * changes, even when the slug does), `/id/organisation/{slug}`, `/id/sector/{slug}`,
 * `/id/life-event/{slug}`, `/id/municipality/{slug}`. The `@context` is inline, so a consumer
 * needs no network access to read a document.
 *
 * What CPSV-AP has no property for (the slug, the accessibility status) uses the deployment's own
 * namespace `{BASE_URL}/ns#`; the mapping is documented in docs/catalogue-import.md.
 */
import type { ServiceRecord } from './services.queries.js';
import type { Channel, Translated } from './services.model.js';
import { ADMS_STATUS, ATU_TYPE, cpsvContext, EU_CURRENCY, languageIri } from './cpsv-ap-vocabulary.js';

/** An organisation as the export shows it. */
export interface CpsvOrganisation {
  slug: string;
  name: Translated;
  municipality: { slug: string; name: string; inseeCode: string | null } | null;
}

/** The reference data the services point to, by slug. */
export interface CpsvTaxonomy {
  organisations: ReadonlyMap<string, CpsvOrganisation>;
  sectors: ReadonlyMap<string, { slug: string; name: Translated }>;
  lifeEvents: ReadonlyMap<string, { slug: string; name: Translated }>;
}

export interface CpsvOptions {
  baseUrl: string;
  /** The language of the public service pages linked from the export. */
  defaultLocale: string;
  /** The label of a channel type in a language, or null when there is none. */
  channelLabel: (channel: Channel, language: string) => string | null;
  /** The languages channel types are labelled in. */
  locales: readonly string[];
}

/** A JSON-LD document (plain JSON). */
export type JsonLdDocument = Record<string, unknown>;

/** An ISO 8601 duration as xsd:duration, which has no weeks: P2W → P14D, P1Y1W2D → P1Y9D. */
export function xsdDuration(iso: string): string {
  const m = /^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T.*)?$/.exec(iso);
  if (!m?.[3]) return iso;
  const days = parseInt(m[3], 10) * 7 + (m[4] ? parseInt(m[4], 10) : 0);
  return `P${m[1] ?? ''}${m[2] ?? ''}${days}D${m[5] ?? ''}`;
}

const nonEmpty = (t: Translated): boolean => Object.keys(t).length > 0;

/** A multi-line text split into its non-empty lines, per language: line i of every language together. */
function linesByIndex(text: Translated): Translated[] {
  const out: Translated[] = [];
  for (const [lang, value] of Object.entries(text)) {
    value
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .forEach((l, i) => {
        (out[i] ??= {})[lang] = l;
      });
  }
  return out;
}

export const serviceIri = (baseUrl: string, identifier: string) => `${baseUrl}/id/service/${identifier}`;
const organisationIri = (baseUrl: string, slug: string) => `${baseUrl}/id/organisation/${slug}`;
const sectorIri = (baseUrl: string, slug: string) => `${baseUrl}/id/sector/${slug}`;
const lifeEventIri = (baseUrl: string, slug: string) => `${baseUrl}/id/life-event/${slug}`;
const placeIri = (baseUrl: string, o: CpsvOrganisation) =>
  o.municipality ? `${baseUrl}/id/municipality/${o.municipality.slug}` : `${baseUrl}/id/territory`;

/** One service as a cpsv:PublicService node. `related` maps each related slug to its identifier and whether it is in the document. */
function serviceNode(
  s: ServiceRecord,
  taxonomy: CpsvTaxonomy,
  related: ReadonlyMap<string, { identifier: string; inDocument: boolean }>,
  options: CpsvOptions,
): JsonLdDocument {
  const base = options.baseUrl;
  const iri = serviceIri(base, s.identifier);
  const organisation = taxonomy.organisations.get(s.organisation);
  const node: JsonLdDocument = {
    '@id': iri,
    '@type': 'PublicService',
    identifier: s.identifier,
    slug: s.slug,
    name: s.name,
    description: s.description,
    hasCompetentAuthority: organisationIri(base, s.organisation),
    status: { '@id': ADMS_STATUS[s.status], '@type': 'Concept' },
    page: `${base}/${options.defaultLocale}/services/${s.slug}`,
    isAccessibleForFree: s.isFree,
    accessibility: s.accessibility,
  };
  if (nonEmpty(s.summary)) node.abstract = s.summary;
  if (organisation) node.spatial = placeIri(base, organisation);
  if (Object.keys(s.keywords).length > 0) node.keyword = s.keywords;
  if (s.languages.length > 0) node.language = s.languages.map((l) => ({ '@id': languageIri(l), '@type': 'LinguisticSystem' }));
  node.thematicArea = sectorIri(base, s.sector);
  node.sector = sectorIri(base, s.sector);
  if (s.lifeEvents.length > 0) node.isGroupedBy = s.lifeEvents.map((e) => lifeEventIri(base, e));
  node.hasChannel = s.channels.map((c) => {
    const label = Object.fromEntries(
      options.locales.map((l) => [l, options.channelLabel(c, l)] as const).filter((e): e is [string, string] => e[1] !== null),
    );
    const channel: JsonLdDocument = {
      '@id': `${iri}#channel-${c}`,
      '@type': 'Channel',
      identifier: `${s.identifier}-${c}`,
      type: { '@id': `${base}/id/channel-type/${c}`, '@type': 'Concept', notation: c, prefLabel: label },
    };
    if (c === 'online' && s.onlineUrl) channel.url = s.onlineUrl;
    return channel;
  });
  if (s.onlineUrl) node.onlineUrl = s.onlineUrl;
  if (s.processingTime) {
    node.processingTime = xsdDuration(s.processingTime);
    // Weeks are not part of xsd:duration: keep what the editor wrote, for a faithful import.
    if (node.processingTime !== s.processingTime) node.processingTimeAsWritten = s.processingTime;
  }
  const cost: JsonLdDocument = {
    '@id': `${iri}#cost`,
    '@type': 'Cost',
    identifier: `${s.identifier}-cost`,
    currency: { '@id': `${EU_CURRENCY}${s.costCurrency}`, '@type': 'Concept', notation: s.costCurrency },
  };
  if (s.costAmount !== null) cost.hasValue = String(s.costAmount);
  if (nonEmpty(s.costDescription)) cost.description = s.costDescription;
  node.hasCost = cost;
  if (s.contactEmail || s.contactPhone || s.contactPage || nonEmpty(s.contactHours)) {
    const contact: JsonLdDocument = { '@id': `${iri}#contact`, '@type': 'ContactPoint' };
    if (s.contactEmail) contact.email = s.contactEmail;
    if (s.contactPhone) contact.telephone = s.contactPhone;
    if (s.contactPage) contact.contactPage = { '@id': s.contactPage, '@type': 'Document' };
    if (nonEmpty(s.contactHours)) contact.openingHours = { '@id': `${iri}#hours`, '@type': 'TemporalEntity', description: s.contactHours };
    node.contactPoint = contact;
  }
  const requirements = linesByIndex(s.requirements);
  if (requirements.length > 0) {
    node.holdsRequirement = requirements.map((name, i) => ({
      '@id': `${iri}#requirement-${i + 1}`,
      '@type': 'Requirement',
      identifier: `${s.identifier}-requirement-${i + 1}`,
      name,
    }));
  }
  const evidence = linesByIndex(s.evidence);
  if (evidence.length > 0) {
    node.hasInput = evidence.map((name, i) => ({
      '@id': `${iri}#evidence-${i + 1}`,
      '@type': 'Evidence',
      identifier: `${s.identifier}-evidence-${i + 1}`,
      name,
    }));
  }
  if (nonEmpty(s.audience)) node.audience = { '@id': `${iri}#audience`, '@type': 'Concept', definition: s.audience };
  const links = s.related.flatMap((slug) => {
    const r = related.get(slug);
    return r ? [{ iri: serviceIri(base, r.identifier), inDocument: r.inDocument }] : [];
  });
  if (links.length > 0) {
    node.relation = links.map((l) => l.iri);
    // cv:relatedService requires the target to be a described PublicService: only within the document.
    const described = links.filter((l) => l.inDocument).map((l) => l.iri);
    if (described.length > 0) node.relatedService = described;
  }
  if (s.accessibilityUrl) node.accessibilityStatement = s.accessibilityUrl;
  return node;
}

/**
 * The services as one CPSV-AP document: the services, then the organisations, places, sectors and
 * life events they refer to (each once). `known` gives the identifier of every service a related
 * link may point to (a related service missing from it — a draft in a public export — is left out).
 */
export function cpsvDocument(
  services: readonly ServiceRecord[],
  taxonomy: CpsvTaxonomy,
  known: ReadonlyMap<string, string>,
  options: CpsvOptions,
): JsonLdDocument {
  const base = options.baseUrl;
  const inDocument = new Set(services.map((s) => s.slug));
  const related = new Map([...known].map(([slug, identifier]) => [slug, { identifier, inDocument: inDocument.has(slug) }]));
  const graph: JsonLdDocument[] = services.map((s) => serviceNode(s, taxonomy, related, options));
  const organisations = new Set(services.map((s) => s.organisation));
  const places = new Map<string, JsonLdDocument>();
  for (const slug of organisations) {
    const o = taxonomy.organisations.get(slug);
    if (!o) continue;
    const place = placeIri(base, o);
    graph.push({
      '@id': organisationIri(base, slug),
      '@type': 'PublicOrganisation',
      identifier: slug,
      prefLabel: o.name,
      spatial: place,
    });
    if (!places.has(place)) {
      const node: JsonLdDocument = { '@id': place, '@type': [ATU_TYPE, 'Location'] };
      if (o.municipality) {
        node.geographicName = o.municipality.name;
        if (o.municipality.inseeCode) node.identifier = o.municipality.inseeCode;
      }
      places.set(place, node);
    }
  }
  graph.push(...places.values());
  for (const slug of new Set(services.map((s) => s.sector))) {
    const sector = taxonomy.sectors.get(slug);
    if (sector)
      graph.push({
        '@id': sectorIri(base, slug),
        '@type': 'Concept',
        notation: slug,
        prefLabel: sector.name,
        inScheme: `${base}/id/sectors`,
      });
  }
  for (const slug of new Set(services.flatMap((s) => s.lifeEvents))) {
    const event = taxonomy.lifeEvents.get(slug);
    if (event) graph.push({ '@id': lifeEventIri(base, slug), '@type': ['Event', 'LifeEvent'], identifier: slug, name: event.name });
  }
  return { '@context': cpsvContext(base), '@graph': graph };
}
