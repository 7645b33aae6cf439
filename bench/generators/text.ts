/**
 * Shared building blocks for plausible generated text: the languages the dataset is written in,
 * slugs, and people's names. Texts are assembled from aligned word lists (one entry per language),
 * so the three versions of a text say the same thing and search behaves as on real content.
 */
import type { Rng } from '../random.js';

/**
 * The languages of translated texts. en and fr are the UI locales; es is a third content
 * language, stored in the JSON texts like any other key (DESIGN.md: services in 3 languages).
 */
export const LANGS = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** One text per language. */
export type Tr = Record<Lang, string>;

/** Builds a translated text by applying the same template in every language. */
export function tr(build: (lang: Lang) => string): Tr {
  return { en: build('en'), fr: build('fr'), es: build('es') };
}

/** The JSON the app stores for a translated text. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A URL slug: lower case ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Hands out slugs that are unique within one table: `name`, `name-2`, `name-3`… */
export class SlugSet {
  private readonly seen = new Map<string, number>();

  take(text: string): string {
    const base = slugify(text) || 'item';
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }
}

export const FIRST_NAMES = [
  'Jeanne',
  'Karim',
  'Sophie',
  'Thomas',
  'Amina',
  'Lucas',
  'Camille',
  'Hugo',
  'Chloé',
  'Nathan',
  'Léa',
  'Mohamed',
  'Inès',
  'Louis',
  'Manon',
  'Gabriel',
  'Sarah',
  'Arthur',
  'Emma',
  'Jules',
  'Fatou',
  'Yanis',
  'Lina',
  'Paul',
  'Zoé',
  'Adam',
  'Alice',
  'Victor',
  'Nadia',
  'Raphaël',
  'Mei',
  'Olivia',
  'Samuel',
  'Elena',
  'Diego',
  'Aïcha',
  'Pierre',
  'Marie',
  'Bernard',
  'Monique',
  'Julien',
  'Claire',
  'Omar',
  'Anna',
  'Tomás',
  'Lucía',
  'Bruno',
  'Sylvie',
  'Patrick',
  'Nicole',
  'Kevin',
  'Laura',
  'Mathis',
];

export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'Andre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Benali',
  'Diallo',
  'Nguyen',
  'Traoré',
  'Haddad',
  'Rossi',
  'Fernández',
  'Kowalski',
  'Schmitt',
  'Meyer',
  'Chevalier',
  'Perrin',
  'Gauthier',
  'Blanc',
  'Guerin',
  'Muller',
];

/** A person's full name. */
export function personName(rng: Rng): { first: string; last: string } {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}

/** A French landline number in the demo county's format. */
export function phoneNumber(rng: Rng): string {
  return `+33 3 85 ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 99)).padStart(2, '0')}`;
}

/** An ISO-8601 time up to `maxDaysBack` days before `now` (as the app stores times). */
export function pastIso(rng: Rng, now: Date, maxDaysBack: number): string {
  return new Date(now.getTime() - Math.floor(rng.next() * maxDaysBack * 86_400_000)).toISOString();
}
