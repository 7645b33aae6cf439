/**
 * Places as CSV in the "lieux de médiation numérique" Table Schema (LaMednum/standard-mediation-num
 * v1.0.1; the schema itself is schemas/lieux-mediation-numerique.schema.json, against which the
 * tests validate what is written here): the columns in the schema's order, a reader tolerant of
 * real-world files and a writer, and the mapping from a place to a row. Pure: no I/O.
 *
 * Reader: UTF-8 with or without a byte order mark, `,` or `;` between cells (detected on the
 * header line), `"` quotes (doubled inside), line breaks inside quoted cells, LF or CRLF, blank
 * lines skipped. Every record keeps the physical line where it starts, so an import can say
 * "line 14" about a record whose quoted cells span several lines.
 *
 * Writer: RFC 4180 (comma, `"` quotes, CRLF), multi-valued cells joined with `|`, vocabularies as
 * the schema's exact French values.
 */
import { codesFromJson, schemaValue, translatedText, type VocabularyName } from './places.model.js';

/** The schema's columns, in its order. */
export const LIEUX_COLUMNS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;
export type LieuxColumn = (typeof LIEUX_COLUMNS)[number];

/** The columns the schema requires. */
export const LIEUX_REQUIRED: readonly LieuxColumn[] = ['id', 'pivot', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj'];

/** The vocabulary behind each multi-valued column E-COOP stores. */
export const LIEUX_VOCABULARY_COLUMNS = {
  services: 'services',
  publics_specifiquement_adresses: 'publics',
  prise_en_charge_specifique: 'specificSupport',
  frais_a_charge: 'fees',
  modalites_acces: 'accessModes',
  modalites_accompagnement: 'supportModes',
} as const satisfies Partial<Record<LieuxColumn, VocabularyName>>;

/** The separator of multi-valued cells. */
export const LIST_SEPARATOR = '|';

/**
 * `pivot` is required by the schema; a place without a SIRET/RNA is exported with this value (it
 * matches the schema's pattern, and the national mapping tools read it as "no pivot"). The import
 * reads it back as "none".
 */
export const NO_PIVOT = '00000000000000';

/** The values of the `itinerance` column. */
export const ITINERANCE = { mobile: 'Itinérant', fixed: 'Fixe' } as const;

/** One CSV record and the line (1-based) where it starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A problem of the CSV syntax itself, on the record starting at `line`. */
export interface CsvSyntaxError {
  line: number;
  kind: 'unclosedQuote' | 'textAfterQuote';
}

/** `;` when the header line has more semicolons than commas outside quotes, else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text.replace(/^\uFEFF/, '')) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas += 1;
    else if (!quoted && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV text. A record with a syntax error is reported and left out; the records after it are
 * still read. `delimiter` defaults to the detected one.
 */
export function parseCsv(text: string, delimiter: ',' | ';' = detectDelimiter(text)): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  const endOfCell = (i: number) => src[i] === delimiter || src[i] === '\n' || (src[i] === '\r' && src[i + 1] === '\n');
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let broken: CsvSyntaxError['kind'] | null = null;
    for (;;) {
      if (src[i] === '"') {
        i += 1;
        let closed = false;
        while (i < src.length) {
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === '\n') line += 1;
          cell += c;
          i += 1;
        }
        if (!closed) {
          broken = 'unclosedQuote';
          break;
        }
        while (i < src.length && !endOfCell(i)) {
          broken ??= 'textAfterQuote';
          cell += src[i];
          i += 1;
        }
      } else {
        while (i < src.length && !endOfCell(i)) {
          cell += src[i];
          i += 1;
        }
      }
      cells.push(cell);
      cell = '';
      if (i >= src.length) break;
      if (src[i] === delimiter) {
        i += 1;
        continue;
      }
      i += src[i] === '\r' ? 2 : 1;
      line += 1;
      break;
    }
    if (broken) errors.push({ line: start, kind: broken });
    else if (!cells.every((c) => c.trim() === '')) records.push({ line: start, cells });
  }
  return { records, errors };
}

/** Writes one CSV cell: quoted when it holds a comma, a quote, a line break or outer spaces. */
function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records as CSV text with CRLF line ends (RFC 4180), ending with a line end. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The cells of a multi-valued column: split on `|`, trimmed, empty ones dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * A phone number in the schema's form (`+33` and 9 digits, no spaces) when it can be: spaces,
 * dots and dashes are dropped and a leading national `0` becomes `+33`. Null when the result
 * would not match the schema (the column is then left empty).
 */
export function schemaPhone(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/[\s().-]/g, '');
  if (/^0\d{9}$/.test(digits)) digits = `+33${digits.slice(1)}`;
  if (/^0033\d+$/.test(digits)) digits = `+${digits.slice(2)}`;
  digits = digits.replace(/^\+33 ?0/, '+33');
  return /^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)\d{6,9}$/.test(digits) ? digits : null;
}

/** A place as the export reads it (its row, its municipality and organisation names). */
export interface PlaceExportRow {
  slug: string;
  name: string;
  municipality: string;
  municipalityInsee: string | null;
  organisationName: string | null;
  address: string;
  address_complement: string | null;
  postcode: string;
  insee_code: string | null;
  latitude: number | null;
  longitude: number | null;
  opening_hours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  pivot: string | null;
  summary: string;
  details: string;
  mediation_services: string;
  publics: string;
  specific_support: string;
  fees: string;
  access_modes: string;
  support_modes: string;
  mobile: number;
  source: string | null;
  external_id: string | null;
  updated_at: string | Date;
}

/** The id a place has in the exports: the id it was imported with, else its slug (stable). */
export function exportId(place: Pick<PlaceExportRow, 'external_id' | 'slug'>): string {
  return place.external_id ?? place.slug;
}

/** `YYYY-MM-DD` of a stored timestamp. */
export function isoDate(value: string | Date): string {
  return (value instanceof Date ? value.toISOString() : new Date(value).toISOString()).slice(0, 10);
}

function vocabularyCell<V extends VocabularyName>(vocabulary: V, json: string): string {
  return codesFromJson(vocabulary, json)
    .map((c) => schemaValue(vocabulary, c))
    .join(LIST_SEPARATOR);
}

const INSEE = /^([013-9]\d|2[AB1-9])\d{3}$/;

/** `presentation_resume` of a place's translated summary: French, else another language; at most 280 characters. */
export function lieuxResume(summaryJson: string): string {
  const summary = [...translatedText(summaryJson, 'fr').trim()];
  return summary.length > 280 ? summary.slice(0, 279).join('') + '…' : summary.join('');
}

/** `presentation_detail` of a place's translated details: French, else another language. */
export function lieuxDetail(detailsJson: string): string {
  return translatedText(detailsJson, 'fr').trim();
}

/**
 * One place as a row of the schema, in LIEUX_COLUMNS order. `platformName` is the `source` of places
 * that were not imported; `appointmentsUrl` the online booking page (`prise_rdv`) when the place
 * takes bookings online.
 */
export function placeToLieuxRow(place: PlaceExportRow, options: { platformName: string; appointmentsUrl: string | null }): string[] {
  const insee = place.insee_code ?? place.municipalityInsee;
  const values: Record<LieuxColumn, string> = {
    id: exportId(place),
    pivot: place.pivot ?? NO_PIVOT,
    nom: place.name,
    commune: place.municipality,
    code_postal: place.postcode,
    code_insee: insee && INSEE.test(insee) ? insee : '',
    adresse: place.address,
    complement_adresse: place.address_complement ?? '',
    latitude: place.latitude === null ? '' : String(place.latitude),
    longitude: place.longitude === null ? '' : String(place.longitude),
    typologie: '',
    telephone: schemaPhone(place.phone) ?? '',
    courriels: place.email ?? '',
    site_web: place.website ?? '',
    horaires: place.opening_hours ?? '',
    presentation_resume: lieuxResume(place.summary),
    presentation_detail: lieuxDetail(place.details),
    source: place.source ?? options.platformName,
    itinerance: place.mobile ? ITINERANCE.mobile : ITINERANCE.fixed,
    structure_parente: place.organisationName ?? '',
    date_maj: isoDate(place.updated_at),
    services: vocabularyCell('services', place.mediation_services),
    publics_specifiquement_adresses: vocabularyCell('publics', place.publics),
    prise_en_charge_specifique: vocabularyCell('specificSupport', place.specific_support),
    frais_a_charge: vocabularyCell('fees', place.fees),
    dispositif_programmes_nationaux: '',
    formations_labels: '',
    autres_formations_labels: '',
    modalites_acces: vocabularyCell('accessModes', place.access_modes),
    modalites_accompagnement: vocabularyCell('supportModes', place.support_modes),
    fiche_acces_libre: '',
    prise_rdv: options.appointmentsUrl ?? '',
  };
  return LIEUX_COLUMNS.map((c) => values[c]);
}

/** The whole export: header and one row per place. */
export function placesToLieuxCsv(
  places: readonly PlaceExportRow[],
  options: { platformName: string; appointmentsUrl: (slug: string) => string | null },
): string {
  return writeCsv([
    [...LIEUX_COLUMNS],
    ...places.map((p) => placeToLieuxRow(p, { platformName: options.platformName, appointmentsUrl: options.appointmentsUrl(p.slug) })),
  ]);
}
