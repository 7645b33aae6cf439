/** The personal-data registry's orchestration, without a database: order, scope, all-or-nothing hand-off. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { deleteAccount, DELETED_PARTICIPANT, participantName } from './gdpr.js';
import { translator } from './i18n.js';
import type { EcoopModule } from './module.js';

/** A stand-in database whose transaction runs the callback with a recognisable handle. */
function fakeDb(calls: string[]): { db: Db; trx: Db } {
  const trx = { name: 'trx' } as unknown as Db;
  const db = {
    transaction: () => ({
      execute: async (fn: (t: Db) => Promise<unknown>) => {
        calls.push('begin');
        const result = await fn(trx);
        calls.push('commit');
        return result;
      },
    }),
  } as unknown as Db;
  return { db, trx };
}

const moduleNamed = (name: string, calls: string[], seen: Db[]): EcoopModule => ({
  name,
  personalData: {
    export: async () => ({}),
    anonymise: async (trx, userId) => {
      seen.push(trx);
      calls.push(`${name}:${userId}`);
    },
  },
});

describe('deleteAccount', () => {
  it('runs before, every module’s anonymise in reverse module order, then after, in one transaction', async () => {
    const calls: string[] = [];
    const seen: Db[] = [];
    const { db, trx } = fakeDb(calls);
    const modules = [moduleNamed('accounts', calls, seen), { name: 'no-personal-data' }, moduleNamed('ideas', calls, seen)];
    await deleteAccount(db, modules, 42, {
      before: async (t) => {
        seen.push(t);
        calls.push('before');
      },
      after: async (t) => {
        seen.push(t);
        calls.push('after');
      },
    });
    expect(calls).toEqual(['begin', 'before', 'ideas:42', 'accounts:42', 'after', 'commit']);
    expect(seen.every((t) => t === trx)).toBe(true);
  });

  it('stops at the first failure, so the transaction rolls back', async () => {
    const calls: string[] = [];
    const { db } = fakeDb(calls);
    const failing: EcoopModule = {
      name: 'failing',
      personalData: {
        export: async () => ({}),
        anonymise: async () => {
          throw new Error('cannot');
        },
      },
    };
    await expect(
      deleteAccount(db, [moduleNamed('accounts', calls, []), failing], 7, { after: async () => void calls.push('after') }),
    ).rejects.toThrow('cannot');
    expect(calls).toEqual(['begin']);
  });
});

describe('participantName', () => {
  it('shows a deleted account’s marker as the translated label, and other names as they are', () => {
    expect(participantName(DELETED_PARTICIPANT, translator('en'))).toBe('Deleted participant');
    expect(participantName(DELETED_PARTICIPANT, translator('fr'))).toBe('Participant supprimé');
    expect(participantName('Ada', translator('fr'))).toBe('Ada');
  });
});
