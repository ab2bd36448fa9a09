import type { EventType } from '@firebreak/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../db/client.js';
import { outbox } from '../db/platform.tables.js';

export interface NewEvent {
  type: EventType;
  jurisdictionPath: string | null;
  data: unknown;
}

/** Writes events into the outbox inside the command's transaction. */
export async function writeOutbox(tx: Tx, events: NewEvent[], now: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outbox).values(
    events.map((e) => ({
      id: uuidv7(),
      type: e.type,
      occurredAt: now,
      jurisdictionPath: e.jurisdictionPath,
      data: e.data ?? null,
    })),
  );
}
