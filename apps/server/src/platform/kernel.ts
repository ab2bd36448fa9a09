import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { CommandDeps } from './command.js';
import { openDatabase, type Database, type Db } from './db/client.js';
import { migrate } from './db/migrate.js';
import { InProcessBus, type EventBus } from './events/bus.js';
import type { NewEvent } from './events/outbox.js';
import { NatsBus } from './events/nats-bus.js';
import { deploymentKey } from './events/deployment-key.js';
import { auditChainer } from './audit/chainer.js';
import { auditKeysFrom, dataDirSigningKey, type AuditKeys } from './audit/signing-key.js';
import { ensureAppRole } from './db/roles.js';
import { outboxRelay } from './events/relay.js';
import type { RepeatingPass } from './jobs/repeating-pass.js';
import { openMqttLink, type MqttLink } from './mqtt/link.js';

/** The shared kernel every module is given: database, bus, relay, clock and command dependencies. */
export interface Platform {
  config: Config;
  database: Database;
  db: Db;
  bus: EventBus;
  /** Publishes committed outbox events to the bus. */
  relay: RepeatingPass;
  /** Links committed audit rows into the hash chain. */
  auditChainer: RepeatingPass;
  /** Signs audit checkpoints and keys the audit rows' MACs; never stored in the database. */
  auditKeys: AuditKeys;
  clock: () => Date;
  /** The connection to the MQTT broker when `MQTT_URL` is set (connects in the background). */
  mqtt: MqttLink | null;
  command: CommandDeps;
  /**
   * Events of commands committed on this node, handed over right after the commit (before the
   * relay publishes them, without id or position). For in-memory views that must show a node's
   * own writes at once; the bus still delivers every event, so views dedupe (e.g. by version).
   */
  onLocalCommit(handler: (events: readonly NewEvent[]) => void): () => void;
  log: Logger;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** An already open database (tests pass a clone of a prepared template). */
  database?: Database;
  clock?: () => Date;
  onProgress?: (message: string) => void;
}

export async function startPlatform(config: Config, log: Logger, opts: PlatformOptions = {}): Promise<Platform> {
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, onProgress: opts.onProgress }));
  await migrate(database, config.databaseOwnerUrl ?? config.databaseUrl);
  if (database.kind === 'postgres') await ensureAppRole(database, config, log);
  const auditKeys = config.audit.signingKey ? auditKeysFrom(config.audit.signingKey, 'AUDIT_SIGNING_KEY') : dataDirSigningKey(config.dataDir);
  if (!config.audit.signingKey) {
    log.warn({ keyId: auditKeys.keyId }, `audit key: ${auditKeys.source}. Whoever can read that folder can sign audit checkpoints${database.kind === 'postgres' ? '; every node must use the same key' : ''}`);
  }
  const bus: EventBus = config.natsUrl
    ? await NatsBus.connect(config.natsUrl, `firebreak-${config.nodeName}`, await deploymentKey(database.db), log)
    : new InProcessBus();
  const relay = outboxRelay(database.db, bus, log, config.outboxPollMs);
  const chainer = auditChainer(database.db, auditKeys.macKey, log, config.outboxPollMs);
  const clock = opts.clock ?? (() => new Date());
  const localHandlers = new Set<(events: readonly NewEvent[]) => void>();
  const mqtt = config.mqttUrl ? openMqttLink(config.mqttUrl, `firebreak-${config.nodeName}-${process.pid}-${Date.now()}-out`, log) : null;
  relay.start();
  chainer.start();
  return {
    config,
    database,
    db: database.db,
    bus,
    relay,
    auditChainer: chainer,
    auditKeys,
    clock,
    mqtt,
    command: {
      db: database.db,
      clock,
      auditMacKey: auditKeys.macKey,
      onCommitted: (events) => {
        // The chainer after the relay's pass, not beside it: the relay's pass is what the stream's clients wait for,
        // and the chainer's (each new audit row read back, its canonical JSON made and hashed: 0.23 MB for a national
        // directive's) would share the event loop and the pool with it (docs/benchmarks.md, "Directives: what dominates").
        relay.kick(() => chainer.kick());
        if (events.length === 0) return;
        for (const handler of localHandlers) {
          try {
            handler(events);
          } catch (err) {
            log.error({ err }, 'a local-commit handler failed');
          }
        }
      },
    },
    onLocalCommit(handler) {
      localHandlers.add(handler);
      return () => localHandlers.delete(handler);
    },
    log,
    async close() {
      await relay.stop();
      await chainer.stop();
      await mqtt?.close();
      await bus.close();
      await database.close();
    },
  };
}
