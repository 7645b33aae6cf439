/**
 * The catalogue as CSV (RFC 4180, UTF-8, comma-separated, `"` quotes, CRLF line ends): a small
 * reader and writer, and the mapping between services and rows. The columns are documented in
 * docs/catalogue-import.md; multi-valued cells are separated by `|`.
 *
 * The reader keeps, for every record, the physical line where it starts, so an import can say
 * "line 14" about a record whose quoted cells span several lines.
 */
import type { ServiceRecord } from './services.queries.js';
import { TRANSLATED_FIELDS, type ServiceInput, type TranslatedField } from './services.model.js';

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

/**
 * Reads CSV text (with or without a byte order mark, LF or CRLF line ends). Quoted cells may hold
 * commas, quotes (doubled) and line breaks. Blank lines are skipped. A record with a syntax error is
 * reported and left out; the records after it are still read.
 */
export function parseCsv(text: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let broken: CsvSyntaxError['kind'] | null = null;
    let endOfRecord = false;
    while (!endOfRecord) {
      if (src[i] === '"') {
        // A quoted cell: up to the next lone quote.
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
        // After the closing quote: a separator, a line end or the end of the text.
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) {
          broken ??= 'textAfterQuote';
          cell += src[i];
          i += 1;
        }
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && !(src[i] === '\r' && src[i + 1] === '\n')) {
          cell += src[i];
          i += 1;
        }
      }
      cells.push(cell);
      cell = '';
      if (i >= src.length) endOfRecord = true;
      else if (src[i] === ',') i += 1;
      else {
        i += src[i] === '\r' ? 2 : 1;
        line += 1;
        endOfRecord = true;
      }
    }
    if (broken) errors.push({ line: start, kind: broken });
    else if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
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

/** The separator of multi-valued cells. */
export const LIST_SEPARATOR = '|';

/** CSV column name of a translated field: `costDescription` → `cost_description`. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The single-valued columns after the translated ones, in order, with the ServiceInput field each holds. */
const TAIL_COLUMNS = [
  ['channels', 'channels'],
  ['online_url', 'onlineUrl'],
  ['is_free', 'isFree'],
  ['cost_amount', 'costAmount'],
  ['cost_currency', 'costCurrency'],
  ['processing_time', 'processingTime'],
  ['contact_email', 'contactEmail'],
  ['contact_phone', 'contactPhone'],
  ['contact_page', 'contactPage'],
  ['languages', 'languages'],
  ['accessibility', 'accessibility'],
  ['accessibility_url', 'accessibilityUrl'],
  ['related', 'related'],
] as const;

const HEAD_COLUMNS = [
  ['identifier', 'identifier'],
  ['slug', 'slug'],
  ['status', 'status'],
  ['organisation', 'organisation'],
  ['sector', 'sector'],
  ['life_events', 'lifeEvents'],
] as const;

/** Languages of the CSV columns: the configured locales first, then any other found in the services. */
export function csvLanguages(services: readonly ServiceInput[], locales: readonly string[]): string[] {
  const others = new Set<string>();
  for (const s of services) {
    for (const f of TRANSLATED_FIELDS) for (const l of Object.keys(s[f])) others.add(l);
    for (const l of Object.keys(s.keywords)) others.add(l);
  }
  for (const l of locales) others.delete(l);
  return [...locales, ...[...others].sort()];
}

/** The header of an export in these languages. */
export function csvHeader(languages: readonly string[]): string[] {
  return [
    ...HEAD_COLUMNS.map(([c]) => c),
    ...TRANSLATED_FIELDS.flatMap((f) => languages.map((l) => `${snakeCase(f)}_${l}`)),
    ...languages.map((l) => `keywords_${l}`),
    ...TAIL_COLUMNS.map(([c]) => c),
  ];
}

/** Formats an amount with two decimals and a dot (12.5 → "12.50"). */
function amount(value: number | null): string {
  return value === null ? '' : value.toFixed(2);
}

/** The catalogue as CSV text, one service per record, in the given order. */
export function servicesToCsv(services: readonly ServiceRecord[], locales: readonly string[]): string {
  const languages = csvLanguages(services, locales);
  const rows = services.map((s) => [
    s.identifier,
    s.slug,
    s.status,
    s.organisation,
    s.sector,
    s.lifeEvents.join(LIST_SEPARATOR),
    ...TRANSLATED_FIELDS.flatMap((f) => languages.map((l) => s[f][l] ?? '')),
    ...languages.map((l) => (s.keywords[l] ?? []).join(LIST_SEPARATOR)),
    s.channels.join(LIST_SEPARATOR),
    s.onlineUrl ?? '',
    s.isFree ? 'yes' : 'no',
    amount(s.costAmount),
    s.costCurrency,
    s.processingTime ?? '',
    s.contactEmail ?? '',
    s.contactPhone ?? '',
    s.contactPage ?? '',
    s.languages.join(LIST_SEPARATOR),
    s.accessibility,
    s.accessibilityUrl ?? '',
    s.related.join(LIST_SEPARATOR),
  ]);
  return writeCsv([csvHeader(languages), ...rows]);
}

/**
 * A record as service fields, for an import. Only the columns present in the file are set, so a
 * file without, say, `contact_hours_fr` leaves that text as it is. `columns` maps each ServiceInput
 * field (`name.fr`, `onlineUrl`…) back to its column, for the report.
 */
export interface CsvServiceRow {
  line: number;
  /** The fields present in the file, in ServiceInput terms (lists split, yes/no and amounts read). */
  fields: Record<string, unknown>;
  /** Translated fields and keywords are given per language: merge them over the current texts. */
  partialLanguages: true;
  status: string | null;
  /** Slugs of related services, or null when the column is absent. */
  related: string[] | null;
}

/** Reading the header: which column holds what. Unknown columns are returned, to be reported. */
export interface CsvLayout {
  index: Map<string, number>;
  unknown: string[];
  duplicate: string[];
}

const KNOWN_SINGLE = new Set<string>([...HEAD_COLUMNS.map(([c]) => c), ...TAIL_COLUMNS.map(([c]) => c)]);
const TRANSLATED_COLUMN = new RegExp(`^(${[...TRANSLATED_FIELDS.map(snakeCase), 'keywords'].join('|')})_([a-z]{2})$`);

/** Maps a header record to column positions. */
export function readCsvHeader(header: readonly string[]): CsvLayout {
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!KNOWN_SINGLE.has(name) && !TRANSLATED_COLUMN.test(name)) unknown.push(raw);
    else if (index.has(name)) duplicate.push(raw);
    else index.set(name, i);
  });
  return { index, unknown, duplicate };
}

const splitList = (cell: string) =>
  cell
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Reads "yes"/"no" (and true/false, 1/0, oui/non); anything else is returned as is, for the validator to refuse. */
function readBoolean(cell: string): unknown {
  const v = cell.trim().toLowerCase();
  if (['yes', 'true', '1', 'oui', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'non', 'n'].includes(v)) return false;
  return cell;
}

/** Reads an amount written with a dot or a comma as decimal separator; an unreadable one stays text. */
function readAmount(cell: string): unknown {
  const v = cell.trim().replace(',', '.');
  if (v === '') return null;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : cell;
}

/** One record as the fields of a service (see CsvServiceRow). */
export function csvRecordToRow(record: CsvRecord, layout: CsvLayout): CsvServiceRow {
  const cell = (column: string): string | undefined => {
    const i = layout.index.get(column);
    return i === undefined ? undefined : (record.cells[i] ?? '');
  };
  const fields: Record<string, unknown> = {};
  const text = (column: string) => {
    const v = cell(column);
    return v === undefined ? undefined : v.trim() === '' ? null : v.trim();
  };
  for (const [column, field] of HEAD_COLUMNS) {
    if (column === 'status') continue;
    const v = cell(column);
    if (v === undefined) continue;
    fields[field] = field === 'lifeEvents' ? splitList(v) : v.trim();
  }
  for (const f of TRANSLATED_FIELDS) {
    const texts: Record<string, string> = {};
    let present = false;
    for (const [column, i] of layout.index) {
      const m = TRANSLATED_COLUMN.exec(column);
      if (m && m[1] === snakeCase(f)) {
        present = true;
        texts[m[2]!] = record.cells[i] ?? '';
      }
    }
    if (present) fields[f satisfies TranslatedField] = texts;
  }
  const keywords: Record<string, string[]> = {};
  let keywordsPresent = false;
  for (const [column, i] of layout.index) {
    const m = TRANSLATED_COLUMN.exec(column);
    if (m && m[1] === 'keywords') {
      keywordsPresent = true;
      keywords[m[2]!] = splitList(record.cells[i] ?? '');
    }
  }
  if (keywordsPresent) fields.keywords = keywords;
  for (const [column, field] of TAIL_COLUMNS) {
    const v = cell(column);
    if (v === undefined || field === 'related') continue;
    if (field === 'channels' || field === 'languages') fields[field] = splitList(v);
    else if (field === 'isFree') {
      if (v.trim() !== '') fields.isFree = readBoolean(v);
    } else if (field === 'costAmount') fields.costAmount = readAmount(v);
    else if (field === 'costCurrency' || field === 'accessibility') {
      if (v.trim() !== '') fields[field] = v.trim();
    } else fields[field] = text(column);
  }
  const identifier = text('identifier');
  if (identifier === null) delete fields.identifier;
  const relatedCell = cell('related');
  const statusCell = cell('status');
  return {
    line: record.line,
    fields,
    partialLanguages: true,
    status: statusCell === undefined || statusCell.trim() === '' ? null : statusCell.trim().toLowerCase(),
    related: relatedCell === undefined ? null : splitList(relatedCell),
  };
}

/** The CSV column of a ServiceInput field, for problems reported on a CSV file (`name.fr` → `name_fr`). */
export function csvColumnOf(field: string): string {
  const [head, lang] = field.split('.');
  if (!head) return field;
  const single = [...HEAD_COLUMNS, ...TAIL_COLUMNS].find(([, f]) => f === head);
  if (single) return single[0];
  return lang ? `${snakeCase(head)}_${lang}` : snakeCase(head);
}
