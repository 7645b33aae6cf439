/**
 * The catalogue in CPSV-AP 3.2 (the EU Core Public Service Vocabulary Application Profile), as
 * JSON-LD, and back. Written by hand (it is plain JSON): the tests check every export against the
 * SHACL shapes SEMIC publishes with release 3.2.0 (test/fixtures/cpsv-ap).
 *
 * IRIs are stable: `{BASE_URL}/id/service/{identifier}` (the identifier is a UUID that never
 * changes, even when the slug does), `/id/organisation/{slug}`, `/id/sector/{slug}`,
 * `/id/life-event/{slug}`, `/id/municipality/{slug}`. The `@context` is inline, so a consumer
 * needs no network access to read a document.
 *
 * What CPSV-AP has no property for (the slug, the accessibility status) uses the deployment's own
 * namespace `{BASE_URL}/ns#`; the mapping is documented in docs/catalogue-import.md.
 */
import type { ServiceRecord } from './services.service.js';
import { SERVICE_STATUSES, type Channel, type ServiceStatus, type Translated } from './services.model.js';

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

const ATU_TYPE = 'http://data.europa.eu/88u/dataset/atu-type';
const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
const EU_CURRENCY = 'http://publications.europa.eu/resource/authority/currency/';
const ISO_639_1 = 'http://id.loc.gov/vocabulary/iso639-1/';

/** ISO 639-1 → the EU Publications Office's language authority code (ISO 639-3 style). */
const EU_LANGUAGE_CODES: Record<string, string> = {
  ar: 'ARA',
  bg: 'BUL',
  ca: 'CAT',
  cs: 'CES',
  da: 'DAN',
  de: 'DEU',
  el: 'ELL',
  en: 'ENG',
  es: 'SPA',
  et: 'EST',
  eu: 'EUS',
  fi: 'FIN',
  fr: 'FRA',
  ga: 'GLE',
  hr: 'HRV',
  hu: 'HUN',
  it: 'ITA',
  lt: 'LIT',
  lv: 'LAV',
  mt: 'MLT',
  nl: 'NLD',
  pl: 'POL',
  pt: 'POR',
  ro: 'RON',
  ru: 'RUS',
  sk: 'SLK',
  sl: 'SLV',
  sv: 'SWE',
  tr: 'TUR',
  uk: 'UKR',
  zh: 'ZHO',
};
const ISO_FROM_EU = new Map(Object.entries(EU_LANGUAGE_CODES).map(([iso, eu]) => [eu, iso]));

/** ADMS status of a service (http://purl.org/adms/status/). */
const ADMS_STATUS: Record<ServiceStatus, string> = {
  draft: 'http://purl.org/adms/status/UnderDevelopment',
  published: 'http://purl.org/adms/status/Completed',
  withdrawn: 'http://purl.org/adms/status/Withdrawn',
};

/** The inline `@context`: namespaces, and terms with their types and language maps. */
export function cpsvContext(baseUrl: string): Record<string, unknown> {
  const lang = (id: string) => ({ '@id': id, '@container': '@language' });
  const ref = (id: string) => ({ '@id': id, '@type': '@id' });
  return {
    cpsv: 'http://purl.org/vocab/cpsv#',
    cv: 'http://data.europa.eu/m8g/',
    dct: 'http://purl.org/dc/terms/',
    dcat: 'http://www.w3.org/ns/dcat#',
    skos: 'http://www.w3.org/2004/02/skos/core#',
    foaf: 'http://xmlns.com/foaf/0.1/',
    schema: 'https://schema.org/',
    locn: 'http://www.w3.org/ns/locn#',
    adms: 'http://www.w3.org/ns/adms#',
    eli: 'http://data.europa.eu/eli/ontology#',
    time: 'http://www.w3.org/2006/time#',
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    ecoop: `${baseUrl}/ns#`,
    PublicService: 'cpsv:PublicService',
    PublicOrganisation: 'cv:PublicOrganisation',
    Channel: 'cv:Channel',
    ContactPoint: 'cv:ContactPoint',
    Cost: 'cv:Cost',
    Requirement: 'cv:Requirement',
    Evidence: 'cv:Evidence',
    Event: 'cv:Event',
    LifeEvent: 'cv:LifeEvent',
    Concept: 'skos:Concept',
    LinguisticSystem: 'dct:LinguisticSystem',
    Location: 'dct:Location',
    Document: 'foaf:Document',
    TemporalEntity: 'time:TemporalEntity',
    identifier: 'dct:identifier',
    name: lang('dct:title'),
    description: lang('dct:description'),
    abstract: lang('dct:abstract'),
    keyword: lang('dcat:keyword'),
    prefLabel: lang('skos:prefLabel'),
    definition: lang('skos:definition'),
    notation: 'skos:notation',
    inScheme: ref('skos:inScheme'),
    geographicName: 'locn:geographicName',
    hasCompetentAuthority: ref('cv:hasCompetentAuthority'),
    spatial: ref('dct:spatial'),
    language: ref('dct:language'),
    thematicArea: ref('cv:thematicArea'),
    sector: ref('cv:sector'),
    isGroupedBy: ref('cv:isGroupedBy'),
    hasChannel: 'cv:hasChannel',
    type: ref('dct:type'),
    contactPoint: 'cv:contactPoint',
    email: 'cv:email',
    telephone: 'cv:telephone',
    contactPage: ref('cv:contactPage'),
    openingHours: 'cv:openingHours',
    hasCost: 'cv:hasCost',
    hasValue: { '@id': 'cv:hasValue', '@type': 'xsd:double' },
    currency: ref('cv:currency'),
    holdsRequirement: 'cv:holdsRequirement',
    hasInput: 'cpsv:hasInput',
    audience: 'dct:audience',
    processingTime: { '@id': 'cv:processingTime', '@type': 'xsd:duration' },
    processingTimeAsWritten: 'ecoop:processingTime',
    status: ref('adms:status'),
    relatedService: ref('cv:relatedService'),
    relation: ref('dct:relation'),
    page: ref('foaf:page'),
    url: ref('schema:url'),
    isAccessibleForFree: { '@id': 'schema:isAccessibleForFree', '@type': 'xsd:boolean' },
    slug: 'ecoop:slug',
    onlineUrl: ref('ecoop:onlineUrl'),
    accessibility: 'ecoop:accessibility',
    accessibilityStatement: ref('ecoop:accessibilityStatement'),
  };
}

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
const languageIri = (code: string) => (EU_LANGUAGE_CODES[code] ? `${EU_LANGUAGE}${EU_LANGUAGE_CODES[code]}` : `${ISO_639_1}${code}`);

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

/** A service read back from a CPSV-AP document, for an import. */
export interface CpsvServiceRow {
  /** Position of the service among the document's public services (1-based): "item N". */
  item: number;
  fields: Record<string, unknown>;
  status: string | null;
  /** Identifiers of related services (from the IRIs). */
  relatedIdentifiers: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const idOf = (v: unknown): string | null => (typeof v === 'string' ? v : isRecord(v) && typeof v['@id'] === 'string' ? v['@id'] : null);
const lastSegment = (iri: string, marker: string): string | null => {
  const at = iri.lastIndexOf(marker);
  return at === -1 ? null : decodeURIComponent(iri.slice(at + marker.length).split(/[#?]/)[0] ?? '');
};
const typesOf = (node: Record<string, unknown>): string[] => asArray(node['@type']).filter((t): t is string => typeof t === 'string');

/** A language map as written (`{"en": "…"}`); anything else is passed on for the validator to refuse. */
function translated(v: unknown): unknown {
  return v === undefined ? {} : v;
}

/** The lines of requirement or evidence nodes, joined per language. */
function joinLines(nodes: unknown): Translated {
  const out: Record<string, string[]> = {};
  for (const n of asArray(nodes)) {
    if (!isRecord(n) || !isRecord(n.name)) continue;
    for (const [lang, text] of Object.entries(n.name)) if (typeof text === 'string') (out[lang] ??= []).push(text);
  }
  return Object.fromEntries(Object.entries(out).map(([l, lines]) => [l, lines.join('\n')]));
}

function languageCode(iri: string): string {
  if (iri.startsWith(EU_LANGUAGE)) return ISO_FROM_EU.get(iri.slice(EU_LANGUAGE.length)) ?? iri;
  if (iri.startsWith(ISO_639_1)) return iri.slice(ISO_639_1.length);
  return iri;
}

/**
 * Reads the public services of a CPSV-AP JSON-LD document as E-COOP exports it (the terms of
 * `cpsvContext`). Returns null when the document is not of that form.
 */
export function servicesFromCpsv(doc: unknown): CpsvServiceRow[] | null {
  const graph = isRecord(doc) ? (Array.isArray(doc['@graph']) ? doc['@graph'] : [doc]) : Array.isArray(doc) ? doc : null;
  if (!graph) return null;
  const services = graph.filter((n): n is Record<string, unknown> => isRecord(n) && typesOf(n).some((t) => /PublicService$/.test(t)));
  return services.map((n, i) => {
    const fields: Record<string, unknown> = {};
    const identifier = typeof n.identifier === 'string' ? n.identifier : null;
    if (identifier) fields.identifier = identifier;
    fields.slug = typeof n.slug === 'string' ? n.slug : '';
    const org = idOf(n.hasCompetentAuthority);
    fields.organisation = org ? (lastSegment(org, '/id/organisation/') ?? '') : '';
    const sector = idOf(n.thematicArea) ?? idOf(n.sector);
    fields.sector = sector ? (lastSegment(sector, '/id/sector/') ?? '') : '';
    fields.lifeEvents = asArray(n.isGroupedBy).map((e) => {
      const id = idOf(e);
      return id ? (lastSegment(id, '/id/life-event/') ?? id) : '';
    });
    fields.name = translated(n.name);
    fields.summary = translated(n.abstract);
    fields.description = translated(n.description);
    fields.audience = isRecord(n.audience) ? translated(n.audience.definition) : {};
    fields.requirements = joinLines(n.holdsRequirement);
    fields.evidence = joinLines(n.hasInput);
    fields.keywords = n.keyword ?? {};
    const channels = asArray(n.hasChannel).map((c) => {
      const type = isRecord(c) ? c.type : undefined;
      const notation = isRecord(type) ? type.notation : undefined;
      const id = idOf(type);
      return typeof notation === 'string' ? notation : id ? (lastSegment(id, '/id/channel-type/') ?? id) : '';
    });
    fields.channels = channels;
    fields.onlineUrl = idOf(n.onlineUrl);
    fields.isFree = n.isAccessibleForFree === undefined ? true : n.isAccessibleForFree;
    const cost = asArray(n.hasCost).find(isRecord);
    fields.costAmount =
      cost && cost.hasValue !== undefined ? Number(isRecord(cost.hasValue) ? cost.hasValue['@value'] : cost.hasValue) : null;
    const currency = cost ? idOf(cost.currency) : null;
    if (currency) fields.costCurrency = currency.startsWith(EU_CURRENCY) ? currency.slice(EU_CURRENCY.length) : currency;
    fields.costDescription = cost ? translated(cost.description) : {};
    const duration = n.processingTimeAsWritten ?? n.processingTime;
    fields.processingTime = typeof duration === 'string' ? duration : null;
    const contact = asArray(n.contactPoint).find(isRecord);
    fields.contactEmail = contact && typeof contact.email === 'string' ? contact.email.replace(/^mailto:/, '') : null;
    fields.contactPhone = contact && typeof contact.telephone === 'string' ? contact.telephone : null;
    fields.contactPage = contact ? idOf(contact.contactPage) : null;
    const hours = contact ? asArray(contact.openingHours).find(isRecord) : undefined;
    fields.contactHours = hours ? translated(hours.description) : {};
    fields.languages = asArray(n.language).map((l) => {
      const id = idOf(l);
      return id ? languageCode(id) : '';
    });
    if (n.accessibility !== undefined) fields.accessibility = n.accessibility;
    fields.accessibilityUrl = idOf(n.accessibilityStatement);
    const statusIri = idOf(n.status);
    const status = statusIri ? (SERVICE_STATUSES.find((s) => ADMS_STATUS[s] === statusIri) ?? statusIri) : null;
    const relatedIdentifiers = asArray(n.relation).flatMap((r) => {
      const id = idOf(r);
      return id ? [lastSegment(id, '/id/service/') ?? id] : [];
    });
    return { item: i + 1, fields, status, relatedIdentifiers };
  });
}
