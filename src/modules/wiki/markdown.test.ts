import { describe, expect, it } from 'vitest';
import { extractLinks, isSafeUrl, renderMarkdown, slugifyTitle, type WikiLinkResolver } from './markdown.js';
import { parseWikiTarget, withCreateQuery } from './markdown-wiki-links.js';

/** Pages that exist, per language, and the catalogue's services with their names per language. */
const EXISTING = new Set(['Applying for housing allowance online', 'Demander une aide au logement', 'Café numérique']);
const SERVICES: Record<string, Record<'en' | 'fr', string>> = {
  'housing-allowance': { en: 'Housing allowance', fr: 'Aide au logement' },
};

function resolver(locale: 'en' | 'fr'): WikiLinkResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    page: (title) => {
      calls.push(title);
      return { exists: EXISTING.has(title), href: `/${locale}/wiki/${slugifyTitle(title)}` };
    },
    service: (slug) => {
      const names = SERVICES[slug];
      return names ? { name: names[locale], href: `/${locale}/services/${slug}` } : null;
    },
  };
}

const en = (source: string, idPrefix?: string) => renderMarkdown(source, resolver('en'), idPrefix === undefined ? {} : { idPrefix });
const fr = (source: string) => renderMarkdown(source, resolver('fr'));

describe('CommonMark', () => {
  it('renders paragraphs, emphasis, lists, quotes, code and rules', () => {
    const source = 'Bring **two** *documents*:\n\n1. ID\n2. Proof of address\n\n- a\n- b\n\n> Note\n\n`code`\n\n---\n\n~~old~~';
    expect(en(source).html).toBe(
      '<p>Bring <strong>two</strong> <em>documents</em>:</p>\n<ol>\n<li>ID</li>\n<li>Proof of address</li>\n</ol>\n' +
        '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<blockquote>\n<p>Note</p>\n</blockquote>\n<p><code>code</code></p>\n<hr>\n<p><s>old</s></p>\n',
    );
  });

  it('renders French text as is, without typographic replacements', () => {
    expect(fr('Étape 1 : « remplir » le formulaire -- puis (c) envoyer...').html).toBe(
      '<p>Étape 1 : « remplir » le formulaire -- puis (c) envoyer...</p>\n',
    );
  });

  it('renders tables, with alignment as a class and cells escaped', () => {
    const html = fr('| Pièce | Obligatoire |\n|:------|:-----------:|\n| Carte d’identité | oui <b>!</b> |').html;
    expect(html).toContain('<th class="align-left">Pièce</th>\n<th class="align-center">Obligatoire</th>');
    expect(html).toContain('<td class="align-left">Carte d’identité</td>\n<td class="align-center">oui &lt;b&gt;!&lt;/b&gt;</td>');
    expect(html).not.toContain('style');
  });

  it('shows raw HTML as text', () => {
    expect(en('<b>bold</b>\n\n<div class="x">\nblock\n</div>').html).toBe(
      '<p>&lt;b&gt;bold&lt;/b&gt;</p>\n<p>&lt;div class=&quot;x&quot;&gt;\nblock\n&lt;/div&gt;</p>\n',
    );
  });

  it('does not turn bare URLs into links', () => {
    expect(en('see https://example.org').html).toBe('<p>see https://example.org</p>\n');
  });
});

describe('links and images', () => {
  it('keeps http, https, mailto and relative links; external ones get rel', () => {
    const html = en(
      '[a](https://service-public.fr/x) [b](http://x.org) [c](mailto:help@x.org) [d](/en/wiki) [e](#step-2) [f](./x) [g](../y) [h](page?x=1)',
    ).html;
    expect(html).toBe(
      '<p><a href="https://service-public.fr/x" rel="nofollow ugc noopener">a</a> <a href="http://x.org" rel="nofollow ugc noopener">b</a> ' +
        '<a href="mailto:help@x.org">c</a> <a href="/en/wiki">d</a> <a href="#step-2">e</a> <a href="./x">f</a> <a href="../y">g</a> <a href="page?x=1">h</a></p>\n',
    );
    expect(en('[x](//cdn.example/x)').html).toContain('rel="nofollow ugc noopener"');
  });

  it('keeps the title of a link, escaped', () => {
    expect(en('[a](/x "Say \\"hi\\" <now>")').html).toBe('<p><a href="/x" title="Say &quot;hi&quot; &lt;now&gt;">a</a></p>\n');
  });

  it('renders the text of links with other schemes, without the link', () => {
    expect(fr('[Cliquez ici](javascript:alert(1)) ou [là](tel:0123) ou <ftp://x.org>').html).toBe(
      '<p>Cliquez ici ou là ou ftp://x.org</p>\n',
    );
  });

  it('keeps only src and alt on images; refused images become their alt text', () => {
    expect(en('![Form, page 1](/media/form.png "The form")').html).toBe('<p><img src="/media/form.png" alt="Form, page 1"></p>\n');
    expect(fr('![Formulaire *rempli*](javascript:x)').html).toBe('<p>Formulaire rempli</p>\n');
  });

  it('allows only safe schemes, whatever their spelling', () => {
    for (const url of ['https://x', 'HTTP://x', 'mailto:a@b', '/a', '#a', '?a', './a', '../a', 'a/b:c', 'a.html'])
      expect(isSafeUrl(url)).toBe(true);
    for (const url of [
      'javascript:x',
      'JAVASCRIPT:x',
      ' javascript:x',
      'java\tscript:x',
      'java%0Ascript:x',
      'javascript&#58;x',
      'javascript&colon;x',
      'data:x',
      'vbscript:x',
      'file:x',
      'a:b',
      '',
    ]) {
      expect(isSafeUrl(url)).toBe(false);
    }
  });
});

describe('wiki links', () => {
  it('links existing pages, and missing ones to their creation', () => {
    const result = en('See [[Applying for housing allowance online]] and [[Renewing a passport|how to renew]].');
    expect(result.html).toBe(
      '<p>See <a href="/en/wiki/applying-for-housing-allowance-online" class="wiki-link">Applying for housing allowance online</a> and ' +
        '<a href="/en/wiki/renewing-a-passport?create" class="wiki-link--missing">how to renew</a>.</p>\n',
    );
    expect(result.wikiLinks).toEqual(['Applying for housing allowance online', 'Renewing a passport']);
    expect(result.missingPages).toEqual(['Renewing a passport']);
  });

  it('works in French, with accents and normalised titles', () => {
    const result = fr(
      'Voir [[  Café   numérique ]], [[Demander une aide au logement|la demande]] et [[Prendre rendez-vous]] (puis [[Café numérique]]).',
    );
    expect(result.html).toContain('<a href="/fr/wiki/cafe-numerique" class="wiki-link">Café numérique</a>');
    expect(result.html).toContain('<a href="/fr/wiki/demander-une-aide-au-logement" class="wiki-link">la demande</a>');
    expect(result.html).toContain('<a href="/fr/wiki/prendre-rendez-vous?create" class="wiki-link--missing">Prendre rendez-vous</a>');
    expect(result.wikiLinks).toEqual(['Café numérique', 'Demander une aide au logement', 'Prendre rendez-vous']);
    expect(result.missingPages).toEqual(['Prendre rendez-vous']);
  });

  it('links services with their name in the reader’s language', () => {
    expect(en('Apply for [[service:housing-allowance]].').html).toBe(
      '<p>Apply for <a href="/en/services/housing-allowance" class="wiki-link wiki-link--service">Housing allowance</a>.</p>\n',
    );
    const result = fr('Demandez l’[[service:Housing-Allowance]] ou [[service:housing-allowance|cette aide]].');
    expect(result.html).toContain('<a href="/fr/services/housing-allowance" class="wiki-link wiki-link--service">Aide au logement</a>');
    expect(result.html).toContain('>cette aide</a>');
    expect(result.serviceLinks).toEqual(['housing-allowance']);
  });

  it('shows an unknown service as its slug, marked missing', () => {
    const result = en('[[service:closed-service]] and [[service:not a slug]]');
    expect(result.html).toBe(
      '<p><a class="wiki-link--missing">closed-service</a> and <a class="wiki-link--missing">service:not a slug</a></p>\n',
    );
    expect(result.serviceLinks).toEqual(['closed-service']);
    expect(result.missingPages).toEqual([]);
  });

  it('leaves code spans and code blocks untouched', () => {
    const result = en('`[[Not a link]]`\n\n```\n[[Not a link either]]\n```\n\n    [[Indented code]]');
    expect(result.html).toBe(
      '<p><code>[[Not a link]]</code></p>\n<pre><code>[[Not a link either]]\n</code></pre>\n<pre><code>[[Indented code]]\n</code></pre>\n',
    );
    expect(result.wikiLinks).toEqual([]);
  });

  it('is not a link when empty, escaped, broken over lines or with brackets inside', () => {
    expect(en('[[]] [[ | x]] \\[[Page]] [[a\nb]] [[a [b] c]]').wikiLinks).toEqual([]);
  });

  it('wins over a link around it, as an inner link does in CommonMark (no <a> in an <a>)', () => {
    expect(en('[go to [[Page]]](/x)').html).toBe('<p>[go to <a href="/en/wiki/page?create" class="wiki-link--missing">Page</a>](/x)</p>\n');
  });

  it('is its label in an image’s alt text', () => {
    const result = en('![Map of [[Café numérique|the café]]](/map.png)');
    expect(result.html).toBe('<p><img src="/map.png" alt="Map of the café"></p>\n');
    expect(result.wikiLinks).toEqual([]);
  });

  it('escapes quotes and angle brackets in titles and labels', () => {
    expect(en('[[Q&A "2026" <draft>|a "b" <c>]]').html).toBe(
      '<p><a href="/en/wiki/q-a-2026-draft?create" class="wiki-link--missing">a &quot;b&quot; &lt;c&gt;</a></p>\n',
    );
  });

  it('asks the resolver once per link and adds ?create before any fragment', () => {
    const links = resolver('en');
    renderMarkdown('[[A]] [[B]] [[A]]', links);
    expect(links.calls).toEqual(['A', 'B', 'A']);
    expect(withCreateQuery('/en/wiki/a')).toBe('/en/wiki/a?create');
    expect(withCreateQuery('/en/wiki/a?lang=fr#top')).toBe('/en/wiki/a?lang=fr&create#top');
  });

  it('parses the text between the brackets', () => {
    expect(parseWikiTarget(' Page  title |  label ')).toEqual({ kind: 'page', title: 'Page title', label: 'label' });
    expect(parseWikiTarget('Page|')).toEqual({ kind: 'page', title: 'Page', label: 'Page' });
    expect(parseWikiTarget('SERVICE: caf ')).toEqual({ kind: 'service', slug: 'caf', label: null });
    expect(parseWikiTarget('service:a_b')).toEqual({ kind: 'bad-service', text: 'service:a_b' });
    expect(parseWikiTarget(' |x')).toBeNull();
  });
});

describe('headings', () => {
  it('shifts levels down (the page title is the h1) and gives h2/h3 unique ids', () => {
    const result = en(
      '# Before you start\n\n## Documents\n\n### Originals\n\n#### Copies\n\n# Documents\n\n## Documents\n\n## Documents 2',
      'wiki-',
    );
    expect(result.html).toBe(
      '<h2 id="wiki-before-you-start">Before you start</h2>\n<h3 id="wiki-documents">Documents</h3>\n<h4>Originals</h4>\n<h4>Copies</h4>\n' +
        '<h2 id="wiki-documents-2">Documents</h2>\n<h3 id="wiki-documents-3">Documents</h3>\n<h3 id="wiki-documents-2-2">Documents 2</h3>\n',
    );
    expect(result.headings).toEqual([
      { level: 2, text: 'Before you start', id: 'wiki-before-you-start' },
      { level: 3, text: 'Documents', id: 'wiki-documents' },
      { level: 2, text: 'Documents', id: 'wiki-documents-2' },
      { level: 3, text: 'Documents', id: 'wiki-documents-3' },
      { level: 3, text: 'Documents 2', id: 'wiki-documents-2-2' },
    ]);
  });

  it('lists French headings with plain text and folded ids', () => {
    const result = fr('# Étape 1 : préparer les pièces\n\n## Où aller ? Voir [[Café numérique]] `ici`\n\nSetext\n------');
    expect(result.headings).toEqual([
      { level: 2, text: 'Étape 1 : préparer les pièces', id: 'etape-1-preparer-les-pieces' },
      { level: 3, text: 'Où aller ? Voir Café numérique ici', id: 'ou-aller-voir-cafe-numerique-ici' },
      { level: 3, text: 'Setext', id: 'setext' },
    ]);
  });

  it('escapes heading text and ids, and names headings without words', () => {
    const result = renderMarkdown('# <Tom> & "Jerry"\n\n# ???\n\n# 日本語', resolver('en'), { idPrefix: 'a"b' });
    expect(result.html).toBe(
      '<h2 id="a&quot;btom-jerry">&lt;Tom&gt; &amp; &quot;Jerry&quot;</h2>\n<h2 id="a&quot;bsection">???</h2>\n<h2 id="a&quot;bsection-2">日本語</h2>\n',
    );
    expect(result.headings[0]).toEqual({ level: 2, text: '<Tom> & "Jerry"', id: 'a"btom-jerry' });
  });
});

describe('extractLinks', () => {
  it('lists pages and services like renderMarkdown, without a resolver', () => {
    const source =
      'Voir [[Café numérique]], [[ Café  numérique |ici]], [[Other page]], [[service:Housing-Allowance]], `[[code]]`\n\n```\n[[block]]\n```';
    expect(extractLinks(source)).toEqual({ pages: ['Café numérique', 'Other page'], services: ['housing-allowance'] });
    const rendered = fr(source);
    expect([rendered.wikiLinks, rendered.serviceLinks]).toEqual([['Café numérique', 'Other page'], ['housing-allowance']]);
  });

  it('finds links in tables, lists, quotes and headings', () => {
    expect(extractLinks('# [[A]]\n\n- [[B]]\n\n> [[C]]\n\n| [[D]] |\n|---|\n| [[E]] [[service:s]] |')).toEqual({
      pages: ['A', 'B', 'C', 'D', 'E'],
      services: ['s'],
    });
  });

  it('finds nothing in a text without wiki links', () => {
    expect(extractLinks('Just [a link](/x) and [text].')).toEqual({ pages: [], services: [] });
  });
});

describe('slugifyTitle', () => {
  it('lower-cases words and joins them with hyphens', () => {
    expect(slugifyTitle('Applying for housing allowance online')).toBe('applying-for-housing-allowance-online');
    expect(slugifyTitle('  Step 1: fill in the form (CERFA 10840*07)!  ')).toBe('step-1-fill-in-the-form-cerfa-10840-07');
  });

  it('folds accents and spells out ligatures', () => {
    expect(slugifyTitle('Demander l’aide à la rénovation énergétique')).toBe('demander-l-aide-a-la-renovation-energetique');
    expect(slugifyTitle('Œuvres sociales, cœur de ville, Straße, Ærø')).toBe('oeuvres-sociales-coeur-de-ville-strasse-aero');
    expect(slugifyTitle('Ça coûte combien ? — Où s’adresser')).toBe('ca-coute-combien-ou-s-adresser');
  });

  it('keeps at most 120 characters, never ending in a hyphen', () => {
    const slug = slugifyTitle(`${'word '.repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slugifyTitle('a'.repeat(119) + ' b')).toBe('a'.repeat(119));
  });

  it('is never empty for a non-blank title, and empty for a blank one', () => {
    expect(slugifyTitle('???')).toMatch(/^page-[0-9a-f]{8}$/);
    expect(slugifyTitle('日本語')).toMatch(/^page-[0-9a-f]{8}$/);
    expect(slugifyTitle('日本語')).not.toBe(slugifyTitle('中文'));
    expect(slugifyTitle('  ')).toBe('');
  });

  it('leaves collisions to the caller', () => {
    expect(slugifyTitle('Café numérique')).toBe(slugifyTitle('cafe  NUMERIQUE'));
  });
});
