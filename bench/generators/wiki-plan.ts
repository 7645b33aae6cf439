/**
 * The plan of the generated wiki, before any text is written: which pages there are (language,
 * type, a title no other page has, what they link to, who started them) and when each of their
 * revisions was saved. See wiki.ts.
 */
import { normalizeTitle, slugifyTitle } from '../../src/modules/wiki/markdown.js';
import type { PageType } from '../../src/modules/wiki/wiki.model.js';
import type { Rng } from '../random.js';
import { scaled } from '../scale.js';
import { TOPICS } from './catalogue-words.js';
import type { GeneratorContext } from './types.js';
import type { PageTopic } from './wiki-body.js';
import { ACTIONS, MISSING_TITLES, TITLE_ACTIONS, TITLES, type WikiLocale } from './wiki-words.js';

/** Revisions of the one page with a long history (the bench loads it, its history and a diff across it). */
export const LONG_HISTORY = 500;
/** Longest history of the other pages, so the long page is the worst case. */
const MAX_OTHER_HISTORY = 300;
const DAY = 86_400_000;

export interface PlannedPage extends PageTopic {
  key: TitleKey;
  title: string;
  slug: string;
  /** The planned page it translates (its group), as an index into the plan. */
  translates: number | null;
  /** When each revision was saved (ms), oldest first. */
  times: number[];
  creator: number;
}

/** A normal draw (Box–Muller). */
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/**
 * Revisions per page: log-normal with the given mean (median about a third of it), at least 1 and at
 * most MAX_OTHER_HISTORY, then nudged one by one until they add up to `total` exactly.
 */
function historyLengths(rng: Rng, pages: number, total: number): number[] {
  const sigma = 1.4;
  const mu = Math.log(total / pages) - (sigma * sigma) / 2;
  const lengths = Array.from({ length: pages }, () =>
    Math.min(MAX_OTHER_HISTORY, Math.max(1, Math.round(Math.exp(mu + sigma * normal(rng))))),
  );
  let sum = lengths.reduce((s, n) => s + n, 0);
  while (sum !== total) {
    const i = rng.int(0, pages - 1);
    const step = sum < total ? 1 : -1;
    if (lengths[i]! + step < 1 || lengths[i]! + step > MAX_OTHER_HISTORY) continue;
    lengths[i]! += step;
    sum += step;
  }
  return lengths;
}

/** What a title is drawn from: an action, a topic, a title pattern and a municipality. */
interface TitleKey {
  action: number;
  topic: number;
  pattern: number;
  place: string;
}

/** A page's title and what its sentences are about, in one language. */
function describe(locale: WikiLocale, type: PageType, key: TitleKey) {
  const topic = TOPICS[key.topic]!.text[locale];
  const patterns = TITLES[type][locale];
  const title = patterns[key.pattern % patterns.length]!(TITLE_ACTIONS[locale][key.action]!, topic, key.place);
  return { locale, type, key, title: normalizeTitle(title), does: `${ACTIONS[locale][key.action]!} ${topic}`, topic };
}

/** Plans every page: language, type, title, links, creator and when each revision was saved. */
export function planPages(ctx: GeneratorContext, places: string[], services: string[], editors: () => number): PlannedPage[] {
  const { rng, factor, now } = ctx;
  const count = scaled(20_000, factor);
  const lengths = [LONG_HISTORY, ...historyLengths(rng, count - 1, Math.max(count - 1, scaled(200_000, factor) - LONG_HISTORY))];
  const taken = new Set<string>();
  const plan: PlannedPage[] = [];
  const drawKey = (): TitleKey => ({
    action: rng.int(0, ACTIONS.en.length - 1),
    topic: rng.int(0, TOPICS.length - 1),
    // Any pattern of any type (they number 5 or 3).
    pattern: rng.int(0, 14),
    place: rng.pick(places),
  });
  for (let i = 0; i < count; i++) {
    // The long page is an English guide, started almost three years ago. A quarter of the English
    // pages have a French translation: the same title key, in the page right after.
    const earlier = plan[i - 1];
    const wanted = i > 1 && earlier?.locale === 'en' && earlier.translates === null && rng.chance(0.25);
    // A translation whose title another page already has is left out (a page of its own instead).
    const translated = wanted ? describe('fr', earlier.type, earlier.key) : null;
    const translation = translated !== null && !taken.has(slugifyTitle(translated.title));
    const locale: WikiLocale = i === 0 ? 'en' : translation ? 'fr' : rng.chance(0.4) ? 'en' : 'fr';
    const type = i === 0 ? 'guide' : translation ? earlier!.type : rng.weighted<PageType>({ guide: 60, good_practice: 15, general: 25 });
    let text = translation ? translated : describe(locale, type, drawKey());
    const base = text.title;
    // A title whose slug no page has yet: redrawn, else numbered. (Cut to leave the number room in
    // the slug, which stops at MAX_TITLE_SLUG characters.)
    const stem = base.length > 100 ? base.slice(0, base.lastIndexOf(' ', 100)) : base;
    for (let n = 2; taken.has(slugifyTitle(text.title)); n++)
      text = n < 20 ? describe(locale, type, drawKey()) : { ...text, title: `${stem} (${n})` };
    taken.add(slugifyTitle(text.title));
    const age = i === 0 ? (3 * 365 - rng.int(0, 30)) * DAY : DAY + Math.floor(rng.next() * 3 * 365 * DAY);
    const first = now.getTime() - age;
    const later = Array.from({ length: lengths[i]! - 1 }, () => first + Math.floor(rng.next() * age));
    const times = [first, ...later.sort((x, y) => x - y)];
    for (let k = 1; k < times.length; k++) if (times[k]! <= times[k - 1]!) times[k] = times[k - 1]! + 1000;
    plan.push({
      ...text,
      slug: slugifyTitle(text.title),
      translates: translation ? i - 1 : null,
      times,
      creator: editors(),
      places,
      pageLinks: [],
      serviceLinks: rng.sample(services, rng.int(1, 3)),
    });
  }
  // Links to other pages of the same language, and to one nobody has written yet.
  const titles = (locale: WikiLocale) => plan.filter((p) => p.locale === locale).map((p) => p.title);
  const byLocale = { en: titles('en'), fr: titles('fr') };
  for (const page of plan) {
    const others = [...new Set(Array.from({ length: 6 }, () => rng.pick(byLocale[page.locale])))].filter((title) => title !== page.title);
    page.pageLinks = [...others.slice(0, rng.int(2, 5)), rng.pick(MISSING_TITLES[page.locale])];
  }
  return plan;
}

/** Draws indices with probability ∝ 1 / (rank + 20): a core of active editors and many occasional ones. */
export function skewedPick(rng: Rng, ids: readonly number[]): () => number {
  const weights = ids.map((_, rank) => 1 / (rank + 20));
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative = weights.map(
    (
      (sum) => (w: number) =>
        (sum += w / total)
    )(0),
  );
  return () => {
    const r = rng.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo]!;
  };
}
