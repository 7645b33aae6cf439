import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvColumnOf, csvHeader, csvRecordToRow, parseCsv, readCsvHeader, writeCsv } from './catalogue-csv.js';

describe('CSV reader', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and says where each record starts', () => {
    const text = 'a,b,c\r\n1,"two, three","say ""hi"""\r\n"multi\nline\r\ncell",x,\n4,5,6';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two, three', 'say "hi"'] },
      { line: 3, cells: ['multi\nline\r\ncell', 'x', ''] },
      { line: 6, cells: ['4', '5', '6'] },
    ]);
  });

  it('drops a byte order mark, accepts LF or CRLF and skips blank lines', () => {
    const { records } = parseCsv('\uFEFFslug,name_en\n\nhousing,Housing\r\n\r\n');
    expect(records).toEqual([
      { line: 1, cells: ['slug', 'name_en'] },
      { line: 3, cells: ['housing', 'Housing'] },
    ]);
  });

  it('reports a quoted cell followed by text, and goes on with the next records', () => {
    const { records, errors } = parseCsv('a,b\n"x"y,2\n3,4\n');
    expect(errors).toEqual([{ line: 2, kind: 'textAfterQuote' }]);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('reports a quote that is never closed at the line where its record starts', () => {
    const { records, errors } = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(errors).toEqual([{ line: 3, kind: 'unclosedQuote' }]);
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });

  it('writes what it reads back, whatever the text (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '|', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const { records, errors } = parseCsv(writeCsv(table));
        expect(errors).toEqual([]);
        // Records made only of one empty cell are blank lines, which the reader skips.
        expect(records.map((r) => r.cells)).toEqual(table.filter((r) => !(r.length === 1 && r[0] === '')));
      }),
    );
  });
});

describe('CSV columns', () => {
  it('has one column per translated field and language, then keywords, in a documented order', () => {
    const header = csvHeader(['en', 'fr']);
    expect(header.slice(0, 8)).toEqual(['identifier', 'slug', 'status', 'organisation', 'sector', 'life_events', 'name_en', 'name_fr']);
    expect(header).toContain('cost_description_fr');
    expect(header).toContain('keywords_en');
    expect(header.at(-1)).toBe('related');
  });

  it('reads a record into service fields, leaving absent columns out', () => {
    const header = ['slug', 'name_en', 'keywords_fr', 'channels', 'is_free', 'cost_amount', 'life_events', 'status', 'related'];
    const layout = readCsvHeader(header);
    expect(layout.unknown).toEqual([]);
    const row = csvRecordToRow(
      { line: 7, cells: ['rent-help', ' Rent help ', 'loyer| aide ', 'online|phone', 'no', '12,50', 'moving', 'Published', 'a|b'] },
      layout,
    );
    expect(row).toEqual({
      line: 7,
      fields: {
        slug: 'rent-help',
        name: { en: ' Rent help ' },
        keywords: { fr: ['loyer', 'aide'] },
        channels: ['online', 'phone'],
        isFree: false,
        costAmount: 12.5,
        lifeEvents: ['moving'],
      },
      partialLanguages: true,
      status: 'published',
      related: ['a', 'b'],
    });
  });

  it('passes unreadable values on for the validator to refuse, and finds unknown or repeated columns', () => {
    const layout = readCsvHeader(['slug', 'Name_EN', 'nom', 'slug', 'is_free', 'cost_amount']);
    expect(layout.unknown).toEqual(['nom']);
    expect(layout.duplicate).toEqual(['slug']);
    const row = csvRecordToRow({ line: 2, cells: ['x', 'X', '', 'x', 'maybe', 'ten'] }, layout);
    expect(row.fields.isFree).toBe('maybe');
    expect(row.fields.costAmount).toBe('ten');
  });

  it('names problems by column', () => {
    expect(csvColumnOf('name.fr')).toBe('name_fr');
    expect(csvColumnOf('costDescription.en')).toBe('cost_description_en');
    expect(csvColumnOf('onlineUrl')).toBe('online_url');
    expect(csvColumnOf('lifeEvents')).toBe('life_events');
    expect(csvColumnOf('keywords.fr')).toBe('keywords_fr');
  });
});
