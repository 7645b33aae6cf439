/**
 * The CPSV-AP 3.2 vocabulary the export (cpsv-ap.ts) writes and the import (cpsv-ap-import.ts)
 * reads back: the authority tables' namespaces, EU language codes, ADMS statuses and the inline
 * JSON-LD `@context` with its terms.
 */
import type { ServiceStatus } from './services.model.js';

/** The EU administrative-territorial-unit type of the places services are offered in. */
export const ATU_TYPE = 'http://data.europa.eu/88u/dataset/atu-type';
const EU_LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
/** The EU Publications Office's currency authority table (followed by an ISO 4217 code). */
export const EU_CURRENCY = 'http://publications.europa.eu/resource/authority/currency/';
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
export const ADMS_STATUS: Record<ServiceStatus, string> = {
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

/** The IRI of a language: the EU authority's when it has the language, else the Library of Congress's ISO 639-1. */
export const languageIri = (code: string) => (EU_LANGUAGE_CODES[code] ? `${EU_LANGUAGE}${EU_LANGUAGE_CODES[code]}` : `${ISO_639_1}${code}`);

/** The ISO 639-1 code of a language IRI (either authority); any other IRI is returned as it is. */
export function languageCode(iri: string): string {
  if (iri.startsWith(EU_LANGUAGE)) return ISO_FROM_EU.get(iri.slice(EU_LANGUAGE.length)) ?? iri;
  if (iri.startsWith(ISO_639_1)) return iri.slice(ISO_639_1.length);
  return iri;
}
