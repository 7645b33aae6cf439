import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';
import type { Db } from '../db/database.js';
import { indexDocument, reindexAll, removeDocument, search, type SearchDocument } from './search.js';

const housing: SearchDocument = {
  type: 'service',
  refId: 'housing-benefit',
  title: { en: 'Apply for housing benefit', fr: 'Demander une aide au logement' },
  summary: { en: 'Help paying your rent.', fr: 'Une aide pour payer votre loyer.' },
  url: '/services/housing-benefit',
  body: [
    { en: 'Tenants on a low income can get help with their rent.', fr: 'Les locataires aux revenus modestes peuvent être aidés.' },
    { en: 'rent allowance', fr: 'allocation logement APL' },
  ],
};

const unemployment: SearchDocument = {
  type: 'service',
  refId: 'unemployment-benefit',
  title: { en: 'Unemployment benefit', fr: 'Allocation chômage' },
  summary: { en: 'An income while you look for work.', fr: 'Un revenu pendant la recherche d’emploi.' },
  url: '/services/unemployment-benefit',
  body: [{ en: 'jobseeker allowance', fr: 'allocation de retour à l’emploi' }],
};

const canteen: SearchDocument = {
  type: 'service',
  refId: 'school-canteen',
  title: { en: 'School canteen', fr: 'Cantine scolaire' },
  summary: { en: 'Lunch at school for your children.', fr: 'Le déjeuner à l’école pour vos enfants.' },
  url: '/services/school-canteen',
  body: [{ en: 'Register your child for lunch.', fr: 'Inscrire votre enfant au déjeuner.' }],
};

/** Mentions the canteen in its body only, to compare with a title match. */
const meals: SearchDocument = {
  type: 'guide',
  refId: 'free-school-meals',
  title: { en: 'Free school meals', fr: 'Repas scolaires gratuits' },
  summary: { en: 'Who does not pay for lunch.', fr: 'Qui ne paie pas le déjeuner.' },
  url: '/wiki/free-school-meals',
  body: [{ en: 'The canteen is free for families on a low income.', fr: 'La cantine est gratuite pour les familles modestes.' }],
};

const fixtures = [housing, unemployment, canteen, meals];

describeEachDatabase('platform search', (dialect) => {
  let database: TestDatabase;
  let db: Db;

  const refIds = async (query: string, options?: Parameters<typeof search>[2]) =>
    (await search(db, query, options)).hits.map((h) => h.refId);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.handle.db;
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await db.deleteFrom('search_documents').execute();
    for (const doc of fixtures) await indexDocument(db, doc);
  });

  it('returns the stored document as a hit', async () => {
    const { hits, total } = await search(db, 'housing benefit');
    expect(total).toBe(1);
    expect(hits).toEqual([
      {
        type: 'service',
        refId: 'housing-benefit',
        title: housing.title,
        summary: housing.summary,
        url: housing.url,
        score: expect.any(Number),
      },
    ]);
  });

  it('tolerates typos', async () => {
    expect((await refIds('housng benfit'))[0]).toBe('housing-benefit');
    expect(await refIds('alocation logement')).toEqual(['housing-benefit']);
    expect(await refIds('benfeit housing')).toEqual(['housing-benefit']);
  });

  it('ignores case and accents, in the query and in the documents', async () => {
    expect(await refIds('LOGEMENT')).toEqual(['housing-benefit']);
    expect(await refIds('logément')).toEqual(['housing-benefit']);
    expect(await refIds('chomage')).toEqual(['unemployment-benefit']);
    expect(await refIds('DÉJEUNER cantine')).toEqual(['school-canteen', 'free-school-meals']);
  });

  it('matches plural and singular', async () => {
    expect(await refIds('benefits')).toEqual(expect.arrayContaining(['housing-benefit', 'unemployment-benefit']));
    expect(await refIds('logements')).toEqual(['housing-benefit']);
    expect(await refIds('family')).toEqual(['free-school-meals']);
  });

  it('requires every word, across locales, stop words aside', async () => {
    expect(await refIds('aide au logement')).toEqual(['housing-benefit']);
    expect(await refIds('housing chômage')).toEqual([]);
    expect(await refIds('allocation')).toEqual(expect.arrayContaining(['housing-benefit', 'unemployment-benefit']));
  });

  it('matches the last word as a prefix', async () => {
    expect(await refIds('hous')).toEqual(['housing-benefit']);
    expect(await refIds('hou')).toEqual(['housing-benefit']);
    // Two letters match whole words only: as a prefix they would match (and rank) half the index.
    expect(await refIds('ho')).toEqual([]);
    expect(await refIds('school cant')).toEqual(['school-canteen', 'free-school-meals']);
  });

  it('ranks a title match above a body-only match', async () => {
    expect(await refIds('canteen')).toEqual(['school-canteen', 'free-school-meals']);
    expect(await refIds('cantine')).toEqual(['school-canteen', 'free-school-meals']);
    const { hits } = await search(db, 'canteen');
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('filters by type', async () => {
    expect(await refIds('canteen', { types: ['guide'] })).toEqual(['free-school-meals']);
    expect(await refIds('canteen', { types: ['service', 'guide'] })).toHaveLength(2);
    expect(await refIds('canteen', { types: [] })).toEqual([]);
  });

  it('pages through hits and counts them all', async () => {
    const first = await search(db, 'benefit', { limit: 1 });
    const second = await search(db, 'benefit', { limit: 1, offset: 1 });
    const beyond = await search(db, 'benefit', { limit: 1, offset: 5 });
    expect([first.total, second.total, beyond.total]).toEqual([2, 2, 2]);
    expect(first.hits).toHaveLength(1);
    expect(second.hits).toHaveLength(1);
    expect(beyond.hits).toEqual([]);
    expect(new Set([first.hits[0]!.refId, second.hits[0]!.refId])).toEqual(new Set(['housing-benefit', 'unemployment-benefit']));
  });

  it('returns nothing, without error, for empty, punctuation-only or oversized queries', async () => {
    for (const query of ['', '   ', '!!! ... ---', '"', '*', '()']) expect(await search(db, query)).toEqual({ hits: [], total: 0 });
    await expect(search(db, 'housing '.repeat(500))).resolves.toBeDefined();
  });

  it('treats query syntax and SQL as plain words', async () => {
    const attacks = [
      '"foo" OR title_norm:*',
      "'; drop table users; --",
      '" OR 1=1 --',
      'NEAR(housing benefit) OR *',
      "housing:* | !benefit & 'x",
      '\\"; delete from search_documents; --',
    ];
    for (const query of attacks) expect(await search(db, query), query).toEqual({ hits: [], total: 0 });
    const { count } = await db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(fixtures.length);
  });

  it('replaces a document indexed again under the same reference', async () => {
    await indexDocument(db, { ...canteen, title: { en: 'School restaurant', fr: 'Restaurant scolaire' } });
    const rows = await db.selectFrom('search_documents').select('title').where('ref_id', '=', 'school-canteen').execute();
    expect(rows).toHaveLength(1);
    expect(await refIds('restaurant')).toEqual(['school-canteen']);
    expect(await refIds('canteen')).toEqual(['free-school-meals']);
  });

  it('removes a document', async () => {
    await removeDocument(db, 'service', 'school-canteen');
    expect(await refIds('canteen')).toEqual(['free-school-meals']);
    await removeDocument(db, 'service', 'no-such-document');
  });

  it('indexes within the caller’s transaction and rolls back with it', async () => {
    const library = { ...meals, refId: 'library', title: { en: 'Public library' }, body: [] };
    await expect(
      db.transaction().execute(async (trx) => {
        await indexDocument(trx, library);
        expect((await search(trx, 'library')).total).toBe(1);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await refIds('library')).toEqual([]);
    await db.transaction().execute((trx) => indexDocument(trx, library));
    expect(await refIds('library')).toEqual(['library']);
  });

  it('rebuilds the documents of the given types only', async () => {
    const count = await reindexAll(db, [
      {
        type: 'guide',
        async *documents() {
          yield { ...meals, refId: 'swimming-pool', title: { en: 'Swimming pool' }, body: [] };
        },
      },
    ]);
    expect(count).toBe(1);
    expect(await refIds('canteen')).toEqual(['school-canteen']);
    expect(await refIds('swimming')).toEqual(['swimming-pool']);
    expect(await refIds('unemployment')).toEqual(['unemployment-benefit']);
  });

  it('refuses a searchable listing documents of another type, and keeps the old index', async () => {
    const wrong = {
      type: 'guide',
      async *documents() {
        yield { ...housing, refId: 'other' };
      },
    };
    await expect(reindexAll(db, [wrong])).rejects.toThrow(/type "service"/);
    expect(await refIds('canteen')).toEqual(['school-canteen', 'free-school-meals']);
  });

  it('corrects typos against words indexed since', async () => {
    await indexDocument(db, { ...meals, refId: 'playground', title: { en: 'Playground renovation' }, body: [] });
    expect(await refIds('playgruond')).toEqual(['playground']);
    expect(await refIds('renovaton')).toEqual(['playground']);
  });

  it('finds a document by its own title, whatever the script or symbols (both engines tokenise alike)', async () => {
    const letters = fc.constantFrom(...'aéßœxİǅ日本дЖ ٣²Ⅻ-’\'"*:()|&!'.split(''), '𝒳', 'ﬁ', 'e\u0301');
    const title = fc.string({ unit: letters, minLength: 1, maxLength: 30 }).filter((t) => /[\p{L}\p{N}]/u.test(t));
    await fc.assert(
      fc.asyncProperty(title, async (text) => {
        await indexDocument(db, { ...meals, refId: 'random', title: { en: text }, body: [] });
        expect(await refIds(text)).toContain('random');
      }),
      { numRuns: 60 },
    );
  });

  it('runs a bounded number of queries', async () => {
    const before = database.handle.queryCount();
    await search(db, 'housing benefit');
    expect(database.handle.queryCount() - before).toBe(2);
    const typo = database.handle.queryCount();
    await search(db, 'housng benfit canten');
    // The vocabulary probe, two similar-term lookups, one prefix probe, the page.
    expect(database.handle.queryCount() - typo).toBeLessThanOrEqual(6);
  });

  it('keeps the full-text index in step with the documents', async () => {
    if (dialect !== 'sqlite') return;
    await sql`insert into search_fts(search_fts, rank) values ('integrity-check', 1)`.execute(db);
  });
});
