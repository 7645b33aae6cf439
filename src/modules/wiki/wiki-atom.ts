/**
 * The wiki's recent changes as an Atom feed (RFC 4287): one entry per revision, linking to its
 * changes (or to the page for a creation), with its author, time and edit summary. Hand-written
 * XML: every text and attribute escaped (platform/xml.ts).
 */
import { xmlAttribute, xmlText } from '../../platform/xml.js';
import type { RecentChange } from './wiki.queries.js';

/** The feed for `locale`: `base` is the public address (BASE_URL), `title` the feed's name. */
export function recentChangesAtom(
  changes: readonly RecentChange[],
  options: { base: string; locale: string; title: string; kindLabel: (c: RecentChange) => string },
): string {
  const { base, locale } = options;
  const self = `${base}/${locale}/wiki/recent-changes.atom`;
  const updated = changes[0]?.createdAt ?? new Date(0).toISOString();
  const entries = changes.map((c) => {
    const link =
      c.parentId !== null
        ? `${base}/${locale}/wiki/${c.page.slug}/diff?from=${c.parentId}&to=${c.id}`
        : `${base}/${locale}/wiki/${c.page.slug}`;
    // A hidden revision's summary is already left out (wiki.queries.ts).
    const summary = c.summary ? `${options.kindLabel(c)}: ${c.summary}` : options.kindLabel(c);
    return [
      '  <entry>',
      `    <id>${xmlText(`${base}/${locale}/wiki/${c.page.slug}#revision-${c.id}`)}</id>`,
      `    <title>${xmlText(c.page.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlAttribute(link)}"/>`,
      `    <updated>${xmlText(c.createdAt)}</updated>`,
      `    <author><name>${xmlText(c.author ?? '—')}</name></author>`,
      `    <summary>${xmlText(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlAttribute(locale)}">`,
    `  <id>${xmlText(self)}</id>`,
    `  <title>${xmlText(options.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttribute(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttribute(`${base}/${locale}/wiki/recent-changes`)}"/>`,
    `  <updated>${xmlText(updated)}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
