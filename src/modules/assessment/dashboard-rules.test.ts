/**
 * Co-assessment, the dashboard's pure rules: CSV cells neutralise formulas and quote what needs
 * quoting; the median; when a trend is falling; which services are listed as needing attention.
 */
import { describe, expect, it } from 'vitest';
import { csvCell } from './dashboard-csv.js';
import { ATTENTION, median, needsAttention, trendOf, type ServiceFigures } from './dashboard.rules.js';

describe('co-assessment: dashboard rules (pure)', () => {
  it('neutralises formulas and quotes what needs quoting in CSV cells', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('4.5')).toBe('4.5');
  });

  it('takes the median of an odd or even number of values', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('calls a trend falling only with enough assessments and a large enough fall', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const months = (entries: Record<string, [number, number]>) => new Map(Object.entries(entries).map(([m, [n, sum]]) => [m, { n, sum }]));
    // Before (Jan–Mar): 4 × 4.5; recent (Apr–Jun): 4 × 3.5 → falls by 1.
    expect(trendOf([months({ '2026-01': [2, 9], '2026-03': [2, 9], '2026-05': [2, 7], '2026-06': [2, 7] })], now)).toMatchObject({
      before: 4.5,
      recent: 3.5,
      falling: true,
    });
    // Too few assessments in the recent window.
    expect(trendOf([months({ '2026-01': [4, 18], '2026-06': [2, 2] })], now).falling).toBe(false);
    // A fall smaller than the threshold.
    expect(trendOf([months({ '2026-02': [4, 16], '2026-06': [4, 15] })], now).falling).toBe(false);
    // Months older than the two windows do not count.
    expect(trendOf([months({ '2025-12': [10, 50], '2026-06': [4, 4] })], now)).toMatchObject({ before: null, falling: false });
  });

  it('lists low satisfaction only from enough assessments, most open problems first', () => {
    const figures = (assessments: number, satisfaction: number | null, openProblems: number): ServiceFigures =>
      ({
        kpis: { assessments, satisfaction, openProblems },
        trend: { falling: false, recent: null, before: null },
      }) as unknown as ServiceFigures;
    const lists = needsAttention([
      { id: 1, figures: figures(ATTENTION.minAssessments, 2.1, 0) },
      { id: 2, figures: figures(ATTENTION.minAssessments - 1, 1, 3) },
      { id: 3, figures: figures(50, 3.4, 7) },
      { id: 4, figures: figures(50, 4.5, 1) },
    ]);
    expect(lists.lowSatisfaction.map((s) => s.id)).toEqual([1, 3]);
    expect(lists.openProblems.map((s) => s.id)).toEqual([3, 2, 4]);
    expect(lists.falling).toEqual([]);
  });
});
