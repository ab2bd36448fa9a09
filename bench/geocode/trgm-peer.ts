import pg from 'pg';
import type { Entry } from '../../apps/server/src/modules/geocode/gazetteer.js';

/**
 * The peer: plain PostgreSQL `pg_trgm` over the same labels ("Äulestrasse 20, Vaduz"), as a team
 * would first try it — a GIN trigram index on lower(label), `%` to find, `similarity` to rank.
 */
export class TrgmPeer {
  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<TrgmPeer> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create extension if not exists pg_trgm');
    await client.query('create table geo_names (extract text not null, id int not null, label text not null, primary key (extract, id))');
    await client.query('create index geo_names_trgm on geo_names using gin (lower(label) gin_trgm_ops)');
    return new TrgmPeer(client);
  }

  async load(extract: string, entries: readonly Entry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000);
      await this.client.query('insert into geo_names (extract, id, label) select $1, * from unnest($2::int[], $3::text[])',
        [extract, chunk.map((_, j) => i + j), chunk.map((e) => e.label)]);
    }
    await this.client.query('analyze geo_names');
  }

  /** The ids of the 5 best labels for a query. */
  async search(extract: string, q: string): Promise<number[]> {
    const { rows } = await this.client.query<{ id: number }>({
      name: 'trgm',
      text: 'select id from geo_names where extract = $1 and lower(label) % lower($2) order by similarity(lower(label), lower($2)) desc, id limit 5',
      values: [extract, q],
    });
    return rows.map((r) => r.id);
  }

  close(): Promise<void> { return this.client.end(); }
}
