import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { CommandDeps } from './command.js';
import { openDatabase, type Database, type Db } from './db/client.js';
import { migrate } from './db/migrate.js';
import { InProcessBus, type EventBus } from './events/bus.js';
import { NatsBus } from './events/nats-bus.js';
import { auditChainer } from './audit/chainer.js';
import { outboxRelay } from './events/relay.js';
import type { RepeatingPass } from './jobs/repeating-pass.js';

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
  clock: () => Date;
  command: CommandDeps;
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
  await migrate(database, config.databaseUrl);
  const bus: EventBus = config.natsUrl ? await NatsBus.connect(config.natsUrl, `firebreak-${config.nodeName}`, log) : new InProcessBus();
  const relay = outboxRelay(database.db, bus, log, config.outboxPollMs);
  const chainer = auditChainer(database.db, log, config.outboxPollMs);
  const clock = opts.clock ?? (() => new Date());
  relay.start();
  chainer.start();
  return {
    config,
    database,
    db: database.db,
    bus,
    relay,
    auditChainer: chainer,
    clock,
    command: {
      db: database.db,
      clock,
      onCommitted: () => {
        relay.kick();
        chainer.kick();
      },
    },
    log,
    async close() {
      await relay.stop();
      await chainer.stop();
      await bus.close();
      await database.close();
    },
  };
}
