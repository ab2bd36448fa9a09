import { Gauge, type Registry } from 'prom-client';
import type { Platform } from '../kernel.js';
import { rows } from '../db/client.js';
import { sql } from 'drizzle-orm';

/**
 * The figures an operator alerts on (docs/operations.md, ops/prometheus/firebreak-rules.yml),
 * read from the database at scrape time in one round of queries shared by every gauge. Labels are
 * bounded: link (3), priority (the contract's few), region (the jurisdictions two levels deep), tier (≤ 9).
 */
interface Ops {
  outboxBacklog: number;
  outboxOldestSeconds: number;
  auditUnchained: number;
  auditOldestUnchainedSeconds: number;
  avlFixesPerSecond: number;
  staleUnits: number;
  open: { priority: string; region: string; n: number }[];
  tierMisses: { tier: string; n: number }[];
  backupAgeSeconds: number | null;
}

async function readOps(p: Platform): Promise<Ops> {
  const [k] = await rows<{ backlog: number; oldest: number | null; unchained: number; unchained_oldest: number | null; fixes: number; stale: number; backup_age: number | null }>(p.db, sql`
    select
      (select count(*)::int from outbox where position is null) as backlog,
      (select extract(epoch from now() - min(occurred_at))::float8 from outbox where position is null) as oldest,
      (select count(*)::int from audit_log where seq is null) as unchained,
      (select extract(epoch from now() - min(at))::float8 from audit_log where seq is null) as unchained_oldest,
      (select count(*)::int from unit_track where at > now() - interval '60 seconds') as fixes,
      (select count(*)::int from units u where on_duty
         and exists (select 1 from unit_track t where t.unit_id = u.id and t.at > now() - interval '24 hours')
         and not exists (select 1 from unit_track t where t.unit_id = u.id and t.at > now() - make_interval(secs => ${p.config.avlStaleSeconds}))) as stale,
      (select extract(epoch from now() - max(made_at))::float8 from backup_runs) as backup_age`);
  const open = await rows<{ priority: string; region: string; n: number }>(p.db, sql`
    select priority, subpath(jurisdiction_path, 0, least(nlevel(jurisdiction_path), 2))::text as region, count(*)::int as n
    from incidents where state = 'open' and origin = 'live' group by 1, 2`);
  const tierMisses = await rows<{ tier: string; n: number }>(p.db, sql`
    select (t->>'tier') as tier, count(*)::int as n from incidents i, jsonb_array_elements(i.tiers) t
    where i.origin = 'live' and i.received_at > now() - interval '1 hour' and (t->>'missedAt') is not null group by 1`);
  return {
    outboxBacklog: k!.backlog,
    outboxOldestSeconds: k!.oldest ?? 0,
    auditUnchained: k!.unchained,
    auditOldestUnchainedSeconds: k!.unchained_oldest ?? 0,
    avlFixesPerSecond: k!.fixes / 60,
    staleUnits: k!.stale,
    open,
    tierMisses,
    backupAgeSeconds: k!.backup_age,
  };
}

export function registerOperatorMetrics(registry: Registry, p: Platform, streamSockets: () => number): void {
  // One read per scrape, whichever gauge asks first; a failed read leaves the gauges unset and
  // firebreak_link_up{link="database"} 0 says why.
  let pending: Promise<Ops | null> | null = null;
  const ops = (): Promise<Ops | null> => {
    pending ??= readOps(p).catch((err: unknown) => {
      p.log.warn({ err }, 'operator metrics: database read failed');
      return null;
    }).finally(() => setTimeout(() => { pending = null; }, 1000).unref());
    return pending;
  };
  const gauge = (name: string, help: string, set: (g: Gauge, o: Ops) => void, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry], async collect() {
      const o = await ops();
      this.reset();
      if (o) set(this, o);
    } });
  gauge('firebreak_outbox_backlog', 'Committed events the relay has not published yet', (g, o) => g.set(o.outboxBacklog));
  gauge('firebreak_outbox_oldest_age_seconds', 'Age of the oldest unpublished event (the relay lag; 0 when none wait)', (g, o) => g.set(o.outboxOldestSeconds));
  gauge('firebreak_audit_unchained_rows', 'Audit rows committed but not yet linked into the hash chain', (g, o) => g.set(o.auditUnchained));
  gauge('firebreak_audit_unchained_oldest_age_seconds', 'Age of the oldest audit row not yet chained (0 when none)', (g, o) => g.set(o.auditOldestUnchainedSeconds));
  gauge('firebreak_avl_fixes_per_second', 'Unit position fixes stored per second over the last minute', (g, o) => g.set(o.avlFixesPerSecond));
  gauge('firebreak_avl_stale_units', 'On-duty units that reported a position in the last day but none within AVL_STALE_SECONDS', (g, o) => g.set(o.staleUnits));
  gauge('firebreak_incidents_open', 'Open live incidents by priority and region (the jurisdiction two levels deep)', (g, o) => {
    for (const r of o.open) g.set({ priority: r.priority, region: r.region }, r.n);
  }, ['priority', 'region']);
  gauge('firebreak_response_tier_missed_last_hour', 'Response-clock tiers missed by live incidents received in the last hour, by tier', (g, o) => {
    for (const r of o.tierMisses) g.set({ tier: r.tier }, r.n);
  }, ['tier']);
  gauge('firebreak_backup_age_seconds', 'Seconds since the newest backup recorded by `firebreak backup` or the scheduled backups (absent: none yet)', (g, o) => {
    if (o.backupAgeSeconds !== null) g.set(o.backupAgeSeconds);
  });
  new Gauge({ name: 'firebreak_stream_sockets', help: 'Open event-stream WebSockets on this node', registers: [registry], collect() { this.set(streamSockets()); } });
  new Gauge({
    name: 'firebreak_link_up', help: 'Whether this node reaches the database, the event bus and the MQTT broker (1 up, 0 down; mqtt absent when not configured)', labelNames: ['link'], registers: [registry],
    async collect() {
      const [db, bus] = await Promise.all([p.database.ping(), p.bus.ping()]);
      this.reset();
      this.set({ link: 'database' }, db ? 1 : 0);
      this.set({ link: 'bus' }, bus ? 1 : 0);
      if (p.mqtt) this.set({ link: 'mqtt' }, p.mqtt.connected ? 1 : 0);
    },
  });
}
