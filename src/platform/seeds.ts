/**
 * Seeding the demo territory: each module's `demoSeed`, in module order, once, on an empty
 * database. "Empty" means no demo seed was recorded and no user exists, so a production database
 * is never touched. The whole seed is one transaction-free sequence of idempotent module seeds,
 * recorded at the end so an interrupted seed runs again.
 */
import type { EcoopModule, SeedContext } from './module.js';
import { getSetting, setSetting } from './settings.js';

const SEEDED_KEY = 'demo_seeded_at';

/** Whether the database holds no content yet (no users, no demo seed recorded). */
export async function isEmptyDatabase(ctx: SeedContext): Promise<boolean> {
  if (await getSetting(ctx.db, SEEDED_KEY)) return false;
  const users = await ctx.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(users.n) === 0;
}

/** Seeds the demo territory when the database is empty. Returns whether it seeded. */
export async function seedDemoIfEmpty(ctx: SeedContext, modules: readonly EcoopModule[]): Promise<boolean> {
  if (!(await isEmptyDatabase(ctx))) return false;
  await seedDemo(ctx, modules);
  return true;
}

/** Runs every module's demo seed (each is idempotent) and records it. */
export async function seedDemo(ctx: SeedContext, modules: readonly EcoopModule[]): Promise<void> {
  for (const m of modules) {
    if (m.demoSeed) {
      await m.demoSeed(ctx);
      ctx.log.info(`demo data: seeded ${m.name}`);
    }
  }
  await setSetting(ctx.db, SEEDED_KEY, new Date().toISOString());
}
