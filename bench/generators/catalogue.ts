/**
 * Catalogue: the five sectors, the life events, and e-services written in three languages (city
 * scale: 2,000), owned by the generated organisations, linked to life events and indexed for search
 * through the catalogue's own searchable (so the index holds exactly what the app would put there).
 */
import { indexDocument } from '../../src/platform/search.js';
import { catalogueModule, refreshSectorCounts } from '../../src/modules/catalogue/index.js';
import { idsBySlug, insertRows, quarterly } from '../bulk.js';
import { scaled } from '../scale.js';
import {
  ACTIONS,
  AND,
  AUDIENCES,
  DOCUMENTS,
  HOW_SENTENCES,
  LIFE_EVENTS,
  NEEDS_SENTENCE,
  SECTORS,
  SUMMARY_ENDINGS,
  SUMMARY_OPENINGS,
  TOPICS,
  WHO_SENTENCES,
  type SentenceVars,
} from './catalogue-words.js';
import { capitalise, json, LANGS, pastIso, phoneNumber, SlugSet, type Lang, type Tr } from './text.js';
import type { DatasetGenerator } from './types.js';

const CHANNELS = ['online', 'dps', 'phone', 'in_person'] as const;

function joinList(items: string[], lang: Lang): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${AND[lang]} ${items[items.length - 1]}`;
}

/** Words of a phrase worth searching for: no articles or short words. */
function keywordsOf(text: string): string[] {
  return [...new Set(text.split(/[\s’']+/).filter((w) => w.length >= 5))];
}

/** A version-4-shaped UUID drawn from the generator, so a dataset is the same for the same seed. */
function uuidFrom(rng: { int(min: number, max: number): number }): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export const catalogueGenerator: DatasetGenerator = {
  name: 'catalogue',
  async generate(ctx) {
    const { rng, handle, db, factor, dataset } = ctx;
    dataset.counts.sectors = await insertRows(
      handle,
      'sectors',
      SECTORS.map((s, i) => ({ slug: s.slug, name: json(s.name), description: json(s.description), position: i + 1 })),
    );
    dataset.counts.life_events = await insertRows(
      handle,
      'life_events',
      LIFE_EVENTS.map((e, i) => ({ slug: e.slug, name: json(e.name), position: i + 1 })),
    );
    const sectorIds = await idsBySlug(handle, 'sectors');
    const lifeEventIds = await idsBySlug(handle, 'life_events');
    dataset.samples.sector = SECTORS.map((s) => s.slug);
    dataset.samples.lifeEvent = LIFE_EVENTS.map((e) => e.slug);

    // Owners, with the municipality a town hall's services are for.
    const organisations = await db
      .selectFrom('organisations')
      .leftJoin('municipalities', 'municipalities.id', 'organisations.municipality_id')
      .select(['organisations.id', 'organisations.kind', 'organisations.name', 'municipalities.name as municipality'])
      .orderBy('organisations.id')
      .execute();
    if (organisations.length === 0) throw new Error('catalogue generator: no organisations (the territory generator runs first)');
    const owners = organisations.map((o) => ({
      id: o.id,
      name: JSON.parse(o.name) as Tr,
      local: o.kind === 'municipality' ? o.municipality : null,
    }));

    const count = scaled(2000, factor);
    const slugs = new SlugSet();
    const now = ctx.now;
    const links: { slug: string; lifeEvents: string[] }[] = [];
    const rows = Array.from({ length: count }, () => {
      const topic = rng.pick(TOPICS);
      const action = rng.pick(ACTIONS);
      const audience = rng.chance(0.6) ? rng.pick(AUDIENCES) : null;
      const owner = rng.pick(owners);
      const doesText = (l: Lang) => `${action[l]} ${topic.text[l]}${audience ? ` ${audience[l]}` : ''}`;
      const name = Object.fromEntries(LANGS.map((l) => [l, capitalise(doesText(l)) + (owner.local ? ` – ${owner.local}` : '')])) as Tr;
      const docs = rng.sample(DOCUMENTS, rng.int(2, 4));
      const base = { minutes: rng.int(2, 8) * 5, days: rng.int(1, 12) * 5, phone: phoneNumber(rng), place: owner.local ?? 'Vallée-Verte' };
      const opening = rng.pick(SUMMARY_OPENINGS);
      const ending = rng.pick(SUMMARY_ENDINGS);
      const who = rng.sample(WHO_SENTENCES, 2);
      const how = rng.sample(HOW_SENTENCES, rng.int(2, 3));
      const text = (build: (l: Lang, v: SentenceVars) => string) =>
        Object.fromEntries(
          LANGS.map((l) => [
            l,
            build(l, {
              ...base,
              org: owner.name[l],
              does: doesText(l),
              docs: joinList(
                docs.map((d) => d[l]),
                l,
              ),
            }),
          ]),
        ) as Tr;
      const channels = CHANNELS.filter((c) => rng.chance({ online: 0.75, dps: 0.6, phone: 0.5, in_person: 0.4 }[c]));
      if (channels.length === 0) channels.push('in_person');
      const slug = slugs.take(name.en);
      const createdAt = pastIso(rng, now, 3 * 365);
      const status = rng.weighted({ published: 92, draft: 5, withdrawn: 3 });
      links.push({ slug, lifeEvents: topic.lifeEvents });
      return {
        slug,
        identifier: uuidFrom(rng),
        organisation_id: owner.id,
        sector_id: sectorIds.get(topic.sector)!,
        status,
        name: json(name),
        summary: json(text((l, v) => `${opening[l](v)} ${ending[l](v)}`)),
        description: json(
          text((l, v) => [who.map((s) => s[l](v)).join(' '), NEEDS_SENTENCE[l](v), how.map((s) => s[l](v)).join(' ')].join('\n\n')),
        ),
        keywords: json(Object.fromEntries(LANGS.map((l) => [l, keywordsOf(`${topic.text[l]} ${audience?.[l] ?? ''}`)]))),
        channels: json(channels),
        online_url: channels.includes('online') ? `https://services.vallee-verte.example/${slug}` : null,
        is_free: rng.chance(0.85) ? 1 : 0,
        created_at: createdAt,
        updated_at: rng.chance(0.5) ? createdAt : pastIso(rng, now, Math.max(1, (now.getTime() - Date.parse(createdAt)) / 86_400_000)),
      };
    });
    dataset.counts.services = await insertRows(handle, 'services', rows, quarterly(ctx.log, 'services', count));
    const serviceIds = await idsBySlug(handle, 'services');
    dataset.ids.service = [...serviceIds.values()];
    dataset.counts.service_life_events = await insertRows(
      handle,
      'service_life_events',
      links.flatMap((l) => l.lifeEvents.map((e) => ({ service_id: serviceIds.get(l.slug)!, life_event_id: lifeEventIds.get(e)! }))),
    );
    await refreshSectorCounts(db);
    const published = rows.filter((r) => r.status === 'published');
    dataset.samples.service = rng.sample(published, 5).map((r) => r.slug);
    dataset.samples.query = ['housing benefit', 'inscription scolaire', 'alocation chomage', 'beca'];

    // The search index, built by the module's own document function and the platform's indexer.
    const started = Date.now();
    let indexed = 0;
    await db.transaction().execute(async (trx) => {
      for (const searchable of catalogueModule.searchables ?? []) {
        for await (const doc of searchable.documents(trx)) {
          await indexDocument(trx, doc);
          indexed++;
        }
      }
    });
    dataset.counts.search_documents = Number(
      (
        await db
          .selectFrom('search_documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    ctx.log(`  indexed ${indexed.toLocaleString('en')} services for search in ${Date.now() - started} ms`);
  },
};
