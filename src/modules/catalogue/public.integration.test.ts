import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { demoServiceInput } from './catalogue.service.js';
import { DEMO_SERVICES } from './demo-data.js';
import { createService, setServiceStatus } from './services.service.js';

const opts = { defaultLocale: 'en', audit: {} };

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

/** The service links of a list page, in order. */
const serviceLinks = (html: string, locale = 'en') =>
  [...html.matchAll(new RegExp(`<h3 class="card__title"><a href="/${locale}/services/([a-z0-9-]+)"`, 'g'))].map((m) => m[1]);

describeEachDatabase('catalogue: public pages', (dialect) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ url });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true, config: { pageCache: false } });
  });
  afterAll(() => t.close());

  it('lists the whole catalogue, 20 a page, with counts and page links', async () => {
    const res = await get('/en/services');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${DEMO_SERVICES.length} e-services`);
    expect(serviceLinks(res.body)).toHaveLength(20);
    expect(res.body).toContain('href="/en/services?page=2"');
    const page2 = await get('/en/services?page=2');
    expect(serviceLinks(page2.body)).toHaveLength(Math.min(20, DEMO_SERVICES.length - 20));
    expect(serviceLinks(page2.body)).not.toContain(serviceLinks(res.body)[0]);
    // A card: name, organisation, summary, channel tags, "free".
    expect(res.body).toContain('Apply for housing benefit');
    expect(res.body).toContain('Family Allowance Office');
    expect(res.body).toContain('Fully online');
    expect(res.body).toMatch(/<strong class="tag tag--success">Free<\/strong>/);
  });

  it('filters by channel, cost, language and organisation, shows them, and keeps them in page links', async () => {
    const res = await get('/en/services?channel=online&free=1&language=en&organisation=family-allowance-office');
    expect(res.statusCode).toBe(200);
    const slugs = serviceLinks(res.body);
    const expected = DEMO_SERVICES.filter(
      (s) =>
        s.organisation === 'family-allowance-office' &&
        s.channels.includes('online') &&
        s.isFree &&
        (s.details?.languages ?? ['fr', 'en']).includes('en'),
    ).map((s) => s.slug);
    expect(new Set(slugs)).toEqual(new Set(expected));
    expect(res.body).toContain('Showing:');
    expect(res.body).toContain('Free of charge only');
    expect(res.body).toContain('<a href="/en/services">Clear filters</a>');
    // The form shows the choices made.
    expect(res.body).toMatch(/<option value="online" selected/);
    expect(res.body).toMatch(/name="free" type="checkbox" value="1" checked|type="checkbox"[^>]*value="1"[^>]*checked/);

    const online = await get('/en/services?channel=online');
    const total = DEMO_SERVICES.filter((s) => s.channels.includes('online')).length;
    expect(online.body).toContain(`${total} e-services`);
    if (total > 20) expect(online.body).toContain('href="/en/services?channel=online&amp;page=2"');
  });

  it('ignores filter values it does not know, rather than failing', async () => {
    const all = await get('/en/services');
    const res = await get('/en/services?channel=fax&free=yes&language=zz&organisation=no-such-org&page=abc&channel=online');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`${DEMO_SERVICES.length} e-services`);
    expect(res.body).not.toContain('Showing:');
    expect(serviceLinks(res.body)).toEqual(serviceLinks(all.body));
    expect((await get('/en/services?page=99999')).statusCode).toBe(200);
    // A page past the end shows the last one.
    const lastPage = Math.ceil(DEMO_SERVICES.length / 20);
    const past = await get('/en/services?page=50');
    expect(serviceLinks(past.body)).toEqual(serviceLinks((await get(`/en/services?page=${lastPage}`)).body));
    expect((await get('/en/services?organisation=%3Cscript%3E')).body).not.toContain('<script>');
  });

  it('shows a sector and a life event as the list with that filter fixed', async () => {
    const sector = await get('/en/sectors/housing-and-building');
    expect(sector.statusCode).toBe(200);
    expect(sector.body).toContain('<h1>Housing and building</h1>');
    const inSector = DEMO_SERVICES.filter((s) => s.sector === 'housing-and-building').map((s) => s.slug);
    expect(new Set(serviceLinks(sector.body))).toEqual(new Set(inSector));
    expect(sector.body).toContain('action="/en/sectors/housing-and-building"');

    const event = await get('/fr/life-events/looking-for-a-place-to-live');
    expect(event.statusCode).toBe(200);
    expect(event.body).toContain('Je cherche un logement');
    const inEvent = DEMO_SERVICES.filter((s) => s.lifeEvents.includes('looking-for-a-place-to-live')).map((s) => s.slug);
    expect(new Set(serviceLinks(event.body, 'fr'))).toEqual(new Set(inEvent));
    const filtered = await get('/fr/life-events/looking-for-a-place-to-live?channel=in_person');
    expect(serviceLinks(filtered.body, 'fr').length).toBeLessThanOrEqual(inEvent.length);

    for (const url of [
      '/en/sectors/no-such-sector',
      '/en/life-events/no-such-event',
      '/en/sectors/Not%20A%20Slug',
      '/en/services/no-such-service',
    ])
      expect((await get(url)).statusCode, url).toBe(404);
  });

  it('shows everything a citizen needs on the service page, in plain language', async () => {
    const res = await get('/en/services/housing-allowance');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Apply for housing benefit</h1>');
    expect(html).toMatch(
      /<a class="button" href="https:\/\/caf\.vallee-verte\.example\/aide-logement" rel="noopener external">Start online<\/a>/,
    );
    for (const heading of [
      'What it is',
      'Who it is for',
      'What you need',
      'What it costs',
      'How long it takes',
      'How to do it',
      'Get help with this',
      'Contact',
      'Responsible organisation',
      'Languages',
    ])
      expect(html, heading).toContain(`>${heading}</h2>`);
    expect(html).toContain('Usually 2 months.');
    expect(html).toContain('It is free.');
    expect(html).toContain('Your landlord’s name and address');
    expect(html).toContain('href="tel:+33300000101"');
    expect(html).toContain('Monday to Friday, 9 am to 4.30 pm');
    expect(html).toContain('French, English and Arabic');
    expect(html).toContain('partly accessible');
    expect(html).toContain('href="https://caf.vallee-verte.example/accessibilite"');
    // Breadcrumbs by sector, links to its life events.
    expect(html).toContain('href="/en/sectors/housing-and-building"');
    expect(html).toContain('href="/en/life-events/looking-for-a-place-to-live"');

    const fr = await get('/fr/services/housing-allowance');
    expect(fr.body).toMatch(/En général 2\smois\./);
    expect(fr.body).toContain('Commencer en ligne');
    expect(fr.body).toContain('français, anglais et arabe');
  });

  it('formats costs and durations in the reader’s language', async () => {
    const en = await get('/en/services/apply-for-a-school-bus-pass');
    expect(en.body).toContain('It costs €30.');
    expect(en.body).toContain('Usually 3 weeks.');
    const fr = await get('/fr/services/apply-for-a-school-bus-pass');
    expect(fr.body).toMatch(/Cela coûte 30\s€\./);
    expect(fr.body).toMatch(/En général 3\ssemaines\./);
  });

  it('embeds a schema.org GovernmentService that parses', async () => {
    const res = await get('/en/services/housing-allowance');
    const [data] = jsonLd(res.body);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      name: 'Apply for housing benefit',
      url: expect.stringMatching(/\/en\/services\/housing-allowance$/),
      provider: { '@type': 'GovernmentOrganization' },
      offers: { '@type': 'Offer', price: 0 },
    });
    const channels = data!.availableChannel as { serviceUrl?: string; processingTime?: string }[];
    expect(channels.some((c) => c.serviceUrl === 'https://caf.vallee-verte.example/aide-logement')).toBe(true);
    expect(channels[0]?.processingTime).toBe('P2M');
  });

  it('lists related services, published ones only', async () => {
    const before = await get('/en/services/claim-child-benefit');
    expect(before.body).toContain('Related e-services');
    expect(before.body).toContain('href="/en/services/claim-birth-grant"');
    await setServiceStatus(t.app.db, 'cli', 'claim-birth-grant', 'withdrawn', opts);
    try {
      const after = await get('/en/services/claim-child-benefit');
      expect(after.body).not.toContain('href="/en/services/claim-birth-grant"');
      expect((await get('/en/services/claim-birth-grant')).statusCode).toBe(404);
    } finally {
      await setServiceStatus(t.app.db, 'cli', 'claim-birth-grant', 'published', opts);
    }
  });

  it('never shows a draft, and falls back to the default language with a note', async () => {
    const base = demoServiceInput(DEMO_SERVICES[0]!);
    await createService(t.app.db, 'cli', { ...base, slug: 'draft-service', related: [] }, opts);
    expect((await get('/en/services/draft-service')).statusCode).toBe(404);
    expect((await get('/en/services')).body).not.toContain('/en/services/draft-service"');

    await createService(
      t.app.db,
      'cli',
      {
        ...base,
        slug: 'english-only',
        name: { en: 'Borrow a </script><b>tool</b>' },
        summary: { en: 'Only in English.' },
        description: { en: 'Still only in English.' },
        audience: {},
        requirements: {},
        evidence: {},
        contactHours: {},
        related: [],
      },
      { ...opts, status: 'published' },
    );
    const fr = await get('/fr/services/english-only');
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<h1><span lang="en">Borrow a &lt;/script>&lt;b>tool&lt;/b></span></h1>');
    expect(fr.body).toContain('<div lang="en"><p>Still only in English.</p></div>');
    expect(fr.body).toContain('Pas encore traduit : affiché en anglais.');
    // The name cannot close the JSON-LD script, and the data reads back unchanged.
    const [data] = jsonLd(fr.body);
    expect(data!.name).toBe('Borrow a </script><b>tool</b>');
    expect(fr.body).not.toContain('"Borrow a </script>');
  });

  it('gives the home page three ways in: search, life events and sectors', async () => {
    const res = await get('/fr/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<form method="get" action="\/fr\/search" role="search">/);
    expect(res.body).toContain('href="/fr/life-events/having-a-child"');
    expect(res.body).toContain('href="/fr/sectors/employment"');
    expect(res.body).toContain('href="/fr/services"');
  });
});
