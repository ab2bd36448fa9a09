// The synthetic organisation of the directive benchmark: 3,000 station-level jurisdictions under the
// demo country's 11 municipalities, each with 5 duty posts held by one duty officer who is signed in.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../apps/server/src/platform/db/client.js';
import { rows } from '../../apps/server/src/platform/db/client.js';

export interface Station {
  id: string;
  path: string;
  /** The session cookie value of its duty officer. */
  session: string;
}

const CHUNK = 500;

async function insertChunks<T>(db: Db, list: T[], insert: (chunk: T[]) => ReturnType<typeof sql>): Promise<void> {
  for (let i = 0; i < list.length; i += CHUNK) await db.execute(insert(list.slice(i, i + CHUNK)));
}

/**
 * Writes the organisation straight into the tables (setup, not what is measured): jurisdictions,
 * one duty officer each with a grant and an open session, 5 duty posts each held by that officer.
 */
export async function generateStations(db: Db, count: number, postsEach: number, sessionHours: number): Promise<Station[]> {
  const parents = await rows<{ id: string; path: string }>(db, sql`select id, path::text as path from jurisdictions where level = 'municipality' order by path`);
  if (parents.length === 0) throw new Error('the demo country has no municipalities: seed it first');
  const now = new Date();
  const expires = new Date(now.getTime() + sessionHours * 3_600_000);
  const stations = Array.from({ length: count }, (_, i) => {
    const parent = parents[i % parents.length]!;
    const label = `bench_${String(i).padStart(5, '0')}`;
    return { id: uuidv7(), parentId: parent.id, path: `${parent.path}.${label}`, name: `Bench station ${i}`, userId: uuidv7(), session: randomBytes(24).toString('base64url') };
  });
  await insertChunks(db, stations, (c) => sql`insert into jurisdictions (id, parent_id, path, name, level)
    values ${sql.join(c.map((s) => sql`(${s.id}, ${s.parentId}, ${s.path}::ltree, ${s.name}, 'station')`), sql`, `)}`);
  await insertChunks(db, stations, (c) => sql`insert into users (id, username, display_name, jurisdiction_id)
    values ${sql.join(c.map((s) => sql`(${s.userId}, ${`duty-${s.path}`}, ${`Duty officer ${s.name}`}, ${s.id})`), sql`, `)}`);
  await insertChunks(db, stations, (c) => sql`insert into grants (id, user_id, role, jurisdiction_id)
    values ${sql.join(c.map((s) => sql`(${uuidv7()}, ${s.userId}, 'duty_officer', ${s.id})`), sql`, `)}`);
  await insertChunks(db, stations, (c) => sql`insert into sessions (id, user_id, token_hash, expires_at)
    values ${sql.join(c.map((s) => sql`(${uuidv7()}, ${s.userId}, ${createHash('sha256').update(s.session).digest('hex')}, ${expires})`), sql`, `)}`);
  const posts = stations.flatMap((s) => Array.from({ length: postsEach }, (_, k) => ({ id: uuidv7(), station: s, title: `Duty post ${k + 1}` })));
  await insertChunks(db, posts, (c) => sql`insert into posts (id, jurisdiction_id, jurisdiction_path, kind, title, created_at)
    values ${sql.join(c.map((p) => sql`(${p.id}, ${p.station.id}, ${p.station.path}::ltree, 'duty_post', ${p.title}, ${now})`), sql`, `)}`);
  await insertChunks(db, posts, (c) => sql`insert into post_holdings (id, post_id, user_id, from_at)
    values ${sql.join(c.map((p) => sql`(${uuidv7()}, ${p.id}, ${p.station.userId}, ${now})`), sql`, `)}`);
  await db.execute(sql`analyze`);
  return stations.map((s) => ({ id: s.id, path: s.path, session: s.session }));
}
