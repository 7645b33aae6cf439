/**
 * Exporting the catalogue: every service (for admins and the command line) or the published ones
 * (the public open data), as CSV or CPSV-AP JSON-LD. Reads only; services come in slug order, so
 * two exports of the same catalogue are identical.
 */
import type { Db } from '../../db/database.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { isLocale } from '../../config.js';
import { servicesToCsv } from './catalogue-csv.js';
import { cpsvDocument, type CpsvOrganisation, type CpsvTaxonomy, type JsonLdDocument } from './cpsv-ap.js';
import type { Channel, ServiceStatus } from './services.model.js';
import { findServicesByIds, type ServiceRecord } from './services.queries.js';
import './catalogue.tables.js';

export const EXPORT_FORMATS = ['csv', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export needs to know of the deployment. */
export interface ExportSettings {
  baseUrl: string;
  defaultLocale: string;
  locales: readonly string[];
}

/** Which services: all of them (admins, CLI) or the published ones (the public). */
export type ExportScope = 'all' | 'published';

const BATCH = 500;

/** Full records of the services in scope, in slug order. */
export async function servicesInScope(db: Db, scope: ExportScope): Promise<ServiceRecord[]> {
  let q = db.selectFrom('services').select('id').orderBy('slug');
  if (scope === 'published') q = q.where('status', '=', 'published');
  const ids = (await q.execute()).map((r) => r.id);
  const out: ServiceRecord[] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(...(await findServicesByIds(db, ids.slice(i, i + BATCH))));
  return out;
}

/** Organisations (with their municipality), sectors and life events, by slug. */
export async function loadTaxonomy(db: Db): Promise<CpsvTaxonomy> {
  const orgs = await db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.id', 'organisations.municipality_id')
    .select([
      'organisations.slug',
      'organisations.name',
      'municipalities.slug as municipality_slug',
      'municipalities.name as municipality_name',
      'municipalities.insee_code',
    ])
    .execute();
  const sectors = await db.selectFrom('sectors').select(['slug', 'name']).execute();
  const events = await db.selectFrom('life_events').select(['slug', 'name']).execute();
  return {
    organisations: new Map(
      orgs.map((o): [string, CpsvOrganisation] => [
        o.slug,
        {
          slug: o.slug,
          name: JSON.parse(o.name) as Record<string, string>,
          municipality:
            o.municipality_slug && o.municipality_name
              ? { slug: o.municipality_slug, name: o.municipality_name, inseeCode: o.insee_code ?? null }
              : null,
        },
      ]),
    ),
    sectors: new Map(sectors.map((s) => [s.slug, { slug: s.slug, name: JSON.parse(s.name) as Record<string, string> }])),
    lifeEvents: new Map(events.map((e) => [e.slug, { slug: e.slug, name: JSON.parse(e.name) as Record<string, string> }])),
  };
}

/** The label of a channel type in a UI language (null for a language without a catalog). */
function channelLabel(channel: Channel, language: string): string | null {
  return isLocale(language) ? translator(language)(`services.channels.${channel}` as MessageKey) : null;
}

/** Slug → identifier of the services a related link may point to in this scope. */
async function linkableServices(db: Db, scope: ExportScope): Promise<Map<string, string>> {
  let q = db.selectFrom('services').select(['slug', 'identifier']);
  if (scope === 'published') q = q.where('status', '=', 'published');
  return new Map((await q.execute()).map((r) => [r.slug, r.identifier]));
}

/** Services as a CPSV-AP document (related links limited to services of the same scope). */
export async function cpsvExport(
  db: Db,
  services: readonly ServiceRecord[],
  scope: ExportScope,
  settings: ExportSettings,
): Promise<JsonLdDocument> {
  return cpsvDocument(services, await loadTaxonomy(db), await linkableServices(db, scope), {
    baseUrl: settings.baseUrl,
    defaultLocale: settings.defaultLocale,
    locales: settings.locales,
    channelLabel,
  });
}

/** JSON for a `<script>` or a file: `<` escaped so that no text can close a script element. */
export function jsonLdText(doc: JsonLdDocument): string {
  return JSON.stringify(doc, null, 2).replace(/</g, '\\u003c');
}

/** The whole catalogue (in scope) as CSV text or JSON-LD text. */
export async function exportCatalogue(db: Db, format: ExportFormat, scope: ExportScope, settings: ExportSettings): Promise<string> {
  const services = await servicesInScope(db, scope);
  if (format === 'csv') return servicesToCsv(services, settings.locales);
  return jsonLdText(await cpsvExport(db, services, scope, settings)) + '\n';
}

/** The file name of an export (`catalogue-2026-11-26.csv`). */
export function exportFileName(format: ExportFormat, date = new Date()): string {
  return `catalogue-${date.toISOString().slice(0, 10)}.${format}`;
}

/** Status counts, for the admin page. */
export async function countByStatus(db: Db): Promise<Record<ServiceStatus, number>> {
  const rows = await db
    .selectFrom('services')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<ServiceStatus, number> = { draft: 0, published: 0, withdrawn: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}
