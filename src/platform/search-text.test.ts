import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_TOKENS, foldWords, isVocabularyTerm, maxTypos, normalize, queryTokens, stem, tokenize } from './search-text.js';

describe('normalize', () => {
  it('lower-cases and strips diacritics', () => {
    expect(normalize('LOGEMENT')).toBe('logement');
    expect(normalize('logément')).toBe('logement');
    expect(normalize('Crèche Française à Noël')).toBe(normalize('creche francaise a noel'));
    expect(normalize('ÉCOLE')).toBe(normalize('ecole'));
  });

  it('folds ligatures and letters that do not decompose', () => {
    expect(normalize('Œuvre')).toBe(normalize('oeuvre'));
    expect(normalize('Straße')).toBe(normalize('strasse'));
    expect(normalize('ﬁle')).toBe(normalize('file'));
  });

  it('splits on anything but letters and digits, French elisions included', () => {
    expect(foldWords("l'allocation d’aide—logement, 2024/25!")).toEqual(['l', 'allocation', 'd', 'aide', 'logement', '2024', '25']);
    expect(normalize('  ...  ')).toBe('');
    expect(normalize('')).toBe('');
  });

  it('folds English plurals onto their singular', () => {
    for (const [plural, singular] of [
      ['benefits', 'benefit'],
      ['allocations', 'allocation'],
      ['services', 'service'],
      ['classes', 'class'],
      ['addresses', 'address'],
      ['searches', 'search'],
      ['boxes', 'box'],
      ['families', 'family'],
      ['cities', 'city'],
      ['days', 'day'],
      ['employees', 'employee'],
    ] as const) {
      expect(normalize(plural), plural).toBe(normalize(singular));
    }
  });

  it('folds French plurals onto their singular', () => {
    for (const [plural, singular] of [
      ['logements', 'logement'],
      ['aides', 'aide'],
      ['démarches', 'démarche'],
      ['mairies', 'mairie'],
      ['journaux', 'journal'],
      ['sociaux', 'social'],
      ['bureaux', 'bureau'],
      ['jeux', 'jeu'],
      ['bijoux', 'bijou'],
      ['travaux', 'travail'],
      ['baux', 'bail'],
      ['employées', 'employé'],
      ['revenus', 'revenu'],
      ['adresses', 'adresse'],
    ] as const) {
      expect(normalize(plural), plural).toBe(normalize(singular));
    }
  });

  it('keeps stems conservative', () => {
    expect(stem('allocations')).toBe('allocation');
    expect(stem('benefits')).toBe('benefit');
    expect(stem('logements')).toBe('logement');
    expect(stem('housing')).toBe('housing');
    expect(stem('class')).toBe('class');
    expect(stem('taux')).toBe('taux');
    expect(stem('prix')).toBe('prix');
    // Short words and numbers are left alone.
    expect(stem('bus')).toBe('bus');
    expect(stem('use')).toBe('use');
    expect(stem('2024s')).toBe('2024s');
  });

  it('only ever yields letters, digits and single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(normalize(text)).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
      }),
    );
  });

  it('never folds a word onto a longer one, so a prefix of the stem still prefixes the word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), (word) => {
        expect(stem(word).length).toBeLessThanOrEqual(word.length);
      }),
    );
  });
});

describe('queryTokens', () => {
  it('drops stop words unless nothing else is left', () => {
    expect(queryTokens('aide au logement').map((t) => t.stem)).toEqual(['aid', 'logement']);
    expect(queryTokens('apply for the housing benefit').map((t) => t.stem)).toEqual(['appli', 'housing', 'benefit']);
    expect(queryTokens('the').map((t) => t.stem)).toEqual(['the']);
  });

  it('removes duplicates and caps the number of words', () => {
    expect(queryTokens('benefit benefits BENEFIT').map((t) => t.stem)).toEqual(['benefit']);
    expect(queryTokens('one two three four five six seven eight nine ten')).toHaveLength(MAX_QUERY_TOKENS);
  });

  it('returns nothing for punctuation', () => {
    expect(queryTokens('!!! ... ---')).toEqual([]);
    expect(queryTokens('')).toEqual([]);
  });

  it('ignores text past the length cap', () => {
    expect(queryTokens(`${'x'.repeat(200)} hidden`)).toHaveLength(1);
  });
});

describe('vocabulary rules', () => {
  it('keeps numbers, stop words and short words out of the typo vocabulary', () => {
    const kept = tokenize('the housing 2024 au et allocations ab')
      .filter(isVocabularyTerm)
      .map((t) => t.stem);
    expect(kept).toEqual(['housing', 'allocation']);
  });

  it('allows more typos in longer words, none in short words or numbers', () => {
    expect(maxTypos('aid')).toBe(0);
    expect(maxTypos('aide')).toBe(1);
    expect(maxTypos('housng')).toBe(1);
    expect(maxTypos('alocation')).toBe(2);
    expect(maxTypos('20245')).toBe(0);
  });
});
