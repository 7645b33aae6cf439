import { createDatabase } from '../src/db/database.js';
import { listLifeEvents, listSectorsWithCounts } from '../src/modules/catalogue/index.js';
import { listPlaces } from '../src/modules/places/index.js';
import { loadSession } from '../src/platform/session.js';
import fs from 'node:fs';
const file = process.argv[2]!;
const h = createDatabase({ dialect: 'sqlite', file });
const token = fs.readFileSync(process.argv[3]!, 'utf8').trim();
async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await fn();
  const n = 2000; const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(label.padEnd(20), ((performance.now() - t0) * 1000 / n).toFixed(0), 'µs');
}
await time('sectorsWithCounts', () => listSectorsWithCounts(h.db));
await time('lifeEvents', () => listLifeEvents(h.db));
await time('places(8)', () => listPlaces(h.db, 8));
await time('loadSession', () => loadSession(h.db, token));
const raw = h.sqlite!;
const sq = listSectorsWithCounts.toString();
console.log(raw.prepare(`explain query plan select places.id from places inner join municipalities on municipalities.id = places.municipality_id order by places.name limit 8`).all());
await h.close();
