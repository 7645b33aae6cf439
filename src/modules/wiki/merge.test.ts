import { describe, expect, it } from 'vitest';
import { resolveMerge, threeWayMerge, type MergeResult } from './merge.js';

const GUIDE_FR = [
  '# Inscription à la médiathèque',
  '',
  '1. Apportez une pièce d’identité.',
  '2. Apportez un justificatif de domicile.',
  '3. Remplissez le formulaire à l’accueil.',
  '4. Payez la cotisation annuelle.',
  '',
  '| Public | Tarif |',
  '| --- | --- |',
  '| Adulte | 10 € |',
  '| Enfant | gratuit |',
  '',
].join('\n');

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`not in text: ${from}`);
  return text.replace(from, to);
};

function conflicted(result: MergeResult) {
  if (result.clean) throw new Error('expected conflicts');
  return result;
}

describe('threeWayMerge', () => {
  it('gives the only edited side when the other did not change', () => {
    const x = edit(GUIDE_FR, '10 €', '12 €');
    expect(threeWayMerge(GUIDE_FR, GUIDE_FR, x)).toEqual({ clean: true, text: x });
    expect(threeWayMerge(GUIDE_FR, x, GUIDE_FR)).toEqual({ clean: true, text: x });
    expect(threeWayMerge(GUIDE_FR, x, x)).toEqual({ clean: true, text: x });
    expect(threeWayMerge('', '', '')).toEqual({ clean: true, text: '' });
  });

  it('keeps both edits of distant lines', () => {
    const current = edit(GUIDE_FR, '# Inscription', '# S’inscrire');
    const mine = edit(GUIDE_FR, '| Enfant | gratuit |', '| Enfant | 2 € |');
    const expected = edit(current, '| Enfant | gratuit |', '| Enfant | 2 € |');
    expect(threeWayMerge(GUIDE_FR, current, mine)).toEqual({ clean: true, text: expected });
  });

  it('keeps both edits of neighbouring lines of a steps list', () => {
    const current = edit(GUIDE_FR, '2. Apportez un justificatif', '2. Apportez un justificatif récent');
    const mine = edit(GUIDE_FR, '3. Remplissez le formulaire', '3. Remplissez et signez le formulaire');
    const result = threeWayMerge(GUIDE_FR, current, mine);
    expect(result).toEqual({ clean: true, text: edit(current, '3. Remplissez le formulaire', '3. Remplissez et signez le formulaire') });
  });

  it('merges a line added by one side next to a line changed by the other', () => {
    const current = edit(GUIDE_FR, '4. Payez', '4. Réglez');
    const mine = edit(GUIDE_FR, '| Enfant | gratuit |\n', '| Enfant | gratuit |\n| Étudiant | 5 € |\n');
    const tableRow = edit(GUIDE_FR, '| Adulte | 10 € |', '| Adulte | 11 € |');
    const mineBefore = edit(GUIDE_FR, '| Adulte | 10 € |\n', '| Senior | 8 € |\n| Adulte | 10 € |\n');
    expect(threeWayMerge(GUIDE_FR, current, mine)).toMatchObject({ clean: true });
    expect(threeWayMerge(GUIDE_FR, tableRow, mineBefore)).toEqual({
      clean: true,
      text: edit(GUIDE_FR, '| Adulte | 10 € |\n', '| Senior | 8 € |\n| Adulte | 11 € |\n'),
    });
  });

  it('merges deletions on both sides, and the same deletion twice', () => {
    const current = edit(GUIDE_FR, '1. Apportez une pièce d’identité.\n', '');
    const mine = edit(edit(GUIDE_FR, '1. Apportez une pièce d’identité.\n', ''), '4. Payez la cotisation annuelle.\n', '');
    expect(threeWayMerge(GUIDE_FR, current, mine)).toEqual({ clean: true, text: mine });
  });

  it('reports a conflict when both change the same line differently', () => {
    const current = edit(GUIDE_FR, '| Adulte | 10 € |', '| Adulte | 12 € |');
    const mine = edit(GUIDE_FR, '| Adulte | 10 € |', '| Adulte | 15 € |');
    const result = conflicted(threeWayMerge(GUIDE_FR, current, mine));
    expect(result.conflicts).toEqual([{ base: '| Adulte | 10 € |', ours: '| Adulte | 15 € |', theirs: '| Adulte | 12 € |', start: 10 }]);
    expect(result.oursText).toBe(mine);
    expect(result.theirsText).toBe(current);
    expect(resolveMerge(result, ['ours'])).toBe(mine);
    expect(resolveMerge(result, ['theirs'])).toBe(current);
    expect(resolveMerge(result, ['both'])).toBe(edit(GUIDE_FR, '| Adulte | 10 € |', '| Adulte | 15 € |\n| Adulte | 12 € |'));
    expect(resolveMerge(result, [{ text: '| Adulte | 13 € |' }])).toBe(edit(GUIDE_FR, '10 €', '13 €'));
    expect(resolveMerge(result, [{ text: '' }])).toBe(edit(GUIDE_FR, '| Adulte | 10 € |\n', ''));
    expect(() => resolveMerge(result, [])).toThrow(/Expected 1 conflict choices/);
  });

  it('keeps the clean edits around a conflict in the chunks', () => {
    const current = edit(edit(GUIDE_FR, '# Inscription', '# S’inscrire'), '4. Payez la cotisation annuelle.', '4. Payez en ligne.');
    const mine = edit(
      edit(GUIDE_FR, '| Enfant | gratuit |', '| Enfant | 1 € |'),
      '4. Payez la cotisation annuelle.',
      '4. Payez à l’accueil.',
    );
    const result = conflicted(threeWayMerge(GUIDE_FR, current, mine));
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({ ours: '4. Payez à l’accueil.', theirs: '4. Payez en ligne.', start: 6 });
    expect(result.chunks.map((c) => c.kind)).toEqual(['merged', 'conflict', 'merged']);
    const resolved = resolveMerge(result, ['theirs']);
    expect(resolved).toContain('# S’inscrire');
    expect(resolved).toContain('| Enfant | 1 € |');
    expect(resolved).toContain('4. Payez en ligne.');
  });

  it('conflicts on two different insertions at the same place, and on a change against a deletion', () => {
    const current = edit(GUIDE_FR, '4. Payez', '5. Gardez le reçu.\n4. Payez');
    const mine = edit(GUIDE_FR, '4. Payez', '5. Prenez une photo.\n4. Payez');
    expect(conflicted(threeWayMerge(GUIDE_FR, current, mine)).conflicts[0]).toMatchObject({ base: '', start: 6 });
    const deleted = edit(GUIDE_FR, '3. Remplissez le formulaire à l’accueil.\n', '');
    const changed = edit(GUIDE_FR, 'à l’accueil', 'en ligne');
    expect(conflicted(threeWayMerge(GUIDE_FR, deleted, changed)).conflicts[0]).toMatchObject({
      ours: '3. Remplissez le formulaire en ligne.',
      theirs: '',
    });
  });

  it('normalises line endings, and merges additions to an empty page only when identical', () => {
    const crlf = GUIDE_FR.replaceAll('\n', '\r\n');
    const mine = edit(GUIDE_FR, '10 €', '12 €');
    expect(threeWayMerge(crlf, crlf, mine)).toEqual({ clean: true, text: mine });
    expect(threeWayMerge(GUIDE_FR, crlf, mine)).toEqual({ clean: true, text: mine });
    expect(threeWayMerge('', 'Hello', 'Hello')).toEqual({ clean: true, text: 'Hello' });
    expect(conflicted(threeWayMerge('', 'Hello', 'Bonjour')).conflicts).toEqual([{ base: '', ours: 'Bonjour', theirs: 'Hello', start: 1 }]);
  });
});
