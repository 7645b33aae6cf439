/** The services API's boundary: cursors, If-Match, body keys and strict query parsing. */
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, listQuery, parseQuery, versionFromIfMatch, writableFields } from './api.schemas.js';

const codeAndFields = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    const e = err as { code: string; fields: { field: string }[] };
    return { code: e.code, fields: e.fields.map((f) => f.field) };
  }
  throw new Error('did not throw');
};

describe('cursors', () => {
  it('round-trips and are opaque', () => {
    const slug = encodeCursor({ kind: 'slug', slug: 'housing-allowance' });
    expect(slug).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(slug).not.toContain('housing');
    expect(decodeCursor(slug, 'slug')).toEqual({ kind: 'slug', slug: 'housing-allowance' });
    expect(decodeCursor(encodeCursor({ kind: 'offset', offset: 40 }), 'offset')).toEqual({ kind: 'offset', offset: 40 });
  });

  it('refuses forged cursors and cursors of the other kind', () => {
    const forged = [
      Buffer.from('s:../../etc').toString('base64url'),
      Buffer.from('o:-1').toString('base64url'),
      Buffer.from('o:99999').toString('base64url'),
      'not base64!',
      '',
    ];
    for (const c of forged) expect(codeAndFields(() => decodeCursor(c, c.includes('o') ? 'offset' : 'slug')).fields).toEqual(['cursor']);
    expect(codeAndFields(() => decodeCursor(encodeCursor({ kind: 'offset', offset: 1 }), 'slug')).code).toBe('bad_request');
  });
});

describe('If-Match', () => {
  it('reads the version from a weak or strong ETag or a bare number', () => {
    expect(versionFromIfMatch('W/"3"')).toBe(3);
    expect(versionFromIfMatch('"12"')).toBe(12);
    expect(versionFromIfMatch('7')).toBe(7);
    expect(versionFromIfMatch('*')).toBe('*');
    expect(versionFromIfMatch(undefined)).toBeUndefined();
  });
  it('refuses lists and garbage', () => {
    for (const h of ['W/"3", W/"4"', '"0"', 'W/"x"', '', '"3'])
      expect(codeAndFields(() => versionFromIfMatch(h)).fields).toEqual(['If-Match']);
  });
});

describe('body keys', () => {
  it('keeps writable fields, ignores read-only ones, takes version apart', () => {
    const { fields, version } = writableFields(
      { slug: 'a', name: { en: 'A' }, url: 'x', names: {}, updatedAt: 'x', version: 4, status: 'draft' },
      'draft',
    );
    expect(fields).toEqual({ slug: 'a', name: { en: 'A' } });
    expect(version).toBe(4);
  });
  it('refuses unknown keys, a status change, a bad version and non-objects (422)', () => {
    expect(codeAndFields(() => writableFields({ nmae: 'x', status: 'published', version: 'two' }, 'draft'))).toEqual({
      code: 'validation_failed',
      fields: ['nmae', 'status', 'version'],
    });
    for (const body of [null, [], 'text', 3]) expect(codeAndFields(() => writableFields(body, 'draft')).code).toBe('validation_failed');
  });
});

describe('query strings', () => {
  it('treats empty values as absent and applies defaults', () => {
    expect(parseQuery(listQuery, { sector: '', free: 'false', limit: '5' })).toEqual({ free: false, limit: 5 });
    expect(parseQuery(listQuery, {})).toEqual({ limit: 20 });
  });
  it('names every faulty or unknown parameter once', () => {
    const { code, fields } = codeAndFields(() => parseQuery(listQuery, { limit: '0', channel: 'fax', page: '2', other: 'x' }));
    expect(code).toBe('bad_request');
    expect(fields.sort()).toEqual(['channel', 'limit', 'other', 'page']);
  });
});
