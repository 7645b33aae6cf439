/**
 * The demo territory: Vallée-Verte, a fictional French county with three municipalities and the
 * public organisations that own e-services there. Names are fictional; the kinds of bodies are real.
 */
export const DEMO_COUNTY = { en: 'Vallée-Verte County', fr: 'Département de Vallée-Verte' };

export const DEMO_MUNICIPALITIES = [
  {
    slug: 'saint-aubin-sur-verte',
    name: 'Saint-Aubin-sur-Verte',
    postcode: '71400',
    insee: '71400',
    lat: 46.7921,
    lng: 4.4312,
    population: 48210,
  },
  { slug: 'mont-rivel', name: 'Mont-Rivel', postcode: '71410', insee: '71321', lat: 46.8447, lng: 4.3071, population: 9120 },
  { slug: 'les-ormeaux', name: 'Les Ormeaux', postcode: '71420', insee: '71356', lat: 46.7385, lng: 4.5526, population: 3240 },
] as const;

export type DemoOrganisationKind = 'county_council' | 'municipality' | 'employment_agency' | 'family_allowance_office';

export const DEMO_ORGANISATIONS: {
  slug: string;
  name: { en: string; fr: string };
  kind: DemoOrganisationKind;
  municipality: string;
  website: string;
  email: string;
  phone: string;
}[] = [
  {
    slug: 'county-council',
    name: { en: 'Vallée-Verte County Council', fr: 'Conseil départemental de Vallée-Verte' },
    kind: 'county_council',
    municipality: 'saint-aubin-sur-verte',
    website: 'https://www.vallee-verte.example/',
    email: 'contact@vallee-verte.example',
    phone: '+33 3 85 00 10 00',
  },
  {
    slug: 'city-of-saint-aubin',
    name: { en: 'City of Saint-Aubin-sur-Verte', fr: 'Ville de Saint-Aubin-sur-Verte' },
    kind: 'municipality',
    municipality: 'saint-aubin-sur-verte',
    website: 'https://www.saint-aubin-sur-verte.example/',
    email: 'mairie@saint-aubin-sur-verte.example',
    phone: '+33 3 85 00 20 00',
  },
  {
    slug: 'employment-agency',
    name: { en: 'Vallée-Verte Employment Agency', fr: 'Agence pour l’emploi de Vallée-Verte' },
    kind: 'employment_agency',
    municipality: 'saint-aubin-sur-verte',
    website: 'https://emploi.vallee-verte.example/',
    email: 'contact@emploi.vallee-verte.example',
    phone: '+33 3 85 00 30 00',
  },
  {
    slug: 'family-allowance-office',
    name: { en: 'Vallée-Verte Family Allowance Office', fr: 'Caisse d’allocations familiales de Vallée-Verte' },
    kind: 'family_allowance_office',
    municipality: 'saint-aubin-sur-verte',
    website: 'https://caf.vallee-verte.example/',
    email: 'contact@caf.vallee-verte.example',
    phone: '+33 3 85 00 40 00',
  },
];
