/**
 * Importing places from a CSV file in the "lieux de médiation numérique" Table Schema (v1.0.1; see
 * places-csv.ts and docs/places-data.md).
 *
 * Every row is checked first — the file's syntax, the schema's rules (required fields, patterns,
 * vocabularies), the municipality (looked up in the territory), the opening hours (the
 * opening-hours check, with its localised message) and every rule of the one write path
 * (validatePlaceInput) — and every problem is reported with its line (where the record starts),
 * its column and the reason. When a row is invalid nothing is written, unless `skipInvalid`: then
 * the valid rows are. Rows are written through createPlace / updatePlace (validated, audited),
 * matched on the file's `id` (a place's external id; or the slug of a place E-COOP exported
 * itself); a row that changes nothing writes nothing, so importing the same file twice is a no-op.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import type { MessageKey, Translate } from '../../platform/i18n.js';
import { checkOpeningHours } from './opening-hours.js';
import {
  ITINERANCE,
  lieuxDetail,
  lieuxResume,
  LIEUX_COLUMNS,
  LIEUX_REQUIRED,
  LIEUX_VOCABULARY_COLUMNS,
  NO_PIVOT,
  parseCsv,
  schemaPhone,
  splitList,
  type LieuxColumn,
} from './places-csv.js';
import { codeOfSchemaValue, codesFromJson, type VocabularyCode } from './places.model.js';
import type { PlacesActor } from './places.policy.js';
import { createPlace, placeClock, updatePlace, validatePlaceInput, type PlaceInput } from './places.write.js';
import './places.tables.js';

/** One problem or warning: the line where the record starts (1 = header), the column, the reason. */
export interface PlacesImportProblem {
  line: number;
  field: string;
  reason: string;
}

export interface PlacesImportReport {
  /** Data rows read (records after the header, broken ones included). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows with at least one problem (not written). */
  invalid: number;
  problems: PlacesImportProblem[];
  /** Worth knowing, not blocking (unknown columns, missing coordinates…). */
  warnings: PlacesImportProblem[];
  /** Nothing was written: invalid rows without skipInvalid, or a problem with the whole file. */
  stopped: boolean;
}

export interface PlacesImportOptions {
  /** Import the valid rows even when others are invalid. */
  skipInvalid?: boolean;
  /** The `source` of every imported place (else the file's `source` column). */
  source?: string | null;
  /** The platform's own name: a `source` equal to it means "made here" (no source). */
  platformName: string;
  /** An admin (createPlace needs `place.create`). */
  actor: PlacesActor;
  /** Audit details of the whole run; null for the command line (a run id is made up). */
  context: AuditContext | null;
  /** Reasons are written with `t` in `locale` (English for the command line). */
  t: Translate;
  locale: string;
}

/** A checked row, ready to write. */
interface PlannedRow {
  line: number;
  input: PlaceInput;
  currentId: number | null;
  changed: boolean;
}

/** The CSV column that holds each PlaceInput field (validation errors are reported by column). */
const COLUMN_OF: Record<string, LieuxColumn | ''> = {
  name: 'nom',
  slug: 'id',
  municipalityId: 'commune',
  organisationId: 'structure_parente',
  address: 'adresse',
  addressComplement: 'complement_adresse',
  postcode: 'code_postal',
  inseeCode: 'code_insee',
  latitude: 'latitude',
  longitude: 'longitude',
  openingHours: 'horaires',
  phone: 'telephone',
  email: 'courriels',
  website: 'site_web',
  pivot: 'pivot',
  summary: 'presentation_resume',
  details: 'presentation_detail',
  services: 'services',
  publics: 'publics_specifiquement_adresses',
  specificSupport: 'prise_en_charge_specifique',
  fees: 'frais_a_charge',
  accessModes: 'modalites_acces',
  supportModes: 'modalites_accompagnement',
  mobile: 'itinerance',
  source: 'source',
  externalId: 'id',
};

const columnOf = (field: string): string => COLUMN_OF[field.split('.')[0]!] ?? field;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Case, accents, punctuation and spacing removed: `Saint-Aubin-sur-Verte` ≈ `SAINT AUBIN SUR VERTE`. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A number written with a dot or a decimal comma; null when empty; NaN when not a number. */
function parseNumber(value: string): number | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? Number(v) : Number.NaN;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A stored place as PlaceInput (to merge an import row over, and to tell whether it changes). */
function inputOfPlace(p: {
  name: string;
  slug: string;
  municipality_id: number;
  organisation_id: number | null;
  address: string;
  address_complement: string | null;
  postcode: string;
  insee_code: string | null;
  latitude: number | null;
  longitude: number | null;
  country: string;
  region: string | null;
  time_zone: string;
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
  equipment: string;
  accessibility: string;
  mobile: number;
  source: string | null;
  external_id: string | null;
}): PlaceInput {
  const json = (v: string): Record<string, string> => {
    try {
      const o = JSON.parse(v) as unknown;
      return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    name: p.name,
    municipalityId: p.municipality_id,
    organisationId: p.organisation_id,
    address: p.address,
    addressComplement: p.address_complement,
    postcode: p.postcode,
    inseeCode: p.insee_code,
    latitude: p.latitude === null ? null : Number(p.latitude),
    longitude: p.longitude === null ? null : Number(p.longitude),
    country: p.country,
    region: p.region,
    timeZone: p.time_zone,
    openingHours: p.opening_hours,
    phone: p.phone,
    email: p.email,
    website: p.website,
    pivot: p.pivot,
    summary: json(p.summary),
    details: json(p.details),
    mobile: Number(p.mobile) === 1,
    source: p.source,
    externalId: p.external_id,
    services: codesFromJson('services', p.mediation_services),
    publics: codesFromJson('publics', p.publics),
    specificSupport: codesFromJson('specificSupport', p.specific_support),
    fees: codesFromJson('fees', p.fees),
    accessModes: codesFromJson('accessModes', p.access_modes),
    supportModes: codesFromJson('supportModes', p.support_modes),
    equipment: codesFromJson('equipment', p.equipment),
    accessibility: codesFromJson('accessibility', p.accessibility),
  };
}

/** A comparable form of an input (what a write would store). */
function fingerprint(input: PlaceInput): string {
  const { slug: _slug, ...rest } = input;
  const sorted = Object.fromEntries(
    Object.entries(rest)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Array.isArray(v) ? [...new Set(v as string[])] : v && typeof v === 'object' ? Object.entries(v).sort() : v]),
  );
  return JSON.stringify(sorted);
}

/** Checks then (unless stopped) writes the places of `text`. */
export async function importPlaces(db: Db, text: string, options: PlacesImportOptions): Promise<PlacesImportReport> {
  const { t } = options;
  const report: PlacesImportReport = {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    invalid: 0,
    problems: [],
    warnings: [],
    stopped: false,
  };
  const problem = (line: number, field: string, reason: string) => ({ line, field, reason });

  // The file: syntax, header.
  const { records, errors } = parseCsv(text);
  const broken = errors.map((e) => problem(e.line, '', t(`placesData.errors.${e.kind}`)));
  const [header, ...body] = records;
  report.rows = body.length + broken.length;
  report.problems.push(...broken);
  if (!header) {
    report.problems.push(problem(1, '', t('placesData.errors.emptyFile')));
    report.stopped = true;
    return report;
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<LieuxColumn, number>();
  const fileProblems: PlacesImportProblem[] = [];
  names.forEach((name, i) => {
    if (!(LIEUX_COLUMNS as readonly string[]).includes(name)) {
      if (name !== '') report.warnings.push(problem(header.line, header.cells[i]!.trim(), t('placesData.warnings.unknownColumn')));
      return;
    }
    const column = name as LieuxColumn;
    if (index.has(column)) fileProblems.push(problem(header.line, column, t('placesData.errors.duplicateColumn')));
    else index.set(column, i);
  });
  for (const column of LIEUX_REQUIRED) {
    if (!index.has(column)) fileProblems.push(problem(header.line, column, t('placesData.errors.missingColumn')));
  }
  if (fileProblems.length > 0 || report.rows === 0) {
    if (fileProblems.length === 0) fileProblems.push(problem(header.line, '', t('placesData.errors.noRows')));
    report.problems.push(...fileProblems);
    report.stopped = true;
    report.invalid = report.rows;
    return report;
  }

  // What the database holds.
  const municipalities = await db.selectFrom('municipalities').select(['id', 'name', 'postcode', 'insee_code']).execute();
  const organisations = (await db.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => {
    let names: string[] = [];
    try {
      names = Object.values(JSON.parse(o.name) as Record<string, string>);
    } catch {
      names = [o.name];
    }
    return { id: o.id, names: names.map(normaliseName) };
  });
  const places = await db.selectFrom('places').selectAll().execute();
  const byExternalId = new Map(places.filter((p) => p.external_id !== null).map((p) => [p.external_id!, p]));
  const bySlug = new Map(places.map((p) => [p.slug, p]));
  const takenSlugs = new Set(places.map((p) => p.slug));
  const seenIds = new Map<string, number>();

  const planned: PlannedRow[] = [];
  let invalidRows = broken.length;
  for (const record of body) {
    const line = record.line;
    const rowProblems: PlacesImportProblem[] = [];
    const fail = (column: string, reason: string) => rowProblems.push(problem(line, column, reason));
    const warn = (column: string, reason: string) => report.warnings.push(problem(line, column, reason));
    const extra = record.cells.slice(names.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      fail('', t('placesData.errors.cellCount', { found: record.cells.length, expected: names.length }));
      report.problems.push(...rowProblems);
      invalidRows += 1;
      continue;
    }
    const cell = (column: LieuxColumn): string => {
      const i = index.get(column);
      return i === undefined ? '' : (record.cells[i] ?? '').trim();
    };

    // The schema's own rules.
    for (const column of LIEUX_REQUIRED) if (cell(column) === '') fail(column, t('placesData.errors.required'));
    const id = cell('id');
    if (id) {
      const first = seenIds.get(id);
      if (first !== undefined) fail('id', t('placesData.errors.duplicateId', { line: first }));
      else seenIds.set(id, line);
    }
    const pivotCell = cell('pivot');
    if (pivotCell && !/^[a-zA-Z0-9]{9,14}$/.test(pivotCell)) fail('pivot', t('placesData.errors.pivot', { value: pivotCell }));
    const postcode = cell('code_postal');
    if (postcode && !/^\d{5}$/.test(postcode)) fail('code_postal', t('placesData.errors.postcode', { value: postcode }));
    const insee = cell('code_insee');
    if (insee && !/^([013-9]\d|2[AB1-9])\d{3}$/.test(insee)) fail('code_insee', t('placesData.errors.insee', { value: insee }));
    const dateMaj = cell('date_maj');
    if (dateMaj && !isIsoDate(dateMaj)) fail('date_maj', t('placesData.errors.date', { value: dateMaj }));
    const coordinates: Record<'latitude' | 'longitude', number | null> = { latitude: null, longitude: null };
    for (const column of ['latitude', 'longitude'] as const) {
      const n = parseNumber(cell(column));
      if (Number.isNaN(n)) fail(column, t('placesData.errors.number', { value: cell(column) }));
      else coordinates[column] = n;
    }
    if (cell('latitude') === '' && cell('longitude') === '') warn('latitude', t('placesData.warnings.noCoordinates'));
    const resume = cell('presentation_resume');
    if ([...resume].length > 280) fail('presentation_resume', t('placesData.errors.maxLength', { max: 280 }));
    let mobile = false;
    for (const value of splitList(cell('itinerance'))) {
      if (value === ITINERANCE.mobile) mobile = true;
      else if (value !== ITINERANCE.fixed) fail('itinerance', t('placesData.errors.unknownValue', { value }));
    }
    const lists: Record<string, string[]> = {};
    for (const [column, vocabulary] of Object.entries(LIEUX_VOCABULARY_COLUMNS) as [keyof typeof LIEUX_VOCABULARY_COLUMNS, never][]) {
      lists[column] = [];
      for (const value of splitList(cell(column))) {
        const code = codeOfSchemaValue(vocabulary, value);
        if (code === null) fail(column, t('placesData.errors.unknownValue', { value }));
        else lists[column]!.push(code);
      }
    }
    const firstOf = (column: LieuxColumn): string | null => {
      const values = cell(column)
        .split(/[|;]/)
        .map((v) => v.trim())
        .filter(Boolean);
      if (values.length > 1) warn(column, t('placesData.warnings.onlyFirst', { value: values[0]! }));
      return values[0] ?? null;
    };
    const email = firstOf('courriels');
    const website = firstOf('site_web');

    // The municipality: by INSEE code, else by postcode and name.
    const communeName = cell('commune');
    let municipalityId: number | null = null;
    let municipalityInsee: string | null = null;
    if (communeName) {
      const wanted = normaliseName(communeName);
      const match =
        (insee ? municipalities.find((m) => m.insee_code === insee) : undefined) ??
        municipalities.find((m) => m.postcode === postcode && normaliseName(m.name) === wanted);
      if (match) {
        municipalityId = match.id;
        municipalityInsee = match.insee_code;
      } else fail('commune', t('placesData.errors.unknownCommune', { value: communeName }));
    }

    // Which place the row is: its external id, or (a file E-COOP exported) the slug of a place that has none.
    const rowSource = options.source ?? (cell('source') && cell('source') !== options.platformName ? cell('source') : null);
    const current = id ? (byExternalId.get(id) ?? (bySlug.get(id)?.external_id === null ? bySlug.get(id) : undefined)) : undefined;
    if (current && current.source !== null && rowSource !== null && current.source !== rowSource)
      fail('id', t('placesData.errors.otherSource', { source: current.source }));

    // Opening hours: the check's own localised message.
    const horaires = cell('horaires');
    const clockOf = current ? { country: current.country, region: current.region, timeZone: current.time_zone } : null;
    const clock = clockOf ?? { country: 'FR', region: null, timeZone: 'Europe/Paris' };
    if (horaires) {
      const check = checkOpeningHours(
        horaires,
        placeClock({ ...clock, latitude: coordinates.latitude, longitude: coordinates.longitude }),
        options.locale,
      );
      if (check.error) fail('horaires', t(check.error.key, check.error.values));
      for (const warning of check.warnings) warn('horaires', warning);
    }

    {
      const base = current ? inputOfPlace(current) : null;
      const detail = cell('presentation_detail');
      const serviceNames = splitList(cell('services')).join(', ');
      const summary = [...(resume || detail || serviceNames)].slice(0, 280).join('').trim();
      // A cell that reads as the export writes the stored value leaves that value as it is (so
      // importing E-COOP's own export changes nothing): phone numbers written in the schema's
      // form, the municipality's INSEE code, texts in another language than French.
      const phoneCell = cell('telephone');
      const phone = base?.phone && (base.phone === phoneCell || schemaPhone(base.phone) === phoneCell) ? base.phone : phoneCell || null;
      const inseeCode = base && base.inseeCode === null && insee !== '' && insee === municipalityInsee ? null : insee || null;
      const keepSummary = base !== null && resume === lieuxResume(JSON.stringify(base.summary));
      const keepDetails = base !== null && detail === lieuxDetail(JSON.stringify(base.details));
      const parent = normaliseName(cell('structure_parente'));
      const input: PlaceInput = {
        name: cell('nom'),
        // An unknown municipality is reported above; 0 stands in for it while the other rules are checked.
        municipalityId: municipalityId ?? 0,
        // `structure_parente` names the network or body the place belongs to: linked when it is a known organisation.
        organisationId: (parent ? organisations.find((o) => o.names.includes(parent))?.id : undefined) ?? base?.organisationId ?? null,
        address: cell('adresse'),
        addressComplement: cell('complement_adresse') || null,
        postcode,
        inseeCode,
        latitude: coordinates.latitude,
        longitude: coordinates.longitude,
        country: clock.country,
        region: clock.region,
        timeZone: clock.timeZone,
        openingHours: horaires || null,
        phone,
        email,
        website,
        pivot: pivotCell && pivotCell !== NO_PIVOT ? pivotCell : null,
        summary: keepSummary ? base.summary : { ...(base?.summary ?? {}), fr: summary },
        details: keepDetails
          ? base.details
          : detail
            ? { ...(base?.details ?? {}), fr: detail }
            : Object.fromEntries(Object.entries(base?.details ?? {}).filter(([k]) => k !== 'fr')),
        mobile,
        source: rowSource,
        externalId: current && current.external_id === null && current.slug === id ? null : id,
        services: lists.services as VocabularyCode<'services'>[],
        publics: lists.publics_specifiquement_adresses as VocabularyCode<'publics'>[],
        specificSupport: lists.prise_en_charge_specifique as VocabularyCode<'specificSupport'>[],
        fees: lists.frais_a_charge as VocabularyCode<'fees'>[],
        accessModes: lists.modalites_acces as VocabularyCode<'accessModes'>[],
        supportModes: lists.modalites_accompagnement as VocabularyCode<'supportModes'>[],
        equipment: base?.equipment ?? [],
        accessibility: base?.accessibility ?? [],
      };
      if (!current && SLUG.test(id) && id.length <= 80 && !takenSlugs.has(id)) input.slug = id;
      // Every rule of the write path; a column already reported above is not reported twice.
      const reported = new Set(rowProblems.map((p) => p.field));
      for (const f of validatePlaceInput(input, options.locale)) {
        const column = columnOf(f.field);
        if (column === 'horaires' || reported.has(column)) continue;
        reported.add(column);
        fail(column, t(f.message as MessageKey));
      }
      if (rowProblems.length === 0) {
        if (input.slug !== undefined) takenSlugs.add(input.slug);
        planned.push({ line, input, currentId: current?.id ?? null, changed: !base || fingerprint(base) !== fingerprint(input) });
      }
    }
    if (rowProblems.length > 0) {
      report.problems.push(...rowProblems);
      invalidRows += 1;
    }
  }
  report.invalid = invalidRows;
  report.problems.sort((a, b) => a.line - b.line);
  report.warnings.sort((a, b) => a.line - b.line);
  report.created = planned.filter((p) => p.currentId === null).length;
  report.updated = planned.filter((p) => p.currentId !== null && p.changed).length;
  report.unchanged = planned.filter((p) => p.currentId !== null && !p.changed).length;
  if (report.invalid > 0 && !options.skipInvalid) {
    report.stopped = true;
    return report;
  }
  if (report.created + report.updated === 0) return report;

  // Writing through the write path. Without --skip-invalid, every row in one transaction: a row
  // refused at this late stage (a concurrent edit) leaves the territory as it was. With it, each
  // place in its own transaction, and a refused row is listed with the others.
  const context: AuditContext = options.context ?? { actorId: null, requestId: `cli-import-${randomUUID()}`, ip: null };
  let created = 0;
  let updated = 0;
  let unchanged = report.unchanged;
  const refuse = (line: number, err: AppError) => {
    const fields = err.fields.length ? err.fields : [{ field: '', message: err.message }];
    for (const f of fields) {
      const reason = f.message.includes('.') && !f.message.includes(' ') ? t(f.message as MessageKey) : f.message;
      report.problems.push(problem(line, columnOf(f.field), t('placesData.errors.writeFailed', { reason })));
    }
    report.invalid += 1;
  };
  const writeRows = async (trx: Db, allOrNothing: boolean) => {
    for (const p of planned) {
      if (p.currentId !== null && !p.changed) continue;
      try {
        if (p.currentId === null) {
          await createPlace(trx, options.actor, p.input, context, options.locale);
          created += 1;
        } else if (await updatePlace(trx, options.actor, p.currentId, p.input, context, options.locale)) updated += 1;
        else unchanged += 1;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        refuse(p.line, err);
        if (allOrNothing) throw err;
      }
    }
  };
  if (options.skipInvalid) await writeRows(db, false);
  else {
    try {
      await db.transaction().execute((trx) => writeRows(trx, true));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.stopped = true;
      report.problems.sort((a, b) => a.line - b.line);
      return report;
    }
  }
  report.unchanged = unchanged;
  report.created = created;
  report.updated = updated;
  report.problems.sort((a, b) => a.line - b.line);
  if (created + updated > 0) {
    await audit(db, {
      ...context,
      action: 'places.import',
      subjectType: 'places',
      subjectId: 'csv',
      data: { created, updated, unchanged: report.unchanged, invalid: report.invalid },
    });
    await contentChanged(db);
  }
  return report;
}

/** The command line's actor: an administrator without an account (audited with no actor and a run id). */
export const CLI_IMPORT_ACTOR: PlacesActor = { id: 0, roles: ['admin'], emailVerified: true, placeIds: [] };

/** A report as `ecoop import places` prints it. */
export function placesImportReportText(report: PlacesImportReport, file: string): string {
  const would = report.stopped;
  const lines = [
    `${would ? 'Checked' : 'Imported'} ${file}: ${report.rows} place(s).`,
    `  ${would ? 'to create' : 'created'}: ${report.created}, ${would ? 'to update' : 'updated'}: ${report.updated}, unchanged: ${report.unchanged}, with problems: ${report.invalid}`,
  ];
  const where = (p: PlacesImportProblem) => `  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.reason}`;
  if (report.problems.length > 0) lines.push('Problems:', ...report.problems.map(where));
  if (report.warnings.length > 0) lines.push('Warnings:', ...report.warnings.map(where));
  if (report.stopped)
    lines.push('Nothing was written. Correct the file and import it again, or use --skip-invalid to import the valid lines only.');
  else if (report.invalid > 0) lines.push(`The ${report.invalid} line(s) with problems were not imported.`);
  return lines.join('\n');
}
