/**
 * Loads a road graph's edges into PostgreSQL for pgRouting, exactly as packages/roadgraph sees
 * them: table `edges(id, source, target, cost, reverse_cost)`, costs in integer milliseconds,
 * -1 for a barred direction. The comparison tests (packages/roadgraph/src/pgrouting.int.test.ts)
 * and the benchmarks use the same loader on a scratch database of their own.
 *
 *   node --import tsx scripts/pgrouting/load-edges.ts data/osm/baltimore.osm.pbf postgres://postgres@127.0.0.1:5432/mydb
 *
 * The target database needs `CREATE EXTENSION pgrouting` to query the table with pgr_* functions.
 */
import pg from 'pg';
import { importOsm } from '../../packages/roadgraph/src/index.js';
import { loadEdges } from '../../packages/roadgraph/src/testing/pgrouting.js';

const [file, url] = process.argv.slice(2);
if (!file || !url) {
  console.error('usage: load-edges.ts <file.osm.pbf> <postgres url>');
  process.exit(2);
}
const data = await importOsm(file, { progressBar: true });
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  await client.query('DROP TABLE IF EXISTS edges');
  await loadEdges(client, data);
  console.log(`loaded ${data.edgeSource.length} edges between ${data.nodeLon.length} nodes into ${url} (table edges)`);
} finally {
  await client.end();
}
