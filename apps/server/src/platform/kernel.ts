import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { CommandDeps } from './command.js';
import { openDatabase, type Database, type Db } from './db/client.js';
import { migrate } from './db/migrate.js';
import { InProcessBus, type EventBus } from './events/bus.js';
import { NatsBus } from './events/nats-bus.js';
import { OutboxRelay } from './events/relay.js';

/** The shared kernel every module is given: database, bus, relay, clock and command dependencies. */
export interface Platform {
  config: Config;
  database: Database;
  db: Db;
  bus: EventBus;
  relay: OutboxRelay;
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
  const relay = new OutboxRelay(database.db, bus, log, config.outboxPollMs);
  const clock = opts.clock ?? (() => new Date());
  relay.start();
  return {
    config,
    database,
    db: database.db,
    bus,
    relay,
    clock,
    command: { db: database.db, clock, onCommitted: () => relay.kick() },
    log,
    async close() {
      await relay.stop();
      await bus.close();
      await database.close();
    },
  };
}
