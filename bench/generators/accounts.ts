/**
 * Accounts: people (city scale: 100,000) with the roles the app gives them: everyone is a citizen;
 * some are helpers, moderators or administrators; mediators work at places and officials for
 * organisations. One argon2id hash (of BENCH_PASSWORD) is computed and shared by every account:
 * hashing 100,000 passwords would take minutes and measure nothing.
 */
import { hashPassword } from '../../src/modules/accounts/index.js';
import { insertRows, quarterly } from '../bulk.js';
import { scaled } from '../scale.js';
import { pastIso, personName, slugify } from './text.js';
import type { DatasetGenerator } from './types.js';

/** The password of every generated account. */
export const BENCH_PASSWORD = 'bench-password-vallee-verte';

/** The two-factor secret (base32) of the bench's official, whose role needs 2FA to be in effect. */
export const BENCH_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Domain of generated addresses (reserved `.example`, so no mail can ever leave). */
export const BENCH_EMAIL_DOMAIN = 'bench.ecoop.example';

export const accountsGenerator: DatasetGenerator = {
  name: 'accounts',
  async generate(ctx) {
    const { rng, handle, db, factor, dataset } = ctx;
    const count = scaled(100_000, factor, 10);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    function* users() {
      for (let i = 1; i <= count; i++) {
        const { first, last } = personName(rng);
        const createdAt = pastIso(rng, ctx.now, 3 * 365);
        const created = Date.parse(createdAt);
        const verified = rng.chance(0.95) ? new Date(created + rng.int(1, 3600) * 1000).toISOString() : null;
        yield {
          email: `${slugify(first)}.${slugify(last)}.${i}@${BENCH_EMAIL_DOMAIN}`,
          display_name: `${first} ${last}`,
          password_hash: passwordHash,
          locale: rng.weighted({ fr: 70, en: 30 }),
          email_verified_at: verified,
          blocked_at: verified && rng.chance(0.002) ? pastIso(rng, ctx.now, 30) : null,
          deleted_at: null,
          created_at: createdAt,
          updated_at: verified ?? createdAt,
        };
      }
    }
    dataset.counts.users = await insertRows(handle, 'users', users(), quarterly(ctx.log, 'users', count));
    const userIds = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((r) => r.id);
    dataset.ids.user = userIds;

    const grantedAt = ctx.now.toISOString();
    const seen = new Set<string>();
    const roles: { user_id: number; role: string; scope_type: string; scope_id: number; granted_by: null; created_at: string }[] = [];
    const grant = (userId: number, role: string, scopeType = '', scopeId = 0) => {
      const key = `${userId}/${role}/${scopeType}/${scopeId}`;
      if (seen.has(key)) return;
      seen.add(key);
      roles.push({ user_id: userId, role, scope_type: scopeType, scope_id: scopeId, granted_by: null, created_at: grantedAt });
    };
    for (const id of userIds) grant(id, 'citizen');
    for (const id of rng.sample(userIds, Math.round(userIds.length * 0.02))) grant(id, 'helper');
    for (const id of rng.sample(userIds, scaled(20, factor, 1))) grant(id, 'moderator');
    for (const id of rng.sample(userIds, scaled(5, factor, 1))) grant(id, 'admin');
    // Two staff per place and per organisation (a person may hold several such roles).
    for (const placeId of dataset.ids.place ?? []) for (let k = 0; k < 2; k++) grant(rng.pick(userIds), 'mediator', 'place', placeId);
    for (const orgId of dataset.ids.organisation ?? [])
      for (let k = 0; k < 2; k++) grant(rng.pick(userIds), 'official', 'organisation', orgId);
    dataset.counts.user_roles = await insertRows(handle, 'user_roles', roles, quarterly(ctx.log, 'user_roles', roles.length));
  },
};
