/**
 * The CSV pieces of the open-data exports and the import: the reader (delimiters, quotes, BOM,
 * CRLF), the writer, phone numbers in the schema's form, the Table Schema validator — that it
 * catches each kind of violation — and that the code's columns are the schema file's.
 */
import { describe, expect, it } from 'vitest';
import { LIEUX_SCHEMA } from '../../../test/fixtures/places/validate.js';
import {
  detectDelimiter,
  LIEUX_COLUMNS,
  LIEUX_REQUIRED,
  parseCsv,
  placeToLieuxRow,
  schemaPhone,
  splitList,
  writeCsv,
} from './places-csv.js';
import { VOCABULARIES } from './places.model.js';
import { validateTable } from './table-schema.js';

describe('the lieux de médiation numérique schema file', () => {
  it('is v1.0.1 and has the columns, in order, and required fields the code uses', () => {
    expect(LIEUX_SCHEMA.version).toBe('1.0.1');
    expect(LIEUX_SCHEMA.fields.map((f) => f.name)).toEqual([...LIEUX_COLUMNS]);
    expect(LIEUX_SCHEMA.fields.filter((f) => f.constraints?.required).map((f) => f.name)).toEqual([...LIEUX_REQUIRED]);
  });

  it('lists in its patterns exactly the vocabulary of places.model.ts', () => {
    const pattern = (name: string) => LIEUX_SCHEMA.fields.find((f) => f.name === name)!.constraints!.pattern!;
    const values = (name: string) =>
      /\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/
        .exec(pattern(name))![1]!
        .replace(/\\([()])/g, '$1')
        .split('|');
    expect(values('services')).toEqual(Object.values(VOCABULARIES.services));
    expect(values('publics_specifiquement_adresses')).toEqual(Object.values(VOCABULARIES.publics));
    expect(values('prise_en_charge_specifique')).toEqual(Object.values(VOCABULARIES.specificSupport));
    expect(values('frais_a_charge')).toEqual(Object.values(VOCABULARIES.fees));
    expect(values('modalites_acces')).toEqual(Object.values(VOCABULARIES.accessModes));
    expect(values('modalites_accompagnement')).toEqual(Object.values(VOCABULARIES.supportModes));
  });
});

describe('parseCsv', () => {
  it('detects `;` or `,` on the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('\uFEFF"a;b",c\n')).toBe(',');
  });

  it('reads a BOM, CRLF, quoted line breaks and quotes, `;` cells, and skips blank lines; lines are where records start', () => {
    const text = '\uFEFFid;nom\r\n1;"Deux\r\nlignes"\r\n\r\n2;"Un ""mot"""\r\n;\r\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, cells: ['id', 'nom'] },
        { line: 2, cells: ['1', 'Deux\r\nlignes'] },
        { line: 5, cells: ['2', 'Un "mot"'] },
      ],
      errors: [],
    });
  });

  it('reports an unclosed quote and text after a closing quote, and goes on', () => {
    expect(parseCsv('a,b\n"x"y,2\n3,4\n"open', ',')).toEqual({
      records: [
        { line: 1, cells: ['a', 'b'] },
        { line: 3, cells: ['3', '4'] },
      ],
      errors: [
        { line: 2, kind: 'textAfterQuote' },
        { line: 4, kind: 'unclosedQuote' },
      ],
    });
  });

  it('reads back what writeCsv writes', () => {
    const rows = [
      ['a', 'b,c', 'd"e', 'f\ng', ' h'],
      ['', '|', 'é', 'x', 'y'],
    ];
    expect(writeCsv(rows)).toBe('a,"b,c","d""e","f\ng"," h"\r\n,|,é,x,y\r\n');
    expect(parseCsv(writeCsv(rows)).records.map((r) => r.cells)).toEqual(rows);
  });

  it('splits lists on |', () => {
    expect(splitList(' Gratuit | Payant||')).toEqual(['Gratuit', 'Payant']);
  });
});

describe('schemaPhone', () => {
  it('writes numbers as the schema wants them, or not at all', () => {
    expect(schemaPhone('03 85 00 21 10')).toBe('+33385002110');
    expect(schemaPhone('+33 3 85 00 21 10')).toBe('+33385002110');
    expect(schemaPhone('+33 (0)3 85 00 21 10')).toBe('+33385002110');
    expect(schemaPhone('0033 3 85 00 21 10')).toBe('+33385002110');
    expect(schemaPhone('+262 262 12 34 56')).toBe('+262262123456');
    expect(schemaPhone('+44 20 7946 0000')).toBeNull();
    expect(schemaPhone(null)).toBeNull();
  });
});

describe('validateTable', () => {
  const header = [...LIEUX_COLUMNS];
  const valid = () =>
    placeToLieuxRow(
      {
        slug: 'lieu',
        name: 'Lieu',
        municipality: 'Reims',
        municipalityInsee: '51454',
        organisationName: null,
        address: '1 rue',
        address_complement: null,
        postcode: '51100',
        insee_code: null,
        latitude: 49.25,
        longitude: 4.03,
        opening_hours: 'Mo 09:00-12:00',
        phone: null,
        email: null,
        website: null,
        pivot: null,
        summary: '{"fr":"Résumé"}',
        details: '{}',
        mediation_services: '["admin_procedures","leisure"]',
        publics: '[]',
        specific_support: '["english"]',
        fees: '["free"]',
        access_modes: '[]',
        support_modes: '[]',
        mobile: 0,
        source: null,
        external_id: null,
        updated_at: '2026-11-26T10:00:00.000Z',
      },
      { platformName: 'E-COOP', appointmentsUrl: null },
    );
  const withCell = (column: string, value: string) => {
    const row = valid();
    row[header.indexOf(column as (typeof LIEUX_COLUMNS)[number])] = value;
    return row;
  };
  const check = (rows: string[][]) => validateTable(LIEUX_SCHEMA, header, rows, { listSeparator: '|' });

  it('accepts a valid row', () => {
    expect(check([valid()])).toEqual([]);
  });

  it.each([
    ['nom', '', 'required'],
    ['date_maj', '', 'required'],
    ['pivot', '', 'required'],
    ['pivot', '1234', 'pattern'],
    ['code_postal', '5110', 'pattern'],
    ['code_insee', '20123', 'pattern'],
    ['telephone', '03 26 00 00 00', 'pattern'],
    ['latitude', '49,25', 'type'],
    ['date_maj', '2026-02-30', 'type'],
    ['date_maj', '26/11/2026', 'type'],
    ['services', 'Aide aux démarches administratives|Cuisine', 'pattern'],
    ['services', 'aide aux démarches administratives', 'pattern'],
    ['prise_en_charge_specifique', 'Langues étrangères (anglais)|', 'pattern'],
    ['frais_a_charge', 'Gratuit;Payant', 'pattern'],
    ['itinerance', 'Mobile', 'pattern'],
    ['presentation_resume', 'x'.repeat(281), 'maxLength'],
  ])('finds %s = %j breaks the %s rule', (column, value, rule) => {
    expect(check([withCell(column, value)])).toEqual([{ row: 1, field: column, rule, value }]);
  });

  it('finds a duplicate id, a wrong header and enum values per list item', () => {
    expect(check([valid(), valid()])).toEqual([{ row: 2, field: 'id', rule: 'unique', value: 'lieu' }]);
    expect(validateTable(LIEUX_SCHEMA, header.slice(1), [], {})).toEqual([{ row: 0, field: 'id', rule: 'header', value: '' }]);
    const schema = { fields: [{ name: 'v', constraints: { enum: ['A', 'B'] } }] };
    expect(validateTable(schema, ['v'], [['A|B'], ['A|C']], { listSeparator: '|' })).toEqual([
      { row: 2, field: 'v', rule: 'enum', value: 'A|C' },
    ]);
  });
});
