/**
 * Reading a CPSV-AP JSON-LD document back into service fields, for an import: the public services
 * of a document as E-COOP exports it (cpsv-ap.ts), each turned into the raw input createService
 * and updateService validate, with its status and the identifiers of its related services.
 */
import { SERVICE_STATUSES, type Translated } from './services.model.js';
import { ADMS_STATUS, EU_CURRENCY, languageCode } from './cpsv-ap-vocabulary.js';

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
