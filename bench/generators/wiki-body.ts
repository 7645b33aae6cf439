/**
 * The text of a generated wiki page and how it changes from one revision to the next. A body is a
 * list of blocks (headings, paragraphs, numbered and bullet lists) rendered to Markdown as the demo
 * pages are written; an edit changes a number or a document in a sentence, rewords, adds or removes
 * a sentence or a list item, or adds or removes a paragraph, as people edit guides. Bodies stay a few KB: past MAX_SIZE an edit removes, below
 * MIN_SIZE it adds.
 */
import type { PageType } from '../../src/modules/wiki/wiki.model.js';
import type { Rng } from '../random.js';
import { DOCS, HEADINGS, SENTENCES, STEPS, type WikiLocale, type WikiVars } from './wiki-words.js';
import { phoneNumber } from './text.js';

/** A block of Markdown: a heading, a paragraph (its sentences) or a list (its items). */
export interface Block {
  kind: 'h' | 'p' | 'ol' | 'ul';
  items: string[];
}

/** What a page's sentences draw on: its language, what it is about, and what it may link to. */
export interface PageTopic {
  locale: WikiLocale;
  type: PageType;
  /** "apply for housing benefit". */
  does: string;
  topic: string;
  places: readonly string[];
  /** Titles of pages it may link to with `[[…]]`. */
  pageLinks: readonly string[];
  /** Slugs of services it may link to with `[[service:…]]`. */
  serviceLinks: readonly string[];
}

const MIN_SIZE = 1200;
const MAX_SIZE = 3500;

/** The Markdown of a list of blocks. */
export function renderBody(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.kind === 'h'
        ? `# ${b.items[0]}`
        : b.kind === 'p'
          ? b.items.join(' ')
          : b.items.map((item, i) => (b.kind === 'ol' ? `${i + 1}. ${item}` : `- ${item}`)).join('\n'),
    )
    .join('\n\n');
}

function vars(rng: Rng, topic: PageTopic): WikiVars {
  return {
    does: topic.does,
    topic: topic.topic,
    place: rng.pick(topic.places),
    docs: rng.sample(DOCS[topic.locale], 2).join(topic.locale === 'en' ? ' and ' : ' et '),
    minutes: rng.int(2, 8) * 5,
    days: rng.int(1, 12) * 5,
    phone: phoneNumber(rng),
    page: `[[${rng.pick(topic.pageLinks)}]]`,
    service: `[[service:${rng.pick(topic.serviceLinks)}]]`,
  };
}

const sentence = (rng: Rng, topic: PageTopic) => rng.pick(SENTENCES[topic.locale])(vars(rng, topic));
const step = (rng: Rng, topic: PageTopic) => rng.pick(STEPS[topic.locale])(vars(rng, topic));
const paragraph = (rng: Rng, topic: PageTopic): Block => ({
  kind: 'p',
  items: Array.from({ length: rng.int(2, 4) }, () => sentence(rng, topic)),
});

/** A page's first revision: an opening paragraph, then a section per heading of its type. */
export function firstBody(rng: Rng, topic: PageTopic): Block[] {
  const blocks: Block[] = [paragraph(rng, topic)];
  HEADINGS[topic.type][topic.locale].forEach((heading, i) => {
    blocks.push({ kind: 'h', items: [heading] });
    // Guides number their steps (the second section) and list what can go wrong (the third).
    if (topic.type === 'guide' && (i === 1 || i === 2))
      blocks.push({ kind: i === 1 ? 'ol' : 'ul', items: Array.from({ length: rng.int(3, 7) }, () => step(rng, topic)) });
    else for (let n = rng.int(1, 2); n > 0; n--) blocks.push(paragraph(rng, topic));
  });
  return blocks;
}

/** Copies blocks, so an older revision's text is kept when the page changes. */
export function copyBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => ({ kind: b.kind, items: [...b.items] }));
}

/**
 * A small change to an item, as most edits are ("updated the amounts"): a number of two digits or
 * more moved by 5, or a document swapped for another; links are left alone. Null when it has neither.
 */
function tweak(rng: Rng, topic: PageTopic, item: string): string | null {
  const parts = item.split(/(\[\[[^\]]*\]\])/);
  const docs = DOCS[topic.locale];
  const spots = parts.flatMap((part, i) => (i % 2 === 0 && (/\d\d/.test(part) || docs.some((d) => part.includes(d))) ? [i] : []));
  if (spots.length === 0) return null;
  const at = rng.pick(spots);
  const doc = docs.find((d) => parts[at]!.includes(d));
  parts[at] =
    doc && (rng.chance(0.5) || !/\d\d/.test(parts[at]!))
      ? parts[at]!.replace(doc, rng.pick(docs.filter((d) => d !== doc)))
      : parts[at]!.replace(/\d\d+/, (n) => String(Number(n) >= 15 && rng.chance(0.5) ? Number(n) - 5 : Number(n) + 5));
  return parts.join('');
}

/** The next revision's blocks: one edit, on a copy. Headings are left alone. */
export function editBody(rng: Rng, topic: PageTopic, blocks: readonly Block[], size: number): Block[] {
  const next = copyBlocks(blocks);
  const content = next.map((b, i) => (b.kind === 'h' ? -1 : i)).filter((i) => i >= 0);
  const at = rng.pick(content);
  const block = next[at]!;
  const item = rng.int(0, block.items.length - 1);
  const fresh = () => (block.kind === 'p' ? sentence(rng, topic) : step(rng, topic));
  const edit =
    size > MAX_SIZE
      ? rng.weighted({ removeItem: 3, removeBlock: 1 })
      : size < MIN_SIZE
        ? rng.weighted({ addItem: 2, addBlock: 1 })
        : rng.weighted({ tweak: 45, reword: 10, addItem: 15, removeItem: 15, addBlock: 6, removeBlock: 6 });
  if (edit === 'tweak') block.items[item] = tweak(rng, topic, block.items[item]!) ?? fresh();
  else if (edit === 'reword') block.items[item] = fresh();
  else if (edit === 'addItem') block.items.splice(item + 1, 0, fresh());
  else if (edit === 'addBlock') next.splice(at + 1, 0, paragraph(rng, topic));
  else if (edit === 'removeItem' && block.items.length > 1) block.items.splice(item, 1);
  // A section keeps at least one block under its heading.
  else if (next[at - 1]?.kind !== 'h' || (next[at + 1] && next[at + 1]!.kind !== 'h')) next.splice(at, 1);
  else block.items[item] = fresh();
  return next;
}
