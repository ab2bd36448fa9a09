// Child process of bench/directives/run.ts: the two limits, on the same sockets.
// - The bare fan-out: a WebSocket server (ws, no auth, no database, no filtering) that, when told, sends one message
//   of the given bytes to every client.
// - The fair peer (BENCH_PEER_DATABASE_URL): a hand-written node:http + node-postgres handler doing the directive's durable
//   work on tables of the same shape (`create table … (like … including all)`: the same columns and indexes, no triggers),
//   then the same fan-out with each client's own bytes: `POST /directives` with the product's request body, JSON.parse
//   (no schema validation), one transaction (the issuer read; the directive row; the 3,000 targets in one
//   `insert … select` joined to jurisdictions under the issuer; the audit row naming every target, canonical JSON and
//   HMAC, with the issue and delivery events in one statement; COMMIT), the 201, then each client (which says its
//   station's path when it connects, the stand-in for a session's grants) gets the delivery with its own target.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { WebSocketServer, type WebSocket } from 'ws';
// The same RFC 8785 canonical form the node MACs (a library function: the peer's work, not the node's code path).
import { canonicalJson } from '../../apps/server/src/platform/audit/canonical-json.js';

if (!process.send) throw new Error('bare-ws-server runs as a forked child');
const http = createServer((req, res) => {
  void handle(req).then(
    (body) => res.writeHead(201, { 'content-type': 'application/json' }).end(body.json, () => fanOut(body.parts)),
    (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err)),
  );
});
const server = new WebSocketServer({ server: http });
const clients = new Set<WebSocket>();
const byStation = new Map<string, WebSocket[]>();
server.on('connection', (socket, req) => {
  clients.add(socket);
  const station = req.headers['x-station'];
  if (typeof station === 'string') byStation.set(station, [...(byStation.get(station) ?? []), socket]);
  socket.on('close', () => clients.delete(socket));
});

const peerUrl = process.env.BENCH_PEER_DATABASE_URL;
const pool = peerUrl ? new pg.Pool({ connectionString: peerUrl, max: 2 }) : undefined;
const macKey = randomBytes(32);
// The peer's own tables: the product's shape (columns, defaults, indexes), no foreign keys or triggers.
if (pool) {
  for (const t of ['directives', 'directive_targets', 'audit_log', 'outbox']) await pool.query(`create table if not exists peer_${t} (like ${t} including all)`);
}
// The product's SQL-made UUIDv7 (apps/server/src/platform/db/uuid-v7.ts): time-ordered keys, as the node's.
const UUID_V7 = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;
/** The peer's transaction, begin to commit answered, and its statements (for the report). */
let peerTx: { txMs: number; steps: number[] } | null = null;

interface Body { issuerJurisdictionId: string; title: string; content: string; requiredActions: string[]; targetJurisdictionIds: string[]; acknowledgeBy: string; reportBy: string }
type Target = { jurisdictionId: string; jurisdictionPath: string };

async function handle(req: IncomingMessage): Promise<{ json: string; parts: [string, string][] }> {
  if (!pool) throw new Error('no peer database');
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const input = JSON.parse(Buffer.concat(chunks).toString()) as Body;
  const client = await pool.connect();
  const steps: number[] = [];
  const step = async <R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R[]> => {
    const s = performance.now();
    const r = await client.query<R>(text, values);
    steps.push(performance.now() - s);
    return r.rows;
  };
  const start = performance.now();
  try {
    await client.query('begin');
    const [issuer] = await step<{ id: string; path: string }>('select id, path::text as path from jurisdictions where id = $1', [input.issuerJurisdictionId]);
    if (!issuer) throw new Error('no such issuer');
    const id = uuidv7();
    const now = new Date().toISOString();
    await step(`insert into peer_directives (id, issuer_jurisdiction_id, issuer_path, title, content, required_actions, ack_due_at, report_due_at, issued_at)
      values ($1, $2, $3::ltree, $4, $5, $6::jsonb, $7, $8, $9)`, [id, issuer.id, issuer.path, input.title, input.content, JSON.stringify(input.requiredActions), input.acknowledgeBy, input.reportBy, now]);
    const targets = await step<Target>(`insert into peer_directive_targets (id, directive_id, jurisdiction_id, jurisdiction_path, state, delivered_at)
      select ${UUID_V7}, $1, j.id, j.path, 'delivered', $2 from unnest($3::uuid[]) as u(jid)
      join jurisdictions j on j.id = u.jid and j.path <@ $4::ltree and j.path <> $4::ltree
      returning jurisdiction_id as "jurisdictionId", jurisdiction_path::text as "jurisdictionPath"`, [id, now, input.targetJurisdictionIds, issuer.path]);
    if (targets.length !== input.targetJurisdictionIds.length) throw new Error('a target is not under the issuer');
    targets.sort((a, b) => (a.jurisdictionPath < b.jurisdictionPath ? -1 : a.jurisdictionPath > b.jurisdictionPath ? 1 : 0));
    const summary = { id, issuerJurisdictionId: issuer.id, issuerPath: issuer.path, title: input.title, content: input.content, requiredActions: input.requiredActions, acknowledgeBy: input.acknowledgeBy, reportBy: input.reportBy, issuedAt: now };
    const after = { ...summary, targets };
    const mac = createHmac('sha256', macKey).update(canonicalJson(after)).digest('hex');
    const delivery = { directiveId: id, title: input.title, content: input.content, requiredActions: input.requiredActions, issuerPath: issuer.path, acknowledgeBy: input.acknowledgeBy, reportBy: input.reportBy };
    const events = [{ id: uuidv7(), type: 'directives.issued', data: { ...summary, targetCount: targets.length } }];
    for (let i = 0; i < targets.length; i += 2000) events.push({ id: uuidv7(), type: 'directives.delivered', data: { ...delivery, targets: targets.slice(i, i + 2000) } as never });
    await step(`with e as (insert into peer_outbox (id, type, occurred_at, jurisdiction_path, data)
        select (x->>'id')::uuid, x->>'type', $1, $2::ltree, x->'data' from jsonb_array_elements($3::jsonb) x)
      insert into peer_audit_log (id, at, action, entity_type, entity_id, jurisdiction_path, after, mac) values ($4, $1, 'directives.issued', 'directive', $5, $2::ltree, $6::jsonb, $7)`,
    [now, issuer.path, JSON.stringify(events), uuidv7(), id, JSON.stringify(after), mac]);
    const s = performance.now();
    await client.query('commit');
    steps.push(performance.now() - s);
    peerTx = { txMs: performance.now() - start, steps };
    // Each station's client its own target: the envelope once, each target once, joined (what the node's wire.ts does).
    const envelope = JSON.stringify({ id: events[1]?.id, type: 'directives.delivered', occurredAt: now, jurisdictionPath: issuer.path, data: delivery });
    const head = `${envelope.slice(0, -2)},"targets":[`;
    return { json: JSON.stringify({ ...summary, targetCount: targets.length }), parts: targets.map((t) => [t.jurisdictionPath, `${head}${JSON.stringify(t)}]}}`]) };
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    client.release();
  }
}

function fanOut(parts: [string, string][]): void {
  for (const [path, bytes] of parts) for (const c of byStation.get(path) ?? []) c.send(bytes);
}

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
let cpuMark = process.cpuUsage();
process.on('message', (m: { send?: string; close?: boolean; cpu?: boolean }) => {
  if (m.send !== undefined) for (const c of clients) c.send(m.send);
  if (m.cpu) {
    // CPU time of this process (user + system) since the previous question, and the peer's latest transaction.
    const used = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    process.send!({ cpuMs: (used.user + used.system) / 1000, peerTx });
    peerTx = null;
  }
  if (m.close) {
    void pool?.end();
    server.close(() => http.close(() => process.exit(0)));
  }
});
