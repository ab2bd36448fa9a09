import { describe, expect, it } from 'vitest';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { SpreadParts, wireOf } from './wire.js';

const delivered = (data: unknown): PublishedEvent => ({ id: 'e1', position: 7, type: 'directives.delivered', occurredAt: new Date(0).toISOString(), jurisdictionPath: 'li', data });
const targets = ['li.oberland.vaduz', 'li.unterland.eschen', 'li.oberland.schaan'].map((p) => ({ jurisdictionId: `j-${p}`, jurisdictionPath: p }));

describe('the stream’s bytes of an event', () => {
  it('makes an event’s bytes once, whatever the number of sockets, and they are its JSON', () => {
    const e = delivered({ directiveId: 'd', title: 'Flood', targets });
    const first = wireOf(e);
    expect(wireOf(e)).toBe(first);
    expect(JSON.parse(first.toString('utf8'))).toEqual(e);
    // Another object with the same content is serialized for itself (a cut-down view is a new object).
    expect(wireOf({ ...e })).not.toBe(first);
  });

  it('joins a spread event’s part from its envelope and targets serialized once: the bytes parse to the part', () => {
    const e = delivered({ directiveId: 'd', title: 'Flood "now" ✓', content: 'Line 1\nLine 2 — ü', targets, reportBy: '2026-12-08T00:00:00.000Z' });
    const spread = new SpreadParts(e, 'targets');
    for (const part of [[targets[0]], [targets[1], targets[2]], targets, []]) {
      const view = spread.part(part);
      expect(view.data).toEqual({ ...(e.data as object), targets: part });
      expect(JSON.parse(wireOf(view).toString('utf8'))).toEqual(view);
    }
  });

  it('serializes a part right when the event’s data has nothing but the targets', () => {
    const e = delivered({ targets });
    const view = new SpreadParts(e, 'targets').part([targets[2]]);
    expect(JSON.parse(wireOf(view).toString('utf8'))).toEqual({ ...e, data: { targets: [targets[2]] } });
  });
});
