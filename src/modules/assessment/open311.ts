/**
 * Open311 GeoReport v2 documents (https://wiki.open311.org/GeoReport_v2): the shapes of discovery,
 * service list and definition, service requests, tokens and errors, written as XML (mandatory) or
 * JSON. JSON follows the spec's "Spark convention": the XML with each list's wrapper element
 * dropped, so one value serves both formats and the XML keeps the JSON's key order as element order.
 * Also the mapping of our problem statuses to Open311's two, W3C datetimes and the parsing of the
 * `GET requests` filters. Pure: no database, no request.
 */
import { PROBLEM_CATEGORIES, isOpenStatus, type ProblemCategory, type ProblemStatus } from './assessment.model.js';
import { xmlText } from '../../platform/xml.js';

export const FORMATS = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
export type Format = keyof typeof FORMATS;
export const isFormat = (s: string): s is Format => s === 'xml' || s === 'json';

/** The spec's identifier of the endpoint type (discovery's `specification`). */
export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** A document value: objects keep their key order, which is the XML element order. */
export type Value = string | number | boolean | null | readonly Value[] | { readonly [key: string]: Value };

/** The element of each item of a list, by the list's element (what Spark drops in JSON). */
const ITEM_ELEMENT: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

function element(name: string, value: Value, indent: string): string {
  if (value === null) return `${indent}<${name}></${name}>\n`;
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENT[name];
    if (!item) throw new Error(`No item element for list <${name}>`);
    const inner = (value as readonly Value[]).map((v) => element(item, v, `${indent}  `)).join('');
    return inner ? `${indent}<${name}>\n${inner}${indent}</${name}>\n` : `${indent}<${name}></${name}>\n`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, Value>)
      .map(([k, v]) => element(k, v, `${indent}  `))
      .join('');
    return `${indent}<${name}>\n${inner}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${xmlText(String(value))}</${name}>\n`;
}

/** The XML document whose root element is `root` (a list root's items are named by ITEM_ELEMENT). */
export function toXml(root: string, value: Value): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}`;
}

/** The document in a format. */
export function serialise(format: Format, root: string, value: Value): string {
  return format === 'xml' ? toXml(root, value) : JSON.stringify(value);
}

/** One error of an error document; `code` is the HTTP status unless a more specific code helps. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** An Open311 failure: replied with `status` and the spec's `errors` document. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly Open311ErrorItem[],
  ) {
    super(errors.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
  }
  static of(status: number, description: string): Open311Error {
    return new Open311Error(status, [{ code: status, description }]);
  }
}

export const errorsDocument = (errors: readonly Open311ErrorItem[]): Value =>
  errors.map((e) => ({ code: e.code, description: e.description }));

export interface DiscoveryInput {
  changeset: string;
  contact: string;
  keyService: string;
  /** The endpoint's URL, e.g. `https://ecoop.example/open311/v2`. */
  url: string;
}

export const discoveryDocument = (d: DiscoveryInput): Value => ({
  changeset: d.changeset,
  contact: d.contact,
  key_service: d.keyService,
  endpoints: [
    {
      specification: SPECIFICATION,
      url: d.url,
      changeset: d.changeset,
      type: 'production',
      formats: [FORMATS.xml.split(';')[0]!, FORMATS.json.split(';')[0]!],
    },
  ],
});

/** A published e-service as an Open311 service type (texts already in the reader's locale). */
export interface ServiceEntry {
  code: string;
  name: string;
  description: string;
  keywords: readonly string[];
  group: string;
}

export const serviceListDocument = (services: readonly ServiceEntry[]): Value =>
  services.map((s) => ({
    service_code: s.code,
    service_name: s.name,
    description: s.description,
    metadata: true,
    type: 'realtime',
    keywords: s.keywords.join(', '),
    group: s.group,
  }));

/** The one attribute of every service: the report category, as a required single-value list. */
export const CATEGORY_ATTRIBUTE = 'category';

export const serviceDefinitionDocument = (
  code: string,
  description: string,
  categoryNames: Readonly<Record<ProblemCategory, string>>,
): Value => ({
  service_code: code,
  attributes: [
    {
      variable: true,
      code: CATEGORY_ATTRIBUTE,
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description,
      values: PROBLEM_CATEGORIES.map((key) => ({ key, name: categoryNames[key] })),
    },
  ],
});

export const requestCreatedDocument = (id: number, notice: string): Value => [
  { service_request_id: id, service_notice: notice, account_id: null },
];

export const tokenDocument = (id: number, token: string): Value => [{ service_request_id: id, token }];

/** A problem report as Open311 shows it: never its reporter's name or contact. */
export interface RequestEntry {
  id: number;
  status: ProblemStatus;
  statusNotes: string | null;
  serviceName: string;
  serviceCode: string;
  description: string;
  agency: string;
  /** ISO timestamps as stored. */
  createdAt: string;
  updatedAt: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

export const requestsDocument = (requests: readonly RequestEntry[]): Value =>
  requests.map((r) => ({
    service_request_id: r.id,
    status: open311Status(r.status),
    status_notes: r.statusNotes,
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: w3cDateTime(r.createdAt),
    updated_datetime: w3cDateTime(r.updatedAt),
    expected_datetime: null,
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.latitude,
    long: r.longitude,
    media_url: null,
  }));

/** Open311 knows two statuses: reports someone still has to deal with are open, the others closed. */
export function open311Status(status: ProblemStatus): 'open' | 'closed' {
  return isOpenStatus(status) ? 'open' : 'closed';
}

/** Our statuses behind each Open311 status. */
export const STATUSES_OF: Readonly<Record<'open' | 'closed', readonly ProblemStatus[]>> = {
  open: ['open', 'acknowledged', 'in_progress'],
  closed: ['fixed', 'wont_fix', 'duplicate'],
};

/** A stored ISO timestamp in the W3C profile the spec asks for, to the second (`2010-01-01T00:00:00Z`). */
export function w3cDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** W3C datetimes with a time and a timezone (the spec requires the zone), fractions of a second allowed. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant of a W3C datetime, or null if it is not one. */
export function parseW3cDateTime(s: string): Date | null {
  if (!W3C_DATETIME.test(s)) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
}

export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What `GET requests` asks for, validated. */
export type RequestsFilter = { ids: number[] } | { codes: string[] | null; from: string; to: string; statuses: ProblemStatus[] | null };

/** A query parameter as one string (a repeated parameter is joined with commas, as the spec's lists). */
export function param(query: Record<string, unknown>, name: string): string | undefined {
  const v = query[name];
  const s = Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(',') : typeof v === 'string' ? v : undefined;
  // "Optional" in the spec: an empty parameter is the same as none.
  return s === undefined || s.trim() === '' ? undefined : s.trim();
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * The filters of `GET requests`: `service_request_id` (comma-separated) overrides the others;
 * otherwise the requested datetime range defaults to the 90 days before `end_date` (or now), may
 * not span more than 90 days, and `status` is `open`, `closed` or both. Throws Open311Error 400.
 */
export function parseRequestsQuery(query: Record<string, unknown>, now: Date = new Date()): RequestsFilter {
  const errors: Open311ErrorItem[] = [];
  const bad = (description: string) => errors.push({ code: 400, description });
  const ids = param(query, 'service_request_id');
  if (ids !== undefined) {
    const parts = list(ids);
    if (parts.length === 0 || parts.length > MAX_REQUESTS || !parts.every((p) => /^\d{1,15}$/.test(p))) {
      throw Open311Error.of(400, `service_request_id must be a comma-separated list of at most ${MAX_REQUESTS} request ids`);
    }
    return { ids: [...new Set(parts.map(Number))] };
  }
  const codes = param(query, 'service_code');
  const startRaw = param(query, 'start_date');
  const endRaw = param(query, 'end_date');
  const start = startRaw === undefined ? null : parseW3cDateTime(startRaw);
  const end = endRaw === undefined ? null : parseW3cDateTime(endRaw);
  if (startRaw !== undefined && !start) bad('start_date must be a W3C datetime with a timezone, e.g. 2010-01-01T00:00:00Z');
  if (endRaw !== undefined && !end) bad('end_date must be a W3C datetime with a timezone, e.g. 2010-01-01T00:00:00Z');
  const statusRaw = param(query, 'status');
  const statusWords = statusRaw === undefined ? [] : list(statusRaw);
  if (statusRaw !== undefined && (statusWords.length === 0 || !statusWords.every((s) => s === 'open' || s === 'closed'))) {
    bad('status must be open, closed, or both comma-separated');
  }
  if (errors.length) throw new Open311Error(400, errors);
  let from: Date;
  let to: Date;
  if (start && end) {
    from = start;
    to = end;
  } else if (start) {
    from = start;
    to = new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS);
  } else {
    to = end ?? now;
    from = new Date(to.getTime() - MAX_SPAN_DAYS * DAY_MS);
  }
  if (to.getTime() < from.getTime()) throw Open311Error.of(400, 'end_date is before start_date');
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS)
    throw Open311Error.of(400, `start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);
  const statuses = statusWords.length ? [...new Set(statusWords as ('open' | 'closed')[])].flatMap((s) => STATUSES_OF[s]) : null;
  return { codes: codes === undefined ? null : [...new Set(list(codes))], from: from.toISOString(), to: to.toISOString(), statuses };
}
