import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { search } from '../../platform/search.js';
import type { CatalogueActor } from './catalogue.policy.js';
import { countServices, listServices, listServicesAfter } from './catalogue.queries.js';
import { demoServiceInput } from './catalogue.service.js';
import { DEMO_SERVICES } from './demo-data.js';
import { findService, getPublishedService, getServiceForEditing, listRevisions } from './services.queries.js';
import { createService, setServiceStatus, updateService } from './services.service.js';

const opts = { defaultLocale: 'en', audit: {} };

describeEachDatabase('catalogue: writing services', (dialect) => {
  let t: TestApp;
  let orgs: Map<string, number>;
  let official: CatalogueActor;
  let otherOfficial: CatalogueActor;
  const admin: CatalogueActor = { id: 1, roles: ['admin'], organisationIds: [] };
  const base = () => ({
    ...demoServiceInput(DEMO_SERVICES[0]!),
    slug: 'test-service',
    organisation: 'county-council',
    name: { en: 'Apply for a garden allotment', fr: 'Demander un jardin partagé' },
  });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    orgs = new Map((await t.app.db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
    official = { id: 1, roles: ['official'], organisationIds: [orgs.get('county-council')!] };
    otherOfficial = { id: 1, roles: ['official'], organisationIds: [orgs.get('employment-agency')!] };
  });
  afterAll(() => t.close());

  it('the demo catalogue is seeded through the same validation, indexed and counted', async () => {
    expect(await countServices(t.app.db, {})).toBe(DEMO_SERVICES.length);
    const sectors = await t.app.db.selectFrom('sectors').select(['slug', 'published_services']).execute();
    expect(sectors.reduce((n, s) => n + s.published_services, 0)).toBe(DEMO_SERVICES.length);
    const hits = await search(t.app.db, 'housng benfit', { types: ['service'] });
    expect(hits.hits[0]?.refId).toBe('housing-allowance');
  });

  it('creates a draft that the public cannot see, and only the competent organisation may do it', async () => {
    await expect(createService(t.app.db, otherOfficial, base(), opts)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createService(t.app.db, null, base(), opts)).rejects.toMatchObject({ code: 'unauthorized' });
    const created = await createService(t.app.db, official, base(), opts);
    expect(created.status).toBe('draft');
    expect(created.identifier).toMatch(/^[0-9a-f-]{36}$/);
    await expect(getPublishedService(t.app.db, 'test-service')).rejects.toMatchObject({ code: 'not_found' });
    await expect(getServiceForEditing(t.app.db, otherOfficial, 'test-service')).rejects.toMatchObject({ code: 'not_found' });
    expect((await search(t.app.db, 'allotment')).total).toBe(0);
  });

  it('refuses invalid input with every problem at once, writing nothing', async () => {
    const before = await countServices(t.app.db, {});
    const err = await createService(
      t.app.db,
      admin,
      { ...base(), slug: 'Bad Slug', channels: ['online'], onlineUrl: 'javascript:alert(1)', name: {} },
      opts,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation_failed' });
    const fields = (err as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['slug', 'name.en', 'onlineUrl']));
    expect(await countServices(t.app.db, {})).toBe(before);
    const unknown = await createService(t.app.db, admin, { ...base(), slug: 'x-service', sector: 'no-such-sector' }, opts).catch(
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ code: 'validation_failed', fields: [{ field: 'sector' }] });
    expect(await findService(t.app.db, { slug: 'x-service' })).toBeNull();
  });

  it('publishes, edits with a revision per change, detects stale versions, and withdraws', async () => {
    await expect(setServiceStatus(t.app.db, otherOfficial, 'test-service', 'published', opts)).rejects.toMatchObject({ code: 'not_found' });
    const published = await setServiceStatus(t.app.db, official, 'test-service', 'published', opts);
    expect(published.status).toBe('published');
    expect((await search(t.app.db, 'allotment')).hits[0]?.refId).toBe('test-service');
    await expect(updateService(t.app.db, otherOfficial, 'test-service', { summary: { en: 'x' } }, opts)).rejects.toMatchObject({
      code: 'forbidden',
    });

    const { changes } = await updateService(
      t.app.db,
      official,
      'test-service',
      { name: { en: 'Apply for a community garden plot', fr: 'Demander un jardin partagé' } },
      {
        ...opts,
        expectedVersion: published.version,
      },
    );
    expect(changes).toEqual([{ field: 'name.en', before: 'Apply for a garden allotment', after: 'Apply for a community garden plot' }]);
    const same = await updateService(
      t.app.db,
      official,
      'test-service',
      { name: { en: 'Apply for a community garden plot', fr: 'Demander un jardin partagé' } },
      opts,
    );
    expect(same.changes).toEqual([]);
    await expect(
      updateService(t.app.db, official, 'test-service', { summary: { en: 'Other' } }, { ...opts, expectedVersion: published.version }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    // Moving it to another organisation needs rights on both.
    await expect(updateService(t.app.db, official, 'test-service', { organisation: 'employment-agency' }, opts)).rejects.toMatchObject({
      code: 'forbidden',
    });

    const service = (await findService(t.app.db, { slug: 'test-service' }))!;
    const revisions = await listRevisions(t.app.db, service.id);
    expect(revisions.map((r) => r.action)).toEqual(['update', 'publish', 'create']);
    expect((await search(t.app.db, 'community garden')).hits[0]?.refId).toBe('test-service');

    await setServiceStatus(t.app.db, official, 'test-service', 'withdrawn', opts);
    await expect(getPublishedService(t.app.db, 'test-service')).rejects.toMatchObject({ code: 'not_found' });
    expect((await search(t.app.db, 'community garden')).total).toBe(0);
  });

  describe('listing', () => {
    it('filters by sector, life event, channel, free, organisation; pages by number and by cursor', async () => {
      const housing = await listServices(
        t.app.db,
        { sector: 'housing-and-building' },
        { locale: 'en', fallback: 'en', page: 1, perPage: 100 },
      );
      expect(housing.total).toBe(DEMO_SERVICES.filter((s) => s.sector === 'housing-and-building').length);
      expect(housing.services.every((s) => s.sector === 'housing-and-building')).toBe(true);
      const names = housing.services.map((s) => s.name.en!.toLowerCase());
      expect(names).toEqual([...names].sort());
      const paying = await countServices(t.app.db, { free: false });
      expect(paying).toBe(DEMO_SERVICES.filter((s) => !s.isFree).length);
      const online = await countServices(t.app.db, { channel: 'online', lifeEvent: 'moving' });
      expect(online).toBe(DEMO_SERVICES.filter((s) => s.channels.includes('online') && s.lifeEvents.includes('moving')).length);
      const byOrg = await countServices(t.app.db, { organisation: 'employment-agency' });
      expect(byOrg).toBe(DEMO_SERVICES.filter((s) => s.organisation === 'employment-agency').length);

      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listServicesAfter(t.app.db, {}, { after, limit: 7 });
        seen.push(...page.services.map((s) => s.slug));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(DEMO_SERVICES.map((s) => s.slug).sort());
    });
  });
});
