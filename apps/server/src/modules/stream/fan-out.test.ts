import { describe, expect, it } from 'vitest';
import { InProcessBus, type PublishedEvent } from '../../platform/events/bus.js';
import { FanOut } from './fan-out.js';

const event = (path: string | null, n: number): PublishedEvent => ({ id: `e${n}`, position: n, type: 'x', occurredAt: new Date(0).toISOString(), jurisdictionPath: path, data: null });

describe('the stream fan-out', () => {
  it('hands an event only to sockets with a grant at its path or above, in publish order', async () => {
    const bus = new InProcessBus();
    const fan = new FanOut(bus);
    const got: Record<string, string[]> = { national: [], oberland: [], vaduz: [], both: [], eschen: [] };
    const listen = (name: string, roots: string[]) => fan.add({ roots, deliver: (e) => got[name]!.push(e.id) });
    listen('national', ['li']);
    listen('oberland', ['li.oberland']);
    const stopVaduz = listen('vaduz', ['li.oberland.vaduz']);
    listen('both', ['li.oberland', 'li.oberland.vaduz']);
    listen('eschen', ['li.unterland.eschen']);
    await bus.publish([event('li.oberland.vaduz.s1', 1), event('li.oberland.schaan', 2), event(null, 3), event('li', 4), event('li.oberland.vaduzer', 5)]);
    stopVaduz();
    await bus.publish([event('li.oberland.vaduz', 6)]);
    expect(got).toEqual({
      national: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'],
      oberland: ['e1', 'e2', 'e5', 'e6'],
      vaduz: ['e1'],
      // Covered twice: each socket drops duplicates by event id.
      both: ['e1', 'e1', 'e2', 'e5', 'e6', 'e6'],
      eschen: [],
    });
  });

  it('re-indexes a socket whose grants changed', async () => {
    const bus = new InProcessBus();
    const fan = new FanOut(bus);
    const got: string[] = [];
    const l = { roots: ['li.oberland'], deliver: (e: PublishedEvent) => got.push(e.id) };
    fan.add(l);
    const moved = fan.update(l, ['li.unterland']);
    await bus.publish([event('li.oberland', 1), event('li.unterland.eschen', 2)]);
    fan.update(moved, []);
    await bus.publish([event('li.unterland', 3)]);
    expect(got).toEqual(['e2']);
  });

  it('hands a spread event whole to sockets at its path or above, and to each socket below once with only the targets its roots cover', async () => {
    const bus = new InProcessBus();
    const fan = new FanOut(bus);
    const got: Record<string, string[][]> = { national: [], oberland: [], vaduz: [], both: [], eschen: [], balzers: [] };
    const listen = (name: string, roots: string[]) => fan.add({ roots, deliver: (e) => got[name]!.push((e.data as { targets: { jurisdictionPath: string }[] }).targets.map((t) => t.jurisdictionPath)) });
    listen('national', ['li']);
    listen('oberland', ['li.oberland']);
    listen('vaduz', ['li.oberland.vaduz']);
    listen('both', ['li.oberland.vaduz', 'li.oberland.vaduz.s1']);
    listen('eschen', ['li.unterland.eschen']);
    listen('balzers', ['li.oberland.balzers']);
    const targets = ['li.oberland.vaduz.s1', 'li.oberland.vaduz.s2', 'li.unterland.eschen', 'li.oberland.schaan'].map((p) => ({ jurisdictionId: `j-${p}`, jurisdictionPath: p }));
    await bus.publish([{ ...event('li', 1), type: 'directives.delivered', data: { directiveId: 'd', targets } }]);
    expect(got).toEqual({
      national: [targets.map((t) => t.jurisdictionPath)],
      oberland: [['li.oberland.vaduz.s1', 'li.oberland.vaduz.s2', 'li.oberland.schaan']],
      vaduz: [['li.oberland.vaduz.s1', 'li.oberland.vaduz.s2']],
      both: [['li.oberland.vaduz.s1', 'li.oberland.vaduz.s2']],
      eschen: [['li.unterland.eschen']],
      balzers: [],
    });
  });
});
