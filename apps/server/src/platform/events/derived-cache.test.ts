import { describe, expect, it } from 'vitest';
import { InProcessBus, type PublishedEvent } from './bus.js';
import { EventDroppedCache } from './derived-cache.js';

const event = (type: string): PublishedEvent => ({ id: type, position: 1, type, occurredAt: '2026-12-06T00:00:00Z', jurisdictionPath: null, data: {} });

describe('EventDroppedCache', () => {
  it('builds once, is dropped by a matching event only, and retries after a failed build', async () => {
    let builds = 0;
    let fail = false;
    const cache = new EventDroppedCache(async () => {
      builds += 1;
      if (fail) throw new Error('no database');
      return builds;
    }, ['jurisdictions.']);
    const bus = new InProcessBus();
    cache.attach(bus);

    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    await bus.publish([event('incidents.created')]);
    expect(await cache.get()).toBe(1);
    await bus.publish([event('jurisdictions.boundary_changed')]);
    expect(await cache.get()).toBe(2);

    fail = true;
    await bus.publish([event('jurisdictions.created')]);
    await expect(cache.get()).rejects.toThrow('no database');
    fail = false;
    expect(await cache.get()).toBe(4);
  });
});
