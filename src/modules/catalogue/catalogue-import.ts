/**
 * Importing services from a CSV file or a CPSV-AP JSON-LD document (as E-COOP exports them).
 *
 * Every row is checked first — the file's syntax, each service with the rules every write uses
 * (checkServiceInput), and across rows (the same slug or identifier twice, related services that
 * exist neither in the catalogue nor in the file, statuses) — and every problem is reported with
 * its line (CSV: the line where the record starts) or item (JSON-LD: the service's position), its
 * field and the reason. When a row is invalid nothing is written, unless `skipInvalid`: then the
 * valid rows are. Writing is one transaction through createService / updateService /
 * setServiceStatus, so an import is validated, revisioned, indexed and audited like an edit; a row
 * that changes nothing writes nothing, which makes importing an export a no-op.
 */
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { MessageKey, Translate } from '../../platform/i18n.js';
import { csvColumnOf, csvRecordToRow, parseCsv, readCsvHeader } from './catalogue-csv.js';
import type { CatalogueActor } from './catalogue.policy.js';
import { servicesFromCpsv } from './cpsv-ap-import.js';
import {
  diffServices,
  emptyServiceInput,
  SERVICE_STATUSES,
  SLUG_PATTERN,
  TRANSLATED_FIELDS,
  type ServiceInput,
  type ServiceStatus,
} from './services.model.js';
import { findServicesByIds, inputOf, type ServiceRecord } from './services.queries.js';
import { checkServiceInput, createService, setServiceStatus, updateService, type WriteOptions } from './services.service.js';

export type ImportFormat = 'csv' | 'jsonld';

/** One problem: where (CSV line or JSON-LD item; 0 for the whole file), which field, and why. */
export interface ImportProblem {
  line: number;
  field: string;
  reason: string;
}

/** What an import did, or would do (dry run), or why it stopped. */
export interface ImportReport {
  format: ImportFormat;
  /** How `line` is to be read: a CSV line, or the position of a service in a JSON-LD document. */
  unit: 'line' | 'item';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  invalid: number;
  problems: ImportProblem[];
  dryRun: boolean;
  /** Invalid rows (without skipInvalid) or a problem with the whole file: nothing was written. */
  stopped: boolean;
}

export interface ImportOptions {
  defaultLocale: string;
  /** Write the valid rows even when others are invalid. */
  skipInvalid?: boolean;
  /** Check and count only; write nothing. */
  dryRun?: boolean;
  audit: WriteOptions['audit'];
  /** Reasons are written with this (the admin's language, English for the command line). */
  t: Translate;
  /** The uploaded file's name, to tell CSV from JSON-LD by extension. */
  fileName?: string;
}

/** A row as read from either format, before checking. */
interface SourceRow {
  line: number;
  fields: Record<string, unknown>;
  /** CSV: translated fields are given per language column; merge them over the current texts. */
  partialLanguages: boolean;
  status: string | null;
  related: { by: 'slug' | 'identifier'; values: string[] } | null;
  problems: ImportProblem[];
}

/** A checked row, ready to write. */
interface PlannedRow {
  line: number;
  input: ServiceInput;
  current: ServiceRecord | null;
  status: ServiceStatus | null;
}

/** CSV or JSON-LD: by the file name's extension, else by the first character. */
export function detectFormat(fileName: string | undefined, text: string): ImportFormat {
  const ext = fileName?.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'jsonld' || ext === 'json') return 'jsonld';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'jsonld' : 'csv';
}

/** Decodes an uploaded file as UTF-8; null when it is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const problem = (line: number, field: string, reason: string): ImportProblem => ({ line, field, reason });

/** Reads the rows of a CSV file; file-level problems (empty file, unknown columns) come apart. */
function readCsv(text: string, t: Translate): { rows: SourceRow[]; fileProblems: ImportProblem[]; brokenLines: ImportProblem[] } {
  const { records, errors } = parseCsv(text);
  const brokenLines = errors.map((e) => problem(e.line, '', t(`openData.errors.${e.kind}`)));
  const [header, ...body] = records;
  if (!header) return { rows: [], fileProblems: [problem(1, '', t('openData.errors.emptyFile'))], brokenLines };
  const layout = readCsvHeader(header.cells);
  const fileProblems = [
    ...layout.unknown.map((c) => problem(header.line, c, t('openData.errors.unknownColumn'))),
    ...layout.duplicate.map((c) => problem(header.line, c, t('openData.errors.duplicateColumn'))),
  ];
  if (!layout.index.has('slug')) fileProblems.push(problem(header.line, 'slug', t('openData.errors.missingColumn')));
  const rows = body.map((record): SourceRow => {
    if (record.cells.length !== header.cells.length) {
      return {
        line: record.line,
        fields: {},
        partialLanguages: true,
        status: null,
        related: null,
        problems: [problem(record.line, '', t('openData.errors.cellCount', { found: record.cells.length, expected: header.cells.length }))],
      };
    }
    const row = csvRecordToRow(record, layout);
    return {
      line: row.line,
      fields: row.fields,
      partialLanguages: true,
      status: row.status,
      related: row.related === null ? null : { by: 'slug', values: row.related },
      problems: [],
    };
  });
  return { rows, fileProblems, brokenLines };
}

/** Reads the services of a JSON-LD document. */
function readJsonLd(text: string, t: Translate): { rows: SourceRow[]; fileProblems: ImportProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { rows: [], fileProblems: [problem(0, '', t('openData.errors.notJson'))] };
  }
  const services = servicesFromCpsv(doc);
  if (!services) return { rows: [], fileProblems: [problem(0, '', t('openData.errors.notCpsv'))] };
  return {
    rows: services.map((s) => ({
      line: s.item,
      fields: s.fields,
      partialLanguages: false,
      status: s.status,
      related: { by: 'identifier', values: s.relatedIdentifiers },
      problems: [],
    })),
    fileProblems: [],
  };
}

/** A row's fields over the service's current ones (CSV: translated texts merged per language). */
function merge(base: ServiceInput, row: SourceRow): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base, ...row.fields };
  if (row.partialLanguages) {
    for (const f of [...TRANSLATED_FIELDS, 'keywords'] as const) {
      const given = row.fields[f];
      if (given && typeof given === 'object' && !Array.isArray(given)) merged[f] = { ...base[f], ...given };
    }
  }
  return merged;
}

/**
 * Checks then (unless stopped or dry run) writes the services of `text`. The CLI passes 'cli' as
 * actor; the admin page passes the admin (the route has checked `catalogue.import`).
 */
export async function importCatalogue(db: Db, actor: CatalogueActor | 'cli', text: string, options: ImportOptions): Promise<ImportReport> {
  const { t } = options;
  const format = detectFormat(options.fileName, text);
  const read = format === 'csv' ? readCsv(text, t) : { ...readJsonLd(text, t), brokenLines: [] as ImportProblem[] };
  const fieldName = (f: string) => (format === 'csv' ? csvColumnOf(f) : f);
  const report: ImportReport = {
    format,
    unit: format === 'csv' ? 'line' : 'item',
    rows: read.rows.length + read.brokenLines.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    invalid: 0,
    problems: [...read.fileProblems, ...read.brokenLines],
    dryRun: options.dryRun ?? false,
    stopped: false,
  };
  if (read.fileProblems.length > 0 || report.rows === 0) {
    if (report.rows === 0 && read.fileProblems.length === 0) report.problems.push(problem(0, '', t('openData.errors.noRows')));
    report.stopped = true;
    return report;
  }

  // What the catalogue holds now.
  const existing = await db.selectFrom('services').select(['id', 'slug', 'identifier']).execute();
  const bySlug = new Map(existing.map((s) => [s.slug, s]));
  const byIdentifier = new Map(existing.map((s) => [s.identifier, s]));

  // Which service each row is, and the slugs and identifiers the file claims.
  const targets = new Map<SourceRow, (typeof existing)[number] | null>();
  const seenSlugs = new Map<string, number>();
  const seenIdentifiers = new Map<string, number>();
  const fileIdentifiers = new Map<string, string>();
  for (const row of read.rows) {
    if (row.problems.length > 0) continue;
    const slug = typeof row.fields.slug === 'string' ? row.fields.slug : undefined;
    const identifier = typeof row.fields.identifier === 'string' ? row.fields.identifier.toLowerCase() : undefined;
    let target = identifier ? byIdentifier.get(identifier) : undefined;
    if (!target && slug !== undefined) {
      const sameSlug = bySlug.get(slug);
      if (sameSlug && identifier && sameSlug.identifier !== identifier)
        row.problems.push(problem(row.line, fieldName('identifier'), t('openData.errors.identifierMismatch')));
      else target = sameSlug;
    }
    targets.set(row, target ?? null);
    if (slug) {
      const first = seenSlugs.get(slug);
      if (first !== undefined)
        row.problems.push(problem(row.line, fieldName('slug'), t('openData.errors.duplicateInFile', { line: first })));
      else seenSlugs.set(slug, row.line);
    }
    if (identifier) {
      const first = seenIdentifiers.get(identifier);
      if (first !== undefined)
        row.problems.push(problem(row.line, fieldName('identifier'), t('openData.errors.duplicateInFile', { line: first })));
      else seenIdentifiers.set(identifier, row.line);
      if (slug) fileIdentifiers.set(identifier, slug);
    }
  }
  const taxonomy = {
    organisations: new Set((await db.selectFrom('organisations').select('slug').execute()).map((r) => r.slug)),
    sectors: new Set((await db.selectFrom('sectors').select('slug').execute()).map((r) => r.slug)),
    lifeEvents: new Set((await db.selectFrom('life_events').select('slug').execute()).map((r) => r.slug)),
  };
  const currentRecords = new Map(
    (
      await findServicesByIds(
        db,
        [...targets.values()].flatMap((tg) => (tg ? [tg.id] : [])),
      )
    ).map((r) => [r.id, r]),
  );

  // Check every row completely.
  const planned: PlannedRow[] = [];
  for (const row of read.rows) {
    if (row.problems.length === 0) {
      const target = targets.get(row) ?? null;
      const current = target ? (currentRecords.get(target.id) ?? null) : null;
      const merged = merge(current ? inputOf(current) : emptyServiceInput(), row);
      const ownSlug = typeof merged.slug === 'string' ? merged.slug : '';
      let related: string[] = current ? current.related : [];
      if (row.related) {
        related = [];
        for (const value of row.related.values) {
          const slug =
            row.related.by === 'slug' ? value : (fileIdentifiers.get(value.toLowerCase()) ?? byIdentifier.get(value.toLowerCase())?.slug);
          if (slug === undefined || !SLUG_PATTERN.test(slug)) {
            row.problems.push(
              problem(
                row.line,
                fieldName('related'),
                t(slug === undefined ? 'catalogue.errors.unknownReference' : 'catalogue.errors.slugList'),
              ),
            );
          } else if (slug === ownSlug) row.problems.push(problem(row.line, fieldName('related'), t('catalogue.errors.relatedSelf')));
          else if (!bySlug.has(slug) && !seenSlugs.has(slug))
            row.problems.push(problem(row.line, fieldName('related'), t('catalogue.errors.unknownReference')));
          else related.push(slug);
        }
      }
      let status: ServiceStatus | null = null;
      if (row.status !== null) {
        if ((SERVICE_STATUSES as readonly string[]).includes(row.status)) status = row.status as ServiceStatus;
        else row.problems.push(problem(row.line, fieldName('status'), t('openData.errors.status')));
      }
      try {
        // Related services are checked above (they may be created by this very file).
        const { input } = await checkServiceInput(db, { ...merged, related: [] }, options.defaultLocale);
        const taken = bySlug.get(input.slug);
        if (taken && taken.id !== current?.id) row.problems.push(problem(row.line, fieldName('slug'), t('catalogue.errors.slugTaken')));
        if (row.problems.length === 0)
          planned.push({ line: row.line, input: { ...input, related: [...new Set(related)] }, current, status });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
        const fields = [...err.fields];
        // A service that fails the rules is not checked against the database: do it here, so that
        // every problem of the row is reported at once.
        for (const [field, known] of [
          ['organisation', taxonomy.organisations],
          ['sector', taxonomy.sectors],
        ] as const) {
          const v = merged[field];
          if (typeof v === 'string' && v !== '' && !known.has(v) && !fields.some((f) => f.field === field))
            fields.push({ field, message: 'catalogue.errors.unknownReference' });
        }
        const events = merged.lifeEvents;
        if (Array.isArray(events) && events.some((e) => !taxonomy.lifeEvents.has(e)) && !fields.some((f) => f.field === 'lifeEvents'))
          fields.push({ field: 'lifeEvents', message: 'catalogue.errors.unknownReference' });
        for (const f of fields) row.problems.push(problem(row.line, fieldName(f.field), t(f.message as MessageKey)));
      }
    }
    if (row.problems.length > 0) report.problems.push(...row.problems);
  }
  report.invalid = read.rows.filter((r) => r.problems.length > 0).length + read.brokenLines.length;
  report.problems.sort((a, b) => a.line - b.line);

  // What would change.
  const changes = planned.map((p) => {
    if (!p.current) return 'create' as const;
    const changed = diffServices(inputOf(p.current), p.input).length > 0 || (p.status !== null && p.status !== p.current.status);
    return changed ? ('update' as const) : ('unchanged' as const);
  });
  report.created = changes.filter((c) => c === 'create').length;
  report.updated = changes.filter((c) => c === 'update').length;
  report.unchanged = changes.filter((c) => c === 'unchanged').length;
  if (report.invalid > 0 && !options.skipInvalid) {
    report.stopped = true;
    return report;
  }
  if (report.dryRun || report.created + report.updated === 0) return report;

  const writeOptions: WriteOptions = { defaultLocale: options.defaultLocale, audit: options.audit, viaImport: true };
  const renamedAway = new Set(planned.flatMap((p) => (p.current && p.current.slug !== p.input.slug ? [p.current.slug] : [])));
  const linkableNow = (slugs: string[]) => slugs.every((s) => bySlug.has(s) && !renamedAway.has(s));
  let writing: PlannedRow | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      const deferred: PlannedRow[] = [];
      // First every service, then the links between them (a link may point to a row further down).
      for (const [i, p] of planned.entries()) {
        if (changes[i] === 'unchanged') continue;
        writing = p;
        const now = linkableNow(p.input.related);
        if (!now) deferred.push(p);
        if (!p.current) {
          await createService(
            trx,
            actor,
            { ...p.input, related: now ? p.input.related : [] },
            { ...writeOptions, status: p.status ?? 'draft' },
          );
        } else {
          const { related: _later, ...rest } = p.input;
          await updateService(trx, actor, p.current.slug, now ? p.input : rest, writeOptions);
        }
      }
      for (const p of deferred) {
        writing = p;
        await updateService(trx, actor, p.input.slug, { related: p.input.related }, writeOptions);
      }
      for (const p of planned) {
        if (p.current && p.status !== null && p.status !== p.current.status) {
          writing = p;
          await setServiceStatus(trx, actor, p.input.slug, p.status, writeOptions);
        }
      }
      await audit(trx, {
        ...options.audit,
        actorId: actor === 'cli' || actor === null ? null : actor.id,
        action: 'catalogue.import',
        subjectType: 'catalogue',
        subjectId: format,
        data: { created: report.created, updated: report.updated, unchanged: report.unchanged, invalid: report.invalid },
      });
    });
  } catch (err) {
    // A write refused late (two rows swapping slugs, a concurrent edit): everything is rolled back.
    if (!(err instanceof AppError) || !writing) throw err;
    const at = (writing as PlannedRow).line;
    const fields = err.fields.length > 0 ? err.fields : [{ field: '', message: 'openData.errors.writeFailed' }];
    report.problems.push(...fields.map((f) => problem(at, fieldName(f.field), t(f.message as MessageKey))));
    report.invalid += 1;
    report.created = report.updated = 0;
    report.unchanged = planned.length;
    report.stopped = true;
  }
  return report;
}
