/**
 * Places: Digital Public Spaces (city scale: 200) spread over the generated municipalities, each
 * offering some of the nine mediation services of the "lieux de médiation numérique" schema, and
 * helping people with about sixty of the published e-services offered through a DPS (the
 * `place_services` rows a service page lists as "places that can help").
 */
import { MEDIATION_SERVICES, type MediationService } from '../../src/modules/places/index.js';
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
      return {
        slug,
        name,
        municipality_id: m.id,
        organisation_id: organisations.length > 0 && rng.chance(0.7) ? rng.pick(organisations) : null,
        address: `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
        postcode: m.postcode,
        latitude: Number(((m.latitude ?? 46.8) + (rng.next() - 0.5) * 0.02).toFixed(5)),
        longitude: Number(((m.longitude ?? 4.4) + (rng.next() - 0.5) * 0.02).toFixed(5)),
        opening_hours: rng.pick(HOURS),
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
