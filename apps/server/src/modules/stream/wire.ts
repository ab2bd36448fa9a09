import type { PublishedEvent } from '../../platform/events/bus.js';

/**
 * The bytes of an event as the stream sends it (its JSON, UTF-8), made once per event object
 * however many sockets it goes to: the fan-out hands every socket covering an event the same
 * object, and the visibility rule returns it unchanged when the socket may see all of it. A
 * national directive's delivery to 3,000 sockets was 3,000 `JSON.stringify` of the same envelope
 * and 3,000 UTF-8 encodings before (docs/benchmarks.md, "Directives: what dominates").
 */
const made = new WeakMap<PublishedEvent, Buffer>();

export function wireOf(e: PublishedEvent): Buffer {
  let bytes = made.get(e);
  if (bytes === undefined) made.set(e, (bytes = Buffer.from(JSON.stringify(e))));
  return bytes;
}

/**
 * Parts of a spread event (`spreadFieldOf`: one directive, its targets in `data[field]`) as the
 * fan-out makes them, one per socket below the event's path with only the targets it covers: the
 * envelope is serialized once and each target once, and a part's bytes are those pieces joined.
 * `JSON.parse` of a part's bytes equals the part (the field comes last in `data`).
 */
export class SpreadParts {
  private readonly head: string;
  private readonly texts = new Map<unknown, string>();

  constructor(private readonly event: PublishedEvent, private readonly field: string) {
    const { [field]: _targets, ...rest } = (event.data ?? {}) as Record<string, unknown>;
    const { data: _data, ...envelope } = event;
    // `{…envelope,"data":{…rest` then `,"<field>":[` (no comma when rest is empty): data is the last key, the field last in it.
    const open = JSON.stringify({ ...envelope, data: rest });
    this.head = `${open.slice(0, -2)}${Object.keys(rest).length > 0 ? ',' : ''}${JSON.stringify(field)}:[`;
  }

  /** The part with these targets (each one of the event's own target objects), its bytes already made. */
  part(targets: unknown[]): PublishedEvent {
    const e: PublishedEvent = { ...this.event, data: { ...(this.event.data as Record<string, unknown>), [this.field]: targets } };
    let body = this.head;
    targets.forEach((t, i) => {
      let text = this.texts.get(t);
      if (text === undefined) this.texts.set(t, (text = JSON.stringify(t)));
      body += i === 0 ? text : `,${text}`;
    });
    made.set(e, Buffer.from(`${body}]}}`));
    return e;
  }
}
