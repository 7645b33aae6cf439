import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { emptyPlaceForm, placeFormFromRecord, type PlaceFormValues } from './place-form.js';
import { DEMO_PLACES } from './demo-data.js';

/** A form's values as the browser posts them: repeated names for ticked boxes. */
function body(values: PlaceFormValues, extra: Record<string, string> = {}): [string, string][] {
  const pairs: [string, string][] = [];
  const texts = [
    'name',
    'slug',
    'municipalityId',
    'organisationId',
    'address',
    'addressComplement',
    'postcode',
    'inseeCode',
    'latitude',
    'longitude',
    'country',
    'region',
    'timeZone',
    'openingHours',
    'phone',
    'email',
    'website',
    'pivot',
    'source',
    'externalId',
  ] as const;
  for (const k of texts) pairs.push([k, values[k]]);
  for (const [l, v] of Object.entries(values.summary)) pairs.push([`summary_${l}`, v]);
  for (const [l, v] of Object.entries(values.details)) pairs.push([`details_${l}`, v]);
  if (values.mobile) pairs.push(['mobile', 'yes']);
  for (const f of ['services', 'publics', 'specificSupport', 'fees', 'accessModes', 'supportModes', 'equipment', 'accessibility'] as const)
    for (const c of values[f]) pairs.push([f, c]);
  for (const id of values.serviceIds) pairs.push(['serviceIds', id]);
  for (const [k, v] of Object.entries(extra)) pairs.push([k, v]);
  return pairs;
}

describeEachDatabase('places: management by mediators and admins', (dialect) => {
  let t: TestApp;
  let people = 0;
  let placeA: { id: number; slug: string };
  let placeB: { id: number; slug: string };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const rows = await t.app.db.selectFrom('places').select(['id', 'slug']).orderBy('id').execute();
    placeA = rows.find((r) => r.slug === 'mediatheque-saint-aubin')!;
    placeB = rows.find((r) => r.slug === 'mairie-mont-rivel')!;
  });
  afterAll(() => t.close());

  /** A signed-in client with these roles (2FA on when privileged, so the roles are in effect). */
  const person = async (roles: { role: Role; scopeType?: 'place'; scopeId?: number }[] = [], twoFactor = roles.length > 0) => {
    people += 1;
    const email = `manage${people}-${dialect}@example.org`;
    const userId = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Manager ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(twoFactor ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId, email });
  };
  const mediatorOf = (placeId: number) => person([{ role: 'mediator', scopeType: 'place', scopeId: placeId }]);
  const admin = () => person([{ role: 'admin' }]);

  /** Posts a form (repeated names allowed) with the CSRF token of `formPage`. */
  const submit = async (client: TestClient, formPage: string, action: string, pairs: [string, string][]) => {
    const page = await client.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${formPage} (${page.statusCode})`);
    return t.app.inject({
      method: 'POST',
      url: action,
      payload: new URLSearchParams([['_csrf', token], ...pairs]).toString(),
      headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
  };
  const record = (id: number) => t.app.db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const formOf = async (id: number) => {
    const ids = (await t.app.db.selectFrom('place_services').select('service_id').where('place_id', '=', id).execute()).map(
      (r) => r.service_id,
    );
    return placeFormFromRecord(await record(id), ids);
  };
  const auditCount = (action: string, subjectId: number) =>
    t.app.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('action', '=', action)
      .where('subject_id', '=', String(subjectId))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  describe('your places', () => {
    it('sends a signed-out visitor to sign in, and refuses a citizen', async () => {
      const anonymous = new TestClient(t.app);
      const res = await anonymous.get('/en/manage/places');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toContain('/en/sign-in?next=');
      const citizen = await person();
      expect((await citizen.get('/en/manage/places')).statusCode).toBe(403);
    });

    it('shows a mediator their places only, with the links to manage them', async () => {
      const mediator = await mediatorOf(placeA.id);
      const res = await mediator.get('/en/manage/places');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`/en/manage/places/${placeA.slug}"`);
      expect(res.body).toContain(`/en/manage/places/${placeA.slug}/workshops`);
      expect(res.body).toContain(`/en/manage/places/${placeA.slug}/slots`);
      expect(res.body).not.toContain(`/en/manage/places/${placeB.slug}`);
      expect(res.body).not.toContain('/mediators');
    });

    it('shows an admin every place, searchable by name and paged', async () => {
      const a = await admin();
      const all = await a.get('/fr/manage/places');
      expect(all.statusCode).toBe(200);
      for (const p of DEMO_PLACES) expect(all.body).toContain(`/fr/manage/places/${p.slug}/mediators`);
      const found = await a.get('/fr/manage/places?q=ORMEAUX');
      expect(found.body).toContain('/fr/manage/places/bibliotheque-les-ormeaux"');
      expect(found.body).not.toContain(`/fr/manage/places/${placeA.slug}"`);
      const none = await a.get('/fr/manage/places?q=%25');
      expect(none.body).not.toContain(`/fr/manage/places/${placeA.slug}"`);
      const beyond = await a.get('/fr/manage/places?page=2');
      expect(beyond.statusCode).toBe(200);
      expect(beyond.body).not.toContain(`/fr/manage/places/${placeA.slug}"`);
    });
  });

  describe('editing a place', () => {
    it('lets a mediator edit their place: the record, the services and an audit entry change', async () => {
      const mediator = await mediatorOf(placeA.id);
      const page = await mediator.get(`/en/manage/places/${placeA.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="openingHours"');
      const values = await formOf(placeA.id);
      const service = await t.app.db
        .selectFrom('services')
        .select('id')
        .where('status', '=', 'published')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const before = await auditCount('place.update', placeA.id);
      // The public page, seen (and cached) before the change.
      expect((await new TestClient(t.app).get(`/en/places/${placeA.slug}`)).body).not.toContain('(numérique)');
      const res = await submit(
        mediator,
        `/en/manage/places/${placeA.slug}`,
        `/en/manage/places/${placeA.slug}`,
        body(
          {
            ...values,
            name: 'Médiathèque Jean-Rostand (numérique)',
            openingHours: 'Mo-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00; PH off',
            publics: ['seniors', 'youth'],
            summary: { en: 'New summary', fr: 'Nouvelle présentation' },
            serviceIds: [String(service.id)],
          },
          { action: 'save' },
        ),
      );
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/en/manage/places/${placeA.slug}?done=saved`);
      const row = await record(placeA.id);
      expect(row.name).toBe('Médiathèque Jean-Rostand (numérique)');
      expect(row.opening_hours).toBe('Mo-Fr 09:00-12:00,14:00-19:00; Sa 09:00-12:00; PH off');
      expect(row.open_saturday).toBe(1);
      expect(row.open_evening).toBe(1);
      expect(JSON.parse(row.publics)).toEqual(['seniors', 'youth']);
      expect(JSON.parse(row.summary)).toEqual({ en: 'New summary', fr: 'Nouvelle présentation' });
      expect(row.slug).toBe(placeA.slug);
      const links = await t.app.db.selectFrom('place_services').select('service_id').where('place_id', '=', placeA.id).execute();
      expect(links.map((l) => l.service_id)).toEqual([service.id]);
      expect(await auditCount('place.update', placeA.id)).toBe(before + 1);
      expect(await auditCount('place.services', placeA.id)).toBeGreaterThan(0);
      const saved = await mediator.get(`/en/manage/places/${placeA.slug}?done=saved`);
      expect(saved.body).toContain('The place has been saved.');
      // The preview of the saved hours: a weekly table.
      expect(saved.body).toContain('Preview of the opening hours');
      expect(saved.body).toContain('14:00 to 19:00');
      // The public page shows the new hours and name.
      const publicPage = await new TestClient(t.app).get(`/en/places/${placeA.slug}`);
      expect(publicPage.statusCode).toBe(200);
      expect(publicPage.body).toContain('Médiathèque Jean-Rostand (numérique)');
      expect(publicPage.body).toContain('19:00');
    });

    it('refuses a mediator another place (GET and POST), and a citizen, and writes nothing', async () => {
      const mediator = await mediatorOf(placeA.id);
      expect((await mediator.get(`/en/manage/places/${placeB.slug}`)).statusCode).toBe(403);
      const before = await record(placeB.id);
      const ownPage = `/en/manage/places/${placeA.slug}`;
      const res = await submit(
        mediator,
        ownPage,
        `/en/manage/places/${placeB.slug}`,
        body({ ...(await formOf(placeB.id)), name: 'Taken over' }),
      );
      expect(res.statusCode).toBe(403);
      expect(await record(placeB.id)).toEqual(before);
      const citizen = await person();
      expect((await citizen.get(`/en/manage/places/${placeB.slug}`)).statusCode).toBe(403);
      // A mediator whose role is not in effect (no 2FA) may not either.
      const pending = await person([{ role: 'mediator', scopeType: 'place', scopeId: placeB.id }], false);
      expect((await pending.get(`/en/manage/places/${placeB.slug}`)).statusCode).toBe(403);
      expect((await new TestClient(t.app).get(`/en/manage/places/${placeB.slug}`)).statusCode).toBe(303);
      expect((await mediator.get('/en/manage/places/no-such-place')).statusCode).toBe(404);
      // Mediators never reach the mediators page nor create places.
      expect((await mediator.get(`/en/manage/places/${placeA.slug}/mediators`)).statusCode).toBe(403);
      expect((await mediator.get('/en/manage/places/new')).statusCode).toBe(403);
    });

    it('brings every field rule back to the form as an inline error, keeps the values and writes nothing', async () => {
      const mediator = await mediatorOf(placeA.id);
      const before = await record(placeA.id);
      const values: PlaceFormValues = {
        ...(await formOf(placeA.id)),
        name: '',
        address: '',
        postcode: 'x',
        inseeCode: 'ABCDE',
        latitude: 'north',
        longitude: '4.4',
        country: 'France',
        region: 'Burgundy',
        timeZone: 'Mars/Olympus',
        phone: 'call me',
        email: 'not-an-address',
        website: 'ftp://example.org',
        pivot: '12',
        summary: { en: '', fr: '' },
        details: { en: 'x'.repeat(5001), fr: '' },
        services: [],
        publics: ['martians'],
      };
      const res = await submit(mediator, `/en/manage/places/${placeA.slug}`, `/en/manage/places/${placeA.slug}`, body(values));
      expect(res.statusCode).toBe(422);
      const messages = [
        'Enter the name of the place',
        'Enter the street address',
        'Enter a valid postcode',
        'Enter a valid INSEE code',
        'Enter the latitude as a decimal number',
        'Enter the country as a two-letter code',
        'Enter the region as an ISO 3166-2 code',
        'Enter a time zone',
        'Enter a phone number',
        'Enter an email address in the right format',
        'Enter a full web address starting with https://',
        'Enter a SIRET (14 digits)',
        'Enter a short presentation in at least one language',
        'The details must be 5,000 characters or fewer',
        'Choose at least one kind of help offered',
        'Choose only from the options listed',
      ];
      for (const m of messages) expect(res.body).toContain(m);
      expect(res.body).toContain('class="error-summary"');
      expect(res.body).toContain('href="#place-name"');
      expect(res.body).toContain('href="#place-details-en"');
      expect(res.body).toContain('value="call me"');
      expect(await record(placeA.id)).toEqual(before);

      const pair = await submit(
        mediator,
        `/en/manage/places/${placeA.slug}`,
        `/en/manage/places/${placeA.slug}`,
        body({ ...(await formOf(placeA.id)), latitude: '46.79', longitude: '', summary: { en: 'y'.repeat(281), fr: '' } }),
      );
      expect(pair.statusCode).toBe(422);
      expect(pair.body).toContain('Enter both the latitude and the longitude, or neither');
      expect(pair.body).toContain('The short presentation must be 280 characters or fewer');
      const far = await submit(
        mediator,
        `/en/manage/places/${placeA.slug}`,
        `/en/manage/places/${placeA.slug}`,
        body({
          ...(await formOf(placeA.id)),
          name: 'n'.repeat(201),
          latitude: '91',
          longitude: '181',
          municipalityId: '999999',
          openingHours: 'x'.repeat(501),
        }),
      );
      expect(far.statusCode).toBe(422);
      for (const m of [
        'The name must be 200 characters or fewer',
        'between -90 and 90',
        'between -180 and 180',
        'Choose a municipality from the list',
        'The opening hours must be 500 characters or fewer',
      ])
        expect(far.body).toContain(m);
      expect(await record(placeA.id)).toEqual(before);
    });

    it('shows the localised message of invalid opening hours, and refuses to save them', async () => {
      const mediator = await mediatorOf(placeA.id);
      const before = await record(placeA.id);
      for (const locale of ['en', 'fr']) {
        const res = await submit(
          mediator,
          `/${locale}/manage/places/${placeA.slug}`,
          `/${locale}/manage/places/${placeA.slug}`,
          body({ ...(await formOf(placeA.id)), openingHours: 'Mo-Fr 25:00-99:00 blah' }),
        );
        expect(res.statusCode).toBe(422);
        expect(res.body).toContain('id="place-opening-hours-error"');
        expect(res.body).toContain('href="#place-opening-hours"');
        const message = /id="place-opening-hours-error"[^>]*>(.*?)<\/p>/s.exec(res.body)?.[1] ?? '';
        expect(message).toContain(
          locale === 'en' ? 'The opening hours cannot be read' : 'Les horaires d’ouverture ne peuvent pas être lus',
        );
      }
      expect(await record(placeA.id)).toEqual(before);
    });

    it('shows warnings and the preview on "Check the hours" without saving, and saves hours with warnings', async () => {
      const mediator = await mediatorOf(placeA.id);
      const before = await record(placeA.id);
      // A value the library accepts with warnings (a forgotten semicolon between two rules).
      const hours = 'Mo-Fr 09:00-12:00 Sa 10:00-12:00';
      const check = await submit(
        mediator,
        `/en/manage/places/${placeA.slug}`,
        `/en/manage/places/${placeA.slug}`,
        body({ ...(await formOf(placeA.id)), openingHours: hours }, { action: 'check' }),
      );
      expect(check.statusCode).toBe(200);
      expect(check.body).toContain('Preview of the opening hours');
      expect(check.body).toContain('09:00 to 12:00');
      expect(check.body).toContain('id="place-hours-warnings"');
      expect(check.body).toContain('not connected weekdays');
      expect(await record(placeA.id)).toEqual(before);
      const save = await submit(
        mediator,
        `/en/manage/places/${placeA.slug}`,
        `/en/manage/places/${placeA.slug}`,
        body({ ...(await formOf(placeA.id)), openingHours: hours }),
      );
      expect(save.statusCode).toBe(303);
      expect((await record(placeA.id)).opening_hours).toBe(hours);
      const after = await mediator.get(`/en/manage/places/${placeA.slug}?done=saved`);
      expect(after.body).toContain('id="place-hours-warnings"');
    });

    it('finds e-services to add without saving, and keeps what was typed', async () => {
      const mediator = await mediatorOf(placeA.id);
      const before = await record(placeA.id);
      const service = await t.app.db
        .selectFrom('services')
        .select(['id', 'slug'])
        .where('status', '=', 'published')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const res = await submit(
        mediator,
        `/en/manage/places/${placeA.slug}`,
        `/en/manage/places/${placeA.slug}`,
        body(
          { ...(await formOf(placeA.id)), name: 'Typed but not saved', serviceIds: [] },
          { action: 'searchServices', serviceQuery: service.slug },
        ),
      );
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`name="serviceIds" value="${service.id}"`);
      expect(res.body).toContain('value="Typed but not saved"');
      expect(await record(placeA.id)).toEqual(before);
    });
  });

  describe('admins', () => {
    it('creates a place, then attaches and detaches a mediator, who then can and cannot edit it', async () => {
      const a = await admin();
      const municipality = await t.app.db.selectFrom('municipalities').select('id').orderBy('id').executeTakeFirstOrThrow();
      const values: PlaceFormValues = {
        ...emptyPlaceForm(),
        name: 'Espace numérique de la Gare',
        municipalityId: String(municipality.id),
        address: '1 avenue de la Gare',
        postcode: '71400',
        latitude: '46.79',
        longitude: '4.43',
        region: 'FR-BFC',
        openingHours: 'Mo-Fr 09:00-17:00; PH off',
        summary: { en: 'Computers and help at the station.', fr: 'Ordinateurs et aide à la gare.' },
        services: ['admin_procedures', 'internet_access'],
        fees: ['free'],
      };
      const created = await submit(a, '/en/manage/places/new', '/en/manage/places/new', body(values));
      expect(created.statusCode).toBe(303);
      expect(created.headers.location).toBe('/en/manage/places/espace-numerique-de-la-gare?done=created');
      const place = await t.app.db
        .selectFrom('places')
        .selectAll()
        .where('slug', '=', 'espace-numerique-de-la-gare')
        .executeTakeFirstOrThrow();
      expect(place.region).toBe('FR-BFC');
      expect(place.time_zone).toBe('Europe/Paris');
      expect(JSON.parse(place.mediation_services)).toEqual(['admin_procedures', 'internet_access']);
      expect(await auditCount('place.create', place.id)).toBe(1);

      // A second place with the same name gets a numbered slug; an invalid one writes nothing.
      const again = await submit(a, '/en/manage/places/new', '/en/manage/places/new', body(values));
      expect(again.headers.location).toBe('/en/manage/places/espace-numerique-de-la-gare-2?done=created');
      const count = async () =>
        Number(
          (
            await t.app.db
              .selectFrom('places')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      const bad = await submit(
        a,
        '/en/manage/places/new',
        '/en/manage/places/new',
        body({ ...values, municipalityId: '', slug: 'Bad Slug' }),
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Choose the municipality');
      expect(bad.body).toContain('The web address may use only lower-case letters');
      const taken = await submit(
        a,
        '/en/manage/places/new',
        '/en/manage/places/new',
        body({ ...values, slug: 'espace-numerique-de-la-gare' }),
      );
      expect(taken.statusCode).toBe(422);
      expect(taken.body).toContain('Another place already has this web address');
      expect(await count()).toBe(n);

      // Attach a mediator by email: they can edit it; detach: they no longer can.
      const future = await person([], true);
      const page = `/en/manage/places/${place.slug}/mediators`;
      expect((await future.get(`/en/manage/places/${place.slug}`)).statusCode).toBe(403);
      const unknown = await submit(a, page, page, [['email', 'nobody@example.org']]);
      expect(unknown.statusCode).toBe(422);
      expect(unknown.body).toContain('No account has this email address');
      const invalid = await submit(a, page, page, [['email', 'nobody']]);
      expect(invalid.statusCode).toBe(422);
      const attached = await submit(a, page, page, [['email', future.email.toUpperCase()]]);
      expect(attached.statusCode).toBe(303);
      expect(attached.headers.location).toBe(`${page}?done=attached`);
      expect((await a.get(page)).body).toContain(future.email);
      expect(await auditCount('place.mediator_attach', place.id)).toBe(1);
      const twice = await submit(a, page, page, [['email', future.email]]);
      expect(twice.headers.location).toBe(`${page}?done=unchanged`);
      expect(await auditCount('place.mediator_attach', place.id)).toBe(1);
      // The role row is as the admin's user page grants it.
      const role = await t.app.db
        .selectFrom('user_roles')
        .selectAll()
        .where('user_id', '=', future.userId)
        .where('role', '=', 'mediator')
        .executeTakeFirstOrThrow();
      expect(role).toMatchObject({ role: 'mediator', scope_type: 'place', scope_id: place.id, granted_by: a.userId });
      expect((await future.get(`/en/manage/places/${place.slug}`)).statusCode).toBe(200);
      expect((await future.get('/en/manage/places')).body).toContain(`/en/manage/places/${place.slug}"`);

      const detached = await submit(a, page, `${page}/${future.userId}/detach`, []);
      expect(detached.statusCode).toBe(303);
      expect(detached.headers.location).toBe(`${page}?done=detached`);
      expect(await auditCount('place.mediator_detach', place.id)).toBe(1);
      expect((await future.get(`/en/manage/places/${place.slug}`)).statusCode).toBe(403);
    });

    it('refuses the mediators pages and the new-place form to anyone else', async () => {
      const mediator = await mediatorOf(placeA.id);
      const target = await person();
      const page = `/en/manage/places/${placeA.slug}/mediators`;
      const res = await submit(mediator, `/en/manage/places/${placeA.slug}`, page, [['email', target.email]]);
      expect(res.statusCode).toBe(403);
      const roles = await t.app.db
        .selectFrom('user_roles')
        .select('id')
        .where('user_id', '=', target.userId)
        .where('role', '=', 'mediator')
        .execute();
      expect(roles).toEqual([]);
      const detach = await submit(mediator, `/en/manage/places/${placeA.slug}`, `${page}/${mediator.userId}/detach`, []);
      expect(detach.statusCode).toBe(403);
      const create = await submit(mediator, `/en/manage/places/${placeA.slug}`, '/en/manage/places/new', body(emptyPlaceForm()));
      expect(create.statusCode).toBe(403);
      const citizen = await person();
      expect((await citizen.get('/en/manage/places/new')).statusCode).toBe(403);
      expect((await new TestClient(t.app).get(page)).statusCode).toBe(303);
    });
  });

  describe('deleting a place', () => {
    it('lets an admin delete a place with its mediators’ roles, audited, once nobody holds a booking there', async () => {
      const a = await admin();
      const municipality = await t.app.db.selectFrom('municipalities').select('id').orderBy('id').executeTakeFirstOrThrow();
      const values: PlaceFormValues = {
        ...emptyPlaceForm(),
        name: 'Permanence éphémère',
        municipalityId: String(municipality.id),
        address: '3 rue du Marché',
        postcode: '71400',
        summary: { fr: 'Une permanence de quelques semaines.' },
        services: ['admin_procedures'],
      };
      await submit(a, '/en/manage/places/new', '/en/manage/places/new', body(values));
      const place = await t.app.db
        .selectFrom('places')
        .select(['id', 'slug'])
        .where('name', '=', 'Permanence éphémère')
        .executeTakeFirstOrThrow();
      const mediator = await mediatorOf(place.id);
      const citizen = await person();
      const page = `/en/manage/places/${place.slug}/delete`;

      // Nobody but an admin.
      expect((await mediator.get(page)).statusCode).toBe(403);
      expect((await submit(mediator, `/en/manage/places/${place.slug}`, page, [])).statusCode).toBe(403);
      expect((await new TestClient(t.app).get(page)).statusCode).toBe(303);

      // A booking to come blocks it.
      const now = new Date();
      const later = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();
      const slot = await t.app.db
        .insertInto('appointment_slots')
        .values({
          place_id: place.id,
          mediator_id: null,
          starts_at: later(48),
          ends_at: later(49),
          status: 'open',
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.app.db
        .insertInto('appointment_bookings')
        .values({
          slot_id: slot.id,
          user_id: citizen.userId,
          need: 'Help with a form',
          status: 'active',
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
      const blocked = await a.get(page);
      expect(blocked.statusCode).toBe(200);
      expect(blocked.body).toContain('id="place-delete-blocked"');
      expect(blocked.body).not.toContain(`action="${page}"`);
      const refused = await submit(a, `/en/manage/places/${place.slug}`, page, []);
      expect(refused.headers.location).toBe(page);
      expect(await t.app.db.selectFrom('places').select('id').where('id', '=', place.id).executeTakeFirst()).toBeDefined();

      await t.app.db.updateTable('appointment_bookings').set({ status: 'cancelled' }).where('slot_id', '=', slot.id).execute();
      const confirm = await a.get(page);
      expect(confirm.body).toContain(`action="${page}"`);
      const deleted = await submit(a, page, page, []);
      expect(deleted.statusCode).toBe(303);
      expect(deleted.headers.location).toBe('/en/manage/places?done=deleted');
      expect(await t.app.db.selectFrom('places').select('id').where('id', '=', place.id).executeTakeFirst()).toBeUndefined();
      expect(await t.app.db.selectFrom('appointment_slots').select('id').where('place_id', '=', place.id).execute()).toEqual([]);
      const roles = await t.app.db
        .selectFrom('user_roles')
        .select('id')
        .where('user_id', '=', mediator.userId)
        .where('role', '=', 'mediator')
        .execute();
      expect(roles).toEqual([]);
      expect(await auditCount('place.delete', place.id)).toBe(1);
      expect((await a.get('/en/manage/places?done=deleted')).body).toContain('The place has been deleted.');
      expect((await a.get(`/en/manage/places/${place.slug}`)).statusCode).toBe(404);
    });
  });

  describe('demo data', () => {
    it('seeds every field of the demo places with their derived flags and demo e-services, and seeds again without change', async () => {
      const rows = await t.app.db
        .selectFrom('places')
        .selectAll()
        .where(
          'slug',
          'in',
          DEMO_PLACES.map((p) => p.slug),
        )
        .execute();
      expect(rows).toHaveLength(DEMO_PLACES.length);
      for (const row of rows) {
        expect(row.region).toBe('FR-BFC');
        expect(row.time_zone).toBe('Europe/Paris');
        expect(JSON.parse(row.fees).length).toBeGreaterThan(0);
        expect(JSON.parse(row.equipment).length).toBeGreaterThan(0);
        expect(JSON.parse(row.accessibility).length).toBeGreaterThan(0);
      }
      const bySlug = new Map(rows.map((r) => [r.slug, r]));
      expect(bySlug.get('espace-services-publics-saint-aubin')!.open_saturday).toBe(1);
      expect(bySlug.get('maison-pour-tous-mont-rivel')!.open_evening).toBe(1);
      expect(bySlug.get('mairie-mont-rivel')!.open_evening).toBe(0);
      expect(bySlug.get('mairie-mont-rivel')!.open_saturday).toBe(0);
      const links = await t.app.db.selectFrom('place_services').select('place_id').distinct().execute();
      expect(links.length).toBeGreaterThanOrEqual(5);
      const { seedDemoPlaces } = await import('./places.service.js');
      const count = async () =>
        Number(
          (
            await t.app.db
              .selectFrom('place_services')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      await seedDemoPlaces(t.app.db);
      expect(await count()).toBe(before);
    });
  });
});
