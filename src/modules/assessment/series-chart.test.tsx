import { describe, expect, it } from 'vitest';
import { renderWithUi } from '../../ui/components/testing.js';
import { monthName, niceCeil, SeriesChart, seriesPoints, type SeriesPoint } from './views/series-chart.js';
import { zeroCounters } from './assessments.service.js';

/** Twelve months from December 2025, with a gap in March 2026. */
const POINTS: SeriesPoint[] = Array.from({ length: 12 }, (_, i) => {
  const month = `${2025 + Math.floor((11 + i) / 12)}-${String(((11 + i) % 12) + 1).padStart(2, '0')}`;
  if (month === '2026-03') return { month, assessments: 0, satisfaction: null };
  return { month, assessments: 10 + i * 3, satisfaction: 2 + (i % 4) * 0.75 };
});

/** The SVG element of the rendered chart. */
const svgOf = (html: string) => /<svg[\s\S]*<\/svg>/.exec(html)?.[0] ?? '';

/** Checks that every element is closed in order (the SVG is XML) and returns the element names in order. */
function wellFormed(xml: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else {
      names.push(name!);
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  // Nothing that looks like a tag was left unparsed.
  expect(xml.replace(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g, '')).not.toMatch(/[<>]/);
  return names;
}

describe('the series chart', () => {
  it('is a well-formed SVG image with an accessible name and description', () => {
    const html = renderWithUi(<SeriesChart id="s" title="Satisfaction by month: Housing allowance" points={POINTS} />);
    const svg = svgOf(html);
    const names = wellFormed(svg);
    expect(names[0]).toBe('svg');
    expect(names.slice(1, 3)).toEqual(['title', 'desc']);
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="s-title" aria-describedby="s-desc" viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<title id="s-title">Satisfaction by month: Housing allowance</title>');
    const desc = /<desc id="s-desc">([^<]*)<\/desc>/.exec(svg)?.[1];
    const total = POINTS.reduce((n, p) => n + p.assessments, 0);
    expect(desc).toBe(
      `${total} assessments from December 2025 to November 2026. Mean satisfaction was 2.0 out of 5 in December 2025 and 4.3 out of 5 in November 2026.`,
    );
    // No script, no inline style (the CSP allows neither), colours only from the text colour.
    expect(html).not.toMatch(/<script|style=|on\w+=/);
    expect(svg).not.toMatch(/fill="#|stroke="#/);
  });

  it('draws one bar per month with assessments and breaks the line where a month has none', () => {
    const svg = svgOf(renderWithUi(<SeriesChart id="s" title="T" points={POINTS} />));
    expect(svg.match(/<rect /g)).toHaveLength(11);
    expect(svg.match(/<circle /g)).toHaveLength(11);
    // December–February, then April–November.
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) => m[1]!.split(' ').length);
    expect(lines).toEqual([3, 8]);
    // Month labels every third month, the latest included.
    expect([...svg.matchAll(/text-anchor="middle">([^<]+)</g)].map((m) => m[1])).toEqual(['Feb 26', 'May 26', 'Aug 26', 'Nov 26']);
  });

  it('gives the same numbers in a table with a caption', () => {
    const html = renderWithUi(<SeriesChart id="s" title="Satisfaction by month: X" points={POINTS} />);
    expect(html).toContain('<caption id="s-table-caption">Satisfaction by month: X (the numbers of the chart)</caption>');
    const rows = [...html.matchAll(/<tr><th scope="row"[^>]*>([^<]+)<\/th><td[^>]*>([^<]+)<\/td><td[^>]*>([^<]+)<\/td><\/tr>/g)].map(
      (m) => [m[1], m[2], m[3]],
    );
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['December 2025', '10', '2.0']);
    expect(rows[3]).toEqual(['March 2026', '0', 'No assessment']);
    expect(rows[11]).toEqual(['November 2026', '43', '4.3']);
  });

  it('speaks French in French, and says when there is nothing to show', () => {
    const fr = renderWithUi(<SeriesChart id="s" title="T" points={POINTS} />, { locale: 'fr' });
    expect(fr).toContain('décembre 2025');
    expect(fr).toContain('2,0');
    const empty = renderWithUi(<SeriesChart id="e" title="T" points={POINTS.map((p) => ({ ...p, assessments: 0, satisfaction: null }))} />);
    expect(empty).toContain('<desc id="e-desc">No assessment in the last 12 months.</desc>');
    expect(svgOf(empty)).not.toMatch(/<rect |<circle |<polyline /);
    wellFormed(svgOf(empty));
  });

  it('builds points from counters and rounds scales and month names', () => {
    const counters = { ...zeroCounters(), assessments: 4, satisfaction_sum: 14 };
    expect(
      seriesPoints([
        { month: '2026-01', counters },
        { month: '2026-02', counters: zeroCounters() },
      ]),
    ).toEqual([
      { month: '2026-01', assessments: 4, satisfaction: 3.5 },
      { month: '2026-02', assessments: 0, satisfaction: null },
    ]);
    expect([0, 1, 3, 10, 11, 48, 120, 5000].map(niceCeil)).toEqual([1, 1, 5, 10, 20, 50, 200, 5000]);
    expect(monthName('en', '2026-01', 'long')).toBe('January 2026');
    expect(monthName('fr', '2026-01', 'short')).toBe('janv. 26');
  });
});
