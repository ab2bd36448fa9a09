import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jurisdictionByPath, loginAdmin, startTestApp, type TestApp } from '../../../test/harness.js';
import { CONTENT_SECURITY_POLICY } from './html.js';

/** Every HTML page the server sends carries the one Content-Security-Policy (html.ts). */
describe('Content-Security-Policy of HTML pages', () => {
  let t: TestApp;
  let cookie: string;
  /** Each HTML endpoint of the API, with a request that renders it. */
  const pages = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    cookie = await loginAdmin(t.app);
    const li = await jurisdictionByPath(t.app, 'li');
    const now = Date.now();
    const send = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { cookie }, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string };
    };
    const campaign = await send('/campaigns', { title: 'CSP check', jurisdictionId: li.id, categories: ['school'], startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 86_400_000).toISOString() });
    const incident = await send('/incidents', { type: 'fire', priority: 'P1', location: [9.5215, 47.141] });
    pages.set('/api/v1/campaigns/{id}/report.html', `/api/v1/campaigns/${campaign.id}/report.html`);
    pages.set('/api/v1/hazards/report.html', `/api/v1/hazards/report.html?jurisdictionId=${li.id}&from=${new Date(now - 86_400_000).toISOString()}&to=${new Date(now).toISOString()}`);
    pages.set('/api/v1/accountability/trace.html', `/api/v1/accountability/trace.html?incidentId=${incident.id}`);
  }, 60_000);
  afterAll(async () => t?.close());

  it('is sent with every HTML endpoint the API documents', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    const documented = Object.keys(doc.paths).filter((p) => p.endsWith('.html'));
    // A new HTML endpoint must be added here, so that its policy is checked too.
    expect(documented.sort()).toEqual([...pages.keys()].sort());
    for (const url of pages.values()) {
      const res = await t.app.inject({ url, headers: { cookie } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-security-policy'], url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('is sent with the API docs page', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline script and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
