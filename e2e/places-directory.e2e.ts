/**
 * The directory of Digital Public Spaces in a browser, in both languages: from an e-service's page,
 * a person follows "find a place near you that helps with this", says where they are and ticks
 * "open now"; the list shows the places that help with it and are open at this moment, nearest
 * first (the app's clock is set to a Wednesday morning, when demo places are open, and the
 * expected list is computed with the same opening-hours functions); they open the nearest place's page.
 * Then the map: fetched when asked for ("Show the map"), its markers reachable with the keyboard,
 * a marker's popup linking to the place. Without JavaScript the list is the whole page. axe finds nothing on any page
 * visited (map included), and the Nu HTML Checker finds no error in them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n.js';
import { loadDirectory, resolveNear, loadMunicipalities, searchDirectory } from '../src/modules/places/places.queries.js';
import { setClock } from '../src/platform/clock.js';
import { pageAuditor } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

/** A 1×1 transparent PNG: map tiles come from here, not from the internet. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const NEAR = 'mont-rivel';

let ecoop: E2EApp;
let browser: Browser;

/** A Wednesday, 10:00 in Paris, that is no public holiday: the app's "now" for this file. */
const WEDNESDAY_MORNING = new Date('2026-12-02T09:00:00.000Z');

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
  setClock(ecoop.config, () => WEDNESDAY_MORNING);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** The slugs of the places listed on a directory page, in order. */
async function listed(page: Page): Promise<string[]> {
  return page.$$eval('.places-list .card__title a', (links) => links.map((a) => a.getAttribute('href')!.split('/').pop()!));
}

/** What the directory should list for this e-service, open at `now`, nearest first from Mont-Rivel. */
async function expectedOpen(serviceId: number, now: Date): Promise<string[]> {
  const [entries, municipalities] = await Promise.all([loadDirectory(ecoop.db), loadMunicipalities(ecoop.db)]);
  const from = resolveNear(municipalities, NEAR)!;
  const filters = {
    services: [],
    publics: [],
    support: [],
    access: [],
    openNow: true,
    saturday: false,
    evening: false,
    free: false,
    eserviceId: serviceId,
  };
  return searchDirectory(entries, filters, now, { lat: from.latitude!, lng: from.longitude! }).map((p) => p.slug);
}

describe('finding the nearest place open now that helps with an e-service', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`from the service page to the place (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      // An e-service some demo place helps with.
      const service = await ecoop.db
        .selectFrom('place_services')
        .innerJoin('services', 'services.id', 'place_services.service_id')
        .select(['services.id', 'services.slug'])
        .where('services.status', '=', 'published')
        .orderBy('services.slug')
        .executeTakeFirstOrThrow();
      const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      await context.route('https://tile.openstreetmap.org/**', (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
      );
      try {
        const page = await context.newPage();
        await page.goto(ecoop.url(`/${locale}/services/${service.slug}`));
        await page.getByRole('link', { name: t('places.fromService.findNear'), exact: true }).click();
        await page.waitForURL(`**/${locale}/places?eservice=${service.slug}`);
        await audit(page, `/${locale}/places?eservice=${service.slug}`);
        expect(await page.isChecked('#eservice')).toBe(true);

        // Where they are, and "open now".
        await page.getByLabel(t('places.directory.near'), { exact: true }).fill('Mont-Rivel (71410)');
        await page.getByLabel(t('places.directory.openNow'), { exact: true }).check();
        await page.getByRole('button', { name: t('places.directory.submit'), exact: true }).click();
        await page.waitForURL(/open=now/);
        await audit(page, `/${locale}/places?eservice=…&near=…&open=now`);
        const shown = await listed(page);
        const expected = await expectedOpen(service.id, WEDNESDAY_MORNING);
        expect(expected.length, 'demo places open on a Wednesday morning that help with the service').toBeGreaterThan(1);
        expect(shown).toEqual(expected);
        expect(await page.locator('main').textContent()).toContain(t('places.directory.sortedByDistance', { from: 'Mont-Rivel' }));

        // The nearest of them.
        await page.locator('.places-list .card__title a').first().click();
        await page.waitForURL(`**/${locale}/places/${shown[0]}`);
        await audit(page, `/${locale}/places/${shown[0]}`);
        expect(await page.locator('h2', { hasText: t('places.place.hoursTitle') }).count()).toBe(1);
        expect(await page.locator('main').textContent()).toContain(t('hours.status.open'));
        expect(await page.locator(`a[href="/${locale}/places/${shown[0]}/appointments"]`).count()).toBe(1);
        await report(`directory journey (${locale})`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the map beside the list', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`shows the places, its markers work with the keyboard (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      await context.route('https://tile.openstreetmap.org/**', (route) =>
        route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
      );
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(m.text());
        });
        await page.goto(ecoop.url(`/${locale}/places`));
        expect(await page.getByRole('heading', { name: t('places.directory.map'), exact: true }).isVisible()).toBe(true);
        await audit(page, `/${locale}/places (before the map)`);
        // The map is fetched when asked for, and takes the focus.
        await page.getByRole('button', { name: t('places.directory.showMap'), exact: true }).click();
        await page.waitForSelector('.places-map .leaflet-marker-icon');
        expect(await page.evaluate(() => document.activeElement?.classList.contains('leaflet-container') ?? false)).toBe(true);
        expect(errors).toEqual([]);
        await audit(page, `/${locale}/places (map)`);

        // Tab to the first marker (a cluster or a place), Enter: a cluster zooms in, a place opens its popup.
        const focusedIsMarker = () => page.evaluate(() => document.activeElement?.classList.contains('leaflet-marker-icon') ?? false);
        for (let i = 0; i < 300 && !(await focusedIsMarker()); i++) await page.keyboard.press('Tab');
        expect(await focusedIsMarker()).toBe(true);
        const place = page.locator('img.leaflet-marker-icon').first();
        if ((await page.evaluate(() => document.activeElement?.tagName)) !== 'IMG') {
          await page.keyboard.press('Enter');
          await place.waitFor();
          await place.focus();
        }
        const name = await page.evaluate(() => document.activeElement?.getAttribute('alt') ?? '');
        expect(name).not.toBe('');
        await page.keyboard.press('Enter');
        const link = page.locator('.leaflet-popup-content a');
        await link.waitFor();
        expect(await link.getAttribute('href')).toMatch(new RegExp(`^/${locale}/places/[a-z0-9-]+$`));
        expect(await page.evaluate(() => document.activeElement?.closest('.leaflet-popup') !== null)).toBe(true);
        await audit(page, `/${locale}/places (popup open)`);
        await page.keyboard.press('Enter');
        await page.waitForURL(new RegExp(`/${locale}/places/[a-z0-9-]+$`));
        await page.getByRole('button', { name: t('places.place.showMap'), exact: true }).click();
        await page.waitForSelector('.place-map .leaflet-marker-icon');
        await audit(page, `${new URL(page.url()).pathname} (map)`);
        expect(errors).toEqual([]);
        await report(`map (${locale})`);
      } finally {
        await context.close();
      }
    });
  }

  it('leaves the list as the whole page without JavaScript, at 320 px', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(ecoop.url('/en/places?near=mont-rivel'));
      expect((await listed(page)).length).toBeGreaterThan(0);
      expect(await page.locator('.places-map').isHidden()).toBe(true);
      expect(await page.locator('.place-map').count()).toBe(0);
      expect(await page.locator('[data-locate]').isHidden()).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      expect(overflow).toBe(false);
    } finally {
      await context.close();
    }
  });
});
