/**
 * Territory: municipalities and the public organisations that own e-services. City scale: 40
 * municipalities, each with its town hall, a county council, and 19 agency branches.
 */
import { idsBySlug, insertRows } from '../bulk.js';
import { scaled } from '../scale.js';
import { json, phoneNumber, SlugSet, tr, type Tr } from './text.js';
import type { DatasetGenerator } from './types.js';

const BASES = [
  'Saint-Aubin',
  'Mont-Rivel',
  'Les Ormeaux',
  'Villeneuve',
  'Fontaine',
  'Beaulieu',
  'Roche',
  'Montigny',
  'Saint-Martin',
  'Saint-Julien',
  'Chaumont',
  'Bellevue',
  'Val-Fleuri',
  'Bois-Joli',
  'La Chapelle',
  'Marcilly',
  'Sainte-Croix',
  'Pontoux',
  'Chalmoux',
  'Verneuil',
];
const SUFFIXES = ['', '-sur-Verte', '-le-Haut', '-en-Vallée', '-les-Bains', '-la-Forêt', '-sous-Bois'];

/** Kinds of public bodies with branches across the county, named in every language. */
const AGENCIES: { kind: string; name: Tr }[] = [
  { kind: 'employment_agency', name: { en: 'Employment Agency', fr: 'Agence pour l’emploi', es: 'Oficina de Empleo' } },
  {
    kind: 'family_allowance_office',
    name: { en: 'Family Allowance Office', fr: 'Caisse d’allocations familiales', es: 'Caja de Prestaciones Familiares' },
  },
  {
    kind: 'health_insurance_fund',
    name: { en: 'Health Insurance Fund', fr: 'Caisse primaire d’assurance maladie', es: 'Caja del Seguro de Salud' },
  },
  { kind: 'tax_office', name: { en: 'Tax Office', fr: 'Centre des finances publiques', es: 'Oficina de Hacienda' } },
  {
    kind: 'social_action_centre',
    name: { en: 'Social Action Centre', fr: 'Centre communal d’action sociale', es: 'Centro de Acción Social' },
  },
  { kind: 'housing_office', name: { en: 'Public Housing Office', fr: 'Office public de l’habitat', es: 'Oficina Pública de Vivienda' } },
  { kind: 'school_district', name: { en: 'School District', fr: 'Direction des services de l’éducation', es: 'Distrito Escolar' } },
  { kind: 'transport_authority', name: { en: 'Transport Authority', fr: 'Autorité des transports', es: 'Autoridad de Transporte' } },
];

export const territoryGenerator: DatasetGenerator = {
  name: 'territory',
  async generate(ctx) {
    const { rng, handle, factor, dataset } = ctx;
    const now = ctx.now.toISOString();
    const municipalityCount = scaled(40, factor);
    const combos = rng.sample(
      BASES.flatMap((b) => SUFFIXES.map((s) => `${b}${s}`)),
      BASES.length * SUFFIXES.length,
    );
    const slugs = new SlugSet();
    const municipalities = Array.from({ length: municipalityCount }, (_, i) => {
      const round = Math.floor(i / combos.length);
      const name = `${combos[i % combos.length]!}${round > 0 ? ` ${round + 1}` : ''}`;
      const postcode = String(71000 + ((i * 10) % 1000)).padStart(5, '0');
      return {
        slug: slugs.take(name),
        name,
        postcode,
        insee_code: String(71001 + i),
        latitude: Number((46.6 + rng.next() * 0.4).toFixed(4)),
        longitude: Number((4.2 + rng.next() * 0.5).toFixed(4)),
        population: Math.round(Math.exp(5.7 + rng.next() * 5)),
      };
    });
    dataset.counts.municipalities = await insertRows(handle, 'municipalities', municipalities);
    const municipalityIds = await idsBySlug(handle, 'municipalities');
    dataset.ids.municipality = [...municipalityIds.values()];

    const orgSlugs = new SlugSet();
    const organisation = (name: Tr, kind: string, municipality: (typeof municipalities)[number]) => {
      const slug = orgSlugs.take(name.en);
      return {
        slug,
        name: json(name),
        kind,
        municipality_id: municipalityIds.get(municipality.slug) ?? null,
        website: `https://${slug}.example/`,
        email: `contact@${slug}.example`,
        phone: phoneNumber(rng),
        created_at: now,
        updated_at: now,
      };
    };
    const seat = municipalities.reduce((a, b) => ((a.population ?? 0) >= (b.population ?? 0) ? a : b));
    const organisations = [
      organisation(
        { en: 'Vallée-Verte County Council', fr: 'Conseil départemental de Vallée-Verte', es: 'Consejo Departamental de Vallée-Verte' },
        'county_council',
        seat,
      ),
      ...municipalities.map((m) =>
        organisation(
          tr((l) => ({ en: `City of ${m.name}`, fr: `Ville de ${m.name}`, es: `Ayuntamiento de ${m.name}` })[l]),
          'municipality',
          m,
        ),
      ),
      ...Array.from({ length: scaled(19, factor, 2) }, (_, i) => {
        const agency = AGENCIES[i % AGENCIES.length]!;
        const m = rng.pick(municipalities);
        return organisation(
          tr((l) => `${agency.name[l]} – ${m.name}`),
          agency.kind,
          m,
        );
      }),
    ];
    dataset.counts.organisations = await insertRows(handle, 'organisations', organisations);
    dataset.ids.organisation = [...(await idsBySlug(handle, 'organisations')).values()];
    dataset.samples.organisation = organisations.slice(0, 5).map((o) => o.slug);
  },
};
