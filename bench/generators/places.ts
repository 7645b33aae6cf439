/**
 * Places: Digital Public Spaces (city scale: 200) spread over the generated municipalities, each
 * offering some of the nine mediation services of the "lieux de médiation numérique" schema, and
 * helping people with about sixty of the published e-services offered through a DPS (the
 * `place_services` rows a service page lists as "places that can help").
 */
import { MEDIATION_SERVICES, type MediationService } from '../../src/modules/places/index.js';
import { openingFlags } from '../../src/modules/places/opening-hours.js';
import { codesOf } from '../../src/modules/places/places.model.js';
import { idsBySlug, insertRows } from '../bulk.js';
import { scaled } from '../scale.js';
import { json, LANGS, pastIso, phoneNumber, SlugSet, type Tr } from './text.js';
import type { DatasetGenerator } from './types.js';

const KINDS = [
  'Médiathèque',
  'Espace numérique',
  'France services',
  'Centre social',
  'Maison de quartier',
  'Tiers-lieu',
  'Point numérique',
];
const NAMESAKES = [
  'Jean-Rostand',
  'Louise-Michel',
  'Victor-Hugo',
  'Simone-Veil',
  'Jean-Jaurès',
  'Marie-Curie',
  'Jules-Ferry',
  'George-Sand',
  'Albert-Camus',
  'Colette',
  'Olympe-de-Gouges',
  'Aimé-Césaire',
  'Joséphine-Baker',
  'Pierre-Mendès-France',
  'Lucie-Aubrac',
];
const STREETS = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'place de la Mairie',
  'rue des Écoles',
  'boulevard Pasteur',
  'rue du Moulin',
  'allée des Tilleuls',
  'rue de la Gare',
];
const HOURS = [
  'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off',
  'Tu-Fr 10:00-12:30,14:00-18:30; Sa 10:00-17:00; PH off',
  'Mo,We,Fr 09:00-17:00; PH off',
  'Mo-Sa 10:00-19:00; PH off',
  'Tu,Th 14:00-18:00; Sa 09:30-12:30',
];

/** The mediation services in every language (for summaries; the codes are what is stored). */
const SERVICE_LABELS: Record<MediationService, Tr> = {
  admin_procedures: { en: 'online forms', fr: 'les démarches en ligne', es: 'los trámites en línea' },
  everyday_tools: { en: 'email and smartphones', fr: 'le courriel et le smartphone', es: 'el correo y el móvil' },
  employment: { en: 'job searching online', fr: 'la recherche d’emploi en ligne', es: 'la búsqueda de empleo en línea' },
  online_safety: { en: 'staying safe online', fr: 'la sécurité en ligne', es: 'la seguridad en internet' },
  parenting: { en: 'children’s screen time', fr: 'les écrans et les enfants', es: 'las pantallas y los niños' },
  leisure: { en: 'photo and video editing', fr: 'la retouche photo et vidéo', es: 'la edición de fotos y vídeos' },
  digital_culture: { en: 'understanding the digital world', fr: 'la compréhension du numérique', es: 'la comprensión del mundo digital' },
  internet_access: { en: 'free Internet access', fr: 'l’accès libre à Internet', es: 'el acceso libre a internet' },
  affordable_equipment: {
    en: 'buying a low-cost computer',
    fr: 'l’achat d’un ordinateur à prix solidaire',
    es: 'la compra de un ordenador a precio solidario',
  },
};
const CODES = Object.keys(MEDIATION_SERVICES) as MediationService[];
const CLOCK = { country: 'FR', region: 'FR-BFC', timeZone: 'Europe/Paris' } as const;
const FLAGS = new Map(HOURS.map((h) => [h, openingFlags(h, CLOCK)]));
const THEMES: Record<MediationService, Tr> = {
  admin_procedures: {
    en: 'Your online procedures, step by step',
    fr: 'Vos démarches en ligne pas à pas',
    es: 'Sus trámites en línea paso a paso',
  },
  everyday_tools: { en: 'Getting started with a smartphone', fr: 'Bien débuter avec son smartphone', es: 'Primeros pasos con el móvil' },
  employment: { en: 'Job searching online', fr: 'Chercher un emploi en ligne', es: 'Buscar empleo en línea' },
  online_safety: { en: 'Spotting scams and phishing', fr: 'Repérer les arnaques en ligne', es: 'Detectar estafas en línea' },
  parenting: { en: 'Children and screens', fr: 'Les enfants et les écrans', es: 'Los niños y las pantallas' },
  leisure: { en: 'Editing your holiday photos', fr: 'Retoucher ses photos de vacances', es: 'Editar las fotos de vacaciones' },
  digital_culture: {
    en: 'What is artificial intelligence?',
    fr: 'L’intelligence artificielle, c’est quoi ?',
    es: '¿Qué es la inteligencia artificial?',
  },
  internet_access: { en: 'Using the public computers', fr: 'Utiliser les ordinateurs en libre accès', es: 'Usar los ordenadores públicos' },
  affordable_equipment: {
    en: 'Choosing a refurbished computer',
    fr: 'Choisir un ordinateur reconditionné',
    es: 'Elegir un ordenador reacondicionado',
  },
};
const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export const placesGenerator: DatasetGenerator = {
  name: 'places',
  async generate(ctx) {
    const { rng, handle, db, factor, dataset } = ctx;
    const municipalities = await db
      .selectFrom('municipalities')
      .select(['id', 'name', 'postcode', 'latitude', 'longitude'])
      .orderBy('id')
      .execute();
    const organisations = dataset.ids.organisation ?? [];
    if (municipalities.length === 0) throw new Error('places generator: no municipalities (the territory generator runs first)');
    const count = scaled(200, factor);
    const slugs = new SlugSet();
    const rows = Array.from({ length: count }, () => {
      const m = rng.pick(municipalities);
      const kind = rng.pick(KINDS);
      const name = kind === 'France services' || kind === 'Point numérique' ? `${kind} ${m.name}` : `${kind} ${rng.pick(NAMESAKES)}`;
      const slug = slugs.take(name.includes(m.name) ? name : `${name} ${m.name}`);
      const services = CODES.filter(() => rng.chance(0.45));
      if (!services.includes('admin_procedures')) services.unshift('admin_procedures');
      const computers = rng.int(2, 20);
      const mediators = rng.int(1, 4);
      const helpWith = rng.sample(services, 3).map((c) => SERVICE_LABELS[c]);
      const list = (l: keyof Tr) => helpWith.map((h) => h[l]).join(', ');
      const summary: Tr = {
        en: `${computers} public computers, free Wi-Fi and ${mediators} digital mediator${mediators > 1 ? 's who help' : ' who helps'} with ${list('en')}.`,
        fr: `${computers} ordinateurs en libre accès, Wi-Fi gratuit et ${mediators} médiateur${mediators > 1 ? 's' : ''} numérique${mediators > 1 ? 's' : ''} pour ${list('fr')}.`,
        es: `${computers} ordenadores de libre acceso, wifi gratuito y ${mediators} mediador${mediators > 1 ? 'es' : ''} digital${mediators > 1 ? 'es' : ''} para ${list('es')}.`,
      };
      const createdAt = pastIso(rng, ctx.now, 2 * 365);
      const hours = rng.pick(HOURS);
      return {
        slug,
        name,
        municipality_id: m.id,
        organisation_id: organisations.length > 0 && rng.chance(0.7) ? rng.pick(organisations) : null,
        address: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
        postcode: m.postcode,
        latitude: Number(((m.latitude ?? 46.8) + (rng.next() - 0.5) * 0.02).toFixed(5)),
        longitude: Number(((m.longitude ?? 4.4) + (rng.next() - 0.5) * 0.02).toFixed(5)),
        opening_hours: hours,
        open_saturday: FLAGS.get(hours)!.openSaturday ? 1 : 0,
        open_evening: FLAGS.get(hours)!.openEvening ? 1 : 0,
        region: CLOCK.region,
        time_zone: CLOCK.timeZone,
        publics: json(codesOf('publics').filter(() => rng.chance(0.3))),
        specific_support: json(codesOf('specificSupport').filter(() => rng.chance(0.2))),
        fees: json([rng.chance(0.85) ? 'free' : rng.pick(['free_conditional', 'paid'])]),
        access_modes: json(codesOf('accessModes').filter((c) => c !== 'no_public' && rng.chance(0.5))),
        support_modes: json(codesOf('supportModes').filter(() => rng.chance(0.6))),
        equipment: json(codesOf('equipment').filter(() => rng.chance(0.6))),
        accessibility: json(codesOf('accessibility').filter(() => rng.chance(0.5))),
        phone: phoneNumber(rng),
        email: `numerique@${slug}.example`,
        website: rng.chance(0.5) ? `https://${slug}.example/` : null,
        summary: json(Object.fromEntries(LANGS.map((l) => [l, summary[l]]))),
        mediation_services: json(services),
        created_at: createdAt,
        updated_at: createdAt,
      };
    });
    dataset.counts.places = await insertRows(handle, 'places', rows);
    dataset.ids.place = [...(await idsBySlug(handle, 'places')).values()];
    dataset.samples.place = rng.sample(rows, 5).map((r) => r.slug);

    // Which e-services each place helps with: published services with the 'dps' channel (channels
    // are a JSON array of fixed codes, so the quoted code matches exactly one element).
    const dpsServices = (
      await db
        .selectFrom('services')
        .select('id')
        .where('status', '=', 'published')
        .where('channels', 'like', '%"dps"%')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    const placeIds = dataset.ids.place;

    // Each place's coming workshops (about one a week) and appointment slots (about two a day), for
    // the four months after the dataset's date (so a bench run in the following weeks still finds
    // future ones), without registrations or bookings: the pages list them.
    const day = 24 * 3600 * 1000;
    const at = (daysAhead: number, hour: number) => {
      const d = new Date(ctx.now.getTime() + daysAhead * day);
      d.setUTCHours(hour, 0, 0, 0);
      return d.toISOString();
    };
    const created = ctx.now.toISOString();
    dataset.counts.workshops = await insertRows(
      handle,
      'workshops',
      (function* () {
        for (const placeId of placeIds) {
          for (let week = 0; week < 17; week++) {
            if (!rng.chance(0.8)) continue;
            const theme = rng.pick(CODES);
            yield {
              place_id: placeId,
              title: rng.pick(LANGS.map((l) => THEMES[theme][l])),
              description: '',
              theme,
              level: rng.pick(LEVELS),
              starts_at: at(week * 7 + rng.int(1, 6), rng.pick([8, 9, 13, 15])),
              duration_minutes: rng.pick([60, 90, 120]),
              capacity: rng.int(6, 12),
              mediator_id: null,
              created_by: null,
              created_at: created,
              updated_at: created,
            };
          }
        }
      })(),
    );
    dataset.counts.appointment_slots = await insertRows(
      handle,
      'appointment_slots',
      (function* () {
        for (const placeId of placeIds) {
          for (let d = 1; d <= 120; d++) {
            for (const hour of [8, 9, 13, 14]) {
              if (!rng.chance(0.6)) continue;
              yield {
                place_id: placeId,
                mediator_id: null,
                starts_at: at(d, hour),
                ends_at: at(d, hour + 1),
                created_at: created,
                updated_at: created,
              };
            }
          }
        }
      })(),
    );
    dataset.counts.place_services = await insertRows(
      handle,
      'place_services',
      (function* () {
        for (const placeId of placeIds) {
          for (const serviceId of rng.sample(dpsServices, rng.int(40, 80))) yield { place_id: placeId, service_id: serviceId };
        }
      })(),
    );
  },
};
