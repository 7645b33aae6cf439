/**
 * Wiki Markdown against XSS: every payload of the corpus, and generated mixtures of dangerous
 * fragments, render to HTML that is inert once parsed as a browser would. The check parses the output
 * with htmlparser2 and looks at the DOM a browser would build, rather than searching the text, so that
 * encoded or split payloads are judged by their effect.
 */
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown, type WikiLinkResolver } from './markdown.js';
import { DANGEROUS_FRAGMENTS, XSS_PAYLOADS } from './testing/xss-payloads.js';

/** Elements that rendered wiki Markdown may contain. */
const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set(
  'p h2 h3 h4 a img ul ol li strong em code pre blockquote table thead tbody tr th td hr br s del'.split(' '),
);

/** Attributes that rendered wiki Markdown may carry (stricter than the requirement, which forbids `on*` and `style`). */
const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set('href src alt title id class rel start'.split(' '));

const URL_ATTRIBUTES = new Set(['href', 'src']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Numeric references and the named ones that hide scheme characters, decoded (beyond the browser's one pass). */
function decodeMore(value: string): string {
  return value
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));?/gi, (_, hex: string | undefined, dec: string | undefined) => {
      const code = hex === undefined ? Number(dec) : parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/&colon;?/gi, ':')
    .replace(/&(?:tab|newline);?/gi, '');
}

/**
 * The scheme a browser would see in a URL attribute, lower case, or null for a relative URL. The value
 * comes from htmlparser2 (entities decoded once, as a browser does); to be stricter than a browser,
 * leftover entities are decoded again and every whitespace or control character is removed.
 */
function urlScheme(value: string): string | null {
  let bare = value;
  for (let i = 0; i < 5; i++) {
    // eslint-disable-next-line no-control-regex
    bare = decodeMore(bare).replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/g, '');
  }
  return /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase() ?? null;
}

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];

function checkNode(node: HtmlNode, findings: string[]): void {
  if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') findings.push(`${node.type} node`);
  if (DomUtils.isTag(node)) {
    if (!ALLOWED_ELEMENTS.has(node.name)) findings.push(`element <${node.name}>`);
    for (const [name, value] of Object.entries(node.attribs)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) findings.push(`event handler ${name} on <${node.name}>`);
      if (lower === 'style') findings.push(`style on <${node.name}>`);
      if (!ALLOWED_ATTRIBUTES.has(lower)) findings.push(`attribute ${name} on <${node.name}>`);
      const scheme = URL_ATTRIBUTES.has(lower) ? urlScheme(value) : null;
      if (scheme !== null && !SAFE_SCHEMES.has(scheme)) findings.push(`${scheme}: URL in ${name} of <${node.name}>`);
    }
  }
  if (DomUtils.hasChildren(node)) node.children.forEach((child) => checkNode(child, findings));
}

/** Everything unsafe in an HTML fragment, as readable findings; empty when the fragment is inert. */
function unsafeHtmlFindings(html: string): string[] {
  const findings: string[] = [];
  parseDocument(html).children.forEach((node) => checkNode(node, findings));
  return findings;
}

/** A resolver that knows some pages and one service, building hrefs from the title as a router would. */
const resolver: WikiLinkResolver = {
  page: (title) => ({ exists: title.length % 2 === 0, href: `/en/wiki/${encodeURIComponent(title)}` }),
  service: (slug) => (slug === 'caf' ? { name: 'Family allowances', href: '/en/services/caf' } : null),
};

/** A resolver gone wrong: hostile hrefs and names must not get through either. */
const hostileResolver: WikiLinkResolver = {
  page: (title) => ({ exists: title.startsWith('A'), href: `javascript:alert(${JSON.stringify(title)})` }),
  service: () => ({ name: '<img src=x onerror=alert(1)>', href: ' JAVASCRIPT:alert(1)' }),
};

const render = (source: string, links: WikiLinkResolver = resolver) => renderMarkdown(source, links, { idPrefix: 'wiki-' }).html;

describe('the XSS corpus', () => {
  it('has at least a hundred distinct payloads', () => {
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(XSS_PAYLOADS.map((payload, index) => [index, payload] as const))('payload %i renders inert: %j', (_, payload) => {
    expect(unsafeHtmlFindings(render(payload))).toEqual([]);
    expect(unsafeHtmlFindings(render(payload, hostileResolver))).toEqual([]);
  });

  it('keeps the text of a refused link or image, without the link', () => {
    expect(render('[click](javascript:alert(1))')).toBe('<p>click</p>\n');
    expect(render('[click][r]\n\n[r]: JavaScript&colon;alert(1)')).toBe('<p>click</p>\n');
    expect(render('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>\n');
    expect(render('![a cat](data:image/svg+xml;base64,PHN2Zz4=)')).toBe('<p>a cat</p>\n');
  });

  it('turns links from a hostile resolver into text and escapes its names', () => {
    expect(render('[[Apple]] [[service:caf]]', hostileResolver)).toBe('<p>Apple &lt;img src=x onerror=alert(1)&gt;</p>\n');
  });
});

describe('the checker itself', () => {
  it('finds what the renderer must never produce', () => {
    expect(unsafeHtmlFindings('<p>ok <a href="/x">x</a></p>')).toEqual([]);
    expect(unsafeHtmlFindings('<script>x</script>')).toContain('element <script>');
    expect(unsafeHtmlFindings('<img src="x" onerror="y">')).toContain('event handler onerror on <img>');
    expect(unsafeHtmlFindings('<p style="x">y</p>')).toContain('style on <p>');
    expect(unsafeHtmlFindings('<a href="java&#x09;script:x">y</a>')).toContain('javascript: URL in href of <a>');
    expect(unsafeHtmlFindings('<a href=" &#106;avascript&amp;colon;x">y</a>')).toContain('javascript: URL in href of <a>');
  });

  it('reads URL schemes as a browser would, only stricter', () => {
    expect(urlScheme('HTTPS://x')).toBe('https');
    expect(urlScheme('\u0001java\nscript:x')).toBe('javascript');
    expect(urlScheme('/relative:path')).toBeNull();
    expect(urlScheme('../x')).toBeNull();
  });
});

describe('generated hostile input', () => {
  const hostileText = fc.array(fc.constantFrom(...DANGEROUS_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

  it('always renders inert', () => {
    fc.assert(
      fc.property(hostileText, (source) => {
        expect(unsafeHtmlFindings(render(source))).toEqual([]);
        expect(unsafeHtmlFindings(render(source, hostileResolver))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a URL through that the checker would refuse', () => {
    const url = fc.array(fc.constantFrom(...DANGEROUS_FRAGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(url, (candidate) => {
        const scheme = urlScheme(candidate);
        if (isSafeUrl(candidate)) expect(scheme === null || ['http', 'https', 'mailto'].includes(scheme)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
