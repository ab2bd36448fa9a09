import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/access.js';
import type { PublishedEvent } from '../../platform/events/bus.js';
import { viewFor } from './visibility.js';

const actor = (role: 'duty_officer', ...paths: string[]): Actor => ({
  id: 'u', username: 'u', displayName: 'U', kind: 'staff', via: { kind: 'system' },
  grants: paths.map((path, i) => ({ id: `g${i}`, role, jurisdictionId: `j${i}`, path, jurisdictionName: path })),
});
const target = (path: string) => ({ jurisdictionId: `j-${path}`, jurisdictionPath: path });
const delivered: PublishedEvent = {
  id: 'e1', position: 1, type: 'directives.delivered', occurredAt: new Date(0).toISOString(), jurisdictionPath: 'li.oberland',
  data: { directiveId: 'd', title: 'Flood readiness', targets: [target('li.oberland.schaan'), target('li.oberland.vaduz'), target('li.oberland.vaduz.s1')] },
};
const paths = (e: PublishedEvent | null) => (e?.data as { targets: { jurisdictionPath: string }[] } | undefined)?.targets.map((t) => t.jurisdictionPath);

describe('viewFor: an event spread over its targets', () => {
  it('gives a reader below the event the targets it may see, and the rest of the event as it is', () => {
    const view = viewFor(actor('duty_officer', 'li.oberland.vaduz'), delivered, () => undefined);
    expect(paths(view)).toEqual(['li.oberland.vaduz', 'li.oberland.vaduz.s1']);
    expect(view).toMatchObject({ id: 'e1', jurisdictionPath: 'li.oberland', data: { directiveId: 'd', title: 'Flood readiness' } });
    expect(paths(viewFor(actor('duty_officer', 'li.oberland.schaan', 'li.oberland.vaduz.s1'), delivered, () => undefined))).toEqual(['li.oberland.schaan', 'li.oberland.vaduz.s1']);
  });

  it('gives the whole event at or above its path, and nothing to a reader of none of the targets', () => {
    expect(viewFor(actor('duty_officer', 'li'), delivered, () => undefined)).toBe(delivered);
    expect(viewFor(actor('duty_officer', 'li.unterland'), delivered, () => undefined)).toBeNull();
    expect(viewFor(actor('duty_officer', 'li.oberland.vaduzer'), delivered, () => undefined)).toBeNull();
  });

  it('gives nothing of a spread event whose targets are missing or malformed', () => {
    const broken = { ...delivered, data: { directiveId: 'd', targets: [{ jurisdictionPath: 7 }] } };
    expect(viewFor(actor('duty_officer', 'li.oberland.vaduz'), broken, () => undefined)).toBeNull();
    expect(viewFor(actor('duty_officer', 'li.oberland.vaduz'), { ...delivered, data: null }, () => undefined)).toBeNull();
  });
});
