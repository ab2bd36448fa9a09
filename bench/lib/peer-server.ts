// Child process of bench/command-path.ts: the fair peer of the command path. A hand-written
// Fastify + node-postgres handler doing the same work as POST /api/v1/jurisdictions (session
// lookup by token hash, scope check in code, one transaction with the state row, the audit row
// and the outbox row, JSON out) with no ORM, no schema validation, no cache, no relay or chainer.
import { createHash, randomUUID } from 'node:crypto';
import { ROLE_PERMISSIONS, type Role } from '@firebreak/contracts';
import Fastify from 'fastify';
import pg from 'pg';
import { recordedContent } from '../../apps/server/src/platform/audit/audit-log.js';
import { rowMac } from '../../apps/server/src/platform/audit/chain.js';
import { auditKeysFrom, parseSigningKey } from '../../apps/server/src/platform/audit/signing-key.js';

const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl || !process.send) throw new Error('peer-server runs as a forked child with BENCH_DATABASE_URL');
if (!process.env.BENCH_AUDIT_SIGNING_KEY) throw new Error('peer-server needs BENCH_AUDIT_SIGNING_KEY');
// The audit key of our servers: the peer's audit rows carry the MAC the chainer checks.
const { macKey } = auditKeysFrom(parseSigningKey(process.env.BENCH_AUDIT_SIGNING_KEY), 'bench');

// The same pool size as the application's (platform/db/client.ts).
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const app = Fastify({ logger: false });

function sessionCookie(header: string | undefined): string | null {
  const match = header?.match(/(?:^|;\s*)firebreak_session=([^;]+)/);
  return match ? decodeURIComponent(match[1]!) : null;
}

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

app.post('/api/v1/jurisdictions', async (request, reply) => {
  const secret = sessionCookie(request.headers.cookie);
  if (!secret) return reply.code(401).send({ code: 'AUTH_REQUIRED' });
  const tokenHash = createHash('sha256').update(secret).digest('hex');
  const { rows: grants } = await pool.query<{ user_id: string; username: string; role: Role | null; path: string | null }>(
    `select u.id as user_id, u.username, g.role, j.path::text as path
       from sessions s join users u on u.id = s.user_id
       left join grants g on g.user_id = u.id left join jurisdictions j on j.id = g.jurisdiction_id
      where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
    [tokenHash],
  );
  if (grants.length === 0) return reply.code(401).send({ code: 'AUTH_REQUIRED' });
  const body = request.body as { parentId?: unknown; name?: unknown; level?: unknown };
  if (typeof body.parentId !== 'string' || typeof body.name !== 'string' || typeof body.level !== 'string') {
    return reply.code(400).send({ code: 'VALIDATION_FAILED' });
  }
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows: [parent] } = await client.query<{ id: string; path: string }>('select id, path::text as path from jurisdictions where id = $1', [body.parentId]);
    const may = parent && grants.some((g) => g.role && g.path && ROLE_PERMISSIONS[g.role].includes('jurisdictions:manage') && within(parent.path, g.path));
    if (!parent || !may) {
      await client.query('rollback');
      return reply.code(403).send({ code: 'FORBIDDEN' });
    }
    const id = randomUUID();
    const path = `${parent.path}.${body.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
    const { rows: [created] } = await client.query(
      `insert into jurisdictions (id, parent_id, path, name, level) values ($1, $2, $3::ltree, $4, $5)
       returning id, parent_id as "parentId", path::text as path, name, names, level, osm_id as "osmId", code`,
      [id, parent.id, path, body.name, body.level],
    );
    const at = new Date(Date.now());
    const audit = {
      id: randomUUID(), at, actorId: grants[0]!.user_id, actorName: grants[0]!.username, action: 'jurisdictions.created',
      entityType: 'jurisdiction', entityId: id, jurisdictionPath: path, before: null, after: created as unknown, requestId: request.id,
    };
    const after = JSON.stringify(created);
    await client.query(
      `insert into audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, jurisdiction_path, after, request_id, mac)
       values ($1, $2, $3, $4, $5, $6, $7, $8::ltree, $9, $10, $11)`,
      [audit.id, at, audit.actorId, audit.actorName, audit.action, audit.entityType, id, path, after, audit.requestId, rowMac(macKey, recordedContent(audit))],
    );
    await client.query(
      `insert into outbox (id, type, occurred_at, jurisdiction_path, data) values ($1, 'jurisdictions.created', $2, $3::ltree, $4)`,
      [randomUUID(), at, path, after],
    );
    await client.query('commit');
    return reply.code(201).send(created);
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send({ port: typeof address === 'object' && address ? address.port : 0 });
let cpuMark = process.cpuUsage();
process.on('message', (m) => {
  if (m === 'close') void app.close().then(() => pool.end()).then(() => process.exit(0));
  if (m === 'cpu') {
    const used = process.cpuUsage(cpuMark);
    cpuMark = process.cpuUsage();
    process.send!({ cpuMs: (used.user + used.system) / 1000 });
  }
});
