import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cast, startTestApp, type TestApp } from '../../../test/harness.js';

const MARKET: [number, number] = [9.5215, 47.141]; // Vaduz
const info = [
  { language: 'en-US', event: 'Gas explosion', headline: 'Gas explosion at Vaduz market: keep away', description: 'Risk of further explosions.', instruction: 'Keep away from the market.', areaDesc: 'Vaduz market and 300 m around' },
  { language: 'zh-CN', event: '燃气爆炸', headline: '瓦杜兹市场燃气爆炸：请远离', description: '有再次爆炸的危险。', instruction: '远离市场。', areaDesc: '瓦杜兹市场及周边300米' },
];
const alertBody = { area: { cordon: 'outer' }, categories: ['Safety'], responseType: 'Avoid', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed', info };

/**
 * The public alert feeds are read without login by the public, the media and aggregators, and
 * cached publicly (max-age 60). Their links must not come from the request's Host or
 * X-Forwarded-Host: whoever sends `Host: evil.example` through a shared cache (or, behind a
 * trusted proxy that passes the client's X-Forwarded-Host on, any client) would otherwise hand every
 * reader a feed whose alerts link to the attacker's server, which then serves forged CAP messages.
 */
describe('public alert feeds: no link taken from the request host', () => {
  let t: TestApp;
  const cast = new Cast(() => t.app);
  let alertId = '';

  beforeAll(async () => {
    // A proxy trusted one hop away: X-Forwarded-Host is believed (as in production behind a balancer).
    t = await startTestApp({ config: { trustProxy: 1 } });
    for (const [name, role] of [['dispatcher', 'dispatcher'], ['duty', 'duty_officer'], ['duty2', 'duty_officer']] as const) await cast.add(name, role, 'li.oberland.vaduz');
    const ok = (...a: Parameters<Cast['ok']>) => cast.ok(...a);
    const m = await ok('dispatcher', 'POST', '/major-incidents', { location: MARKET, title: 'Market gas explosion', level: 'III' });
    await ok('duty', 'PUT', `/major-incidents/${m.id}/cordons/outer`, { radiusM: 300 });
    const draft = await ok('duty', 'POST', `/major-incidents/${m.id}/alerts`, alertBody);
    alertId = (await ok('duty2', 'POST', `/major-incidents/${m.id}/alert-drafts/${draft.id}/approve`)).id;
  }, 180_000);
  afterAll(async () => t?.close());

  const feed = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/public-alerts/feed.atom', headers });
  const hrefs = (xml: string) => [...xml.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  const feedId = (xml: string) => /<feed[^>]*>\s*<id>([^<]*)<\/id>/.exec(xml)?.[1];

  it.each([
    ['Host', { host: 'evil.example' }],
    ['X-Forwarded-Host', { host: 'alerts.vaduz.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }],
  ])('a feed asked with a forged %s names no other server', async (_name, headers) => {
    const res = await feed(headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(alertId);
    expect(res.body).not.toContain('evil.example');
    // Relative references, resolved by the reader against the address it fetched the feed from.
    const links = hrefs(res.body);
    expect(links).toContain('feed.atom');
    expect(links).toContain(`${alertId}.xml`);
    for (const href of links) expect(href).toMatch(/^[\w.-]+$/); // no scheme, host or path of the request
    expect(res.body).toContain(`src="${alertId}.xml"`);
  });

  it("the feed's id is the same whatever host it is asked through (an aggregator keys on it)", async () => {
    const a = feedId((await feed({ host: 'alerts.vaduz.example' })).body);
    const b = feedId((await feed({ host: 'evil.example' })).body);
    expect(a).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    const exercise = feedId((await t.app.inject({ method: 'GET', url: '/api/v1/public-alerts/exercise.atom' })).body);
    expect(exercise).toMatch(/^urn:uuid:/);
    expect(exercise).not.toBe(a);
  });
});
