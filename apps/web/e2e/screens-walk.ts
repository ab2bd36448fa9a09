import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { Role } from '@firebreak/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepResponseClocks } from '../../server/src/modules/incidents/index.js';
import { rows } from '../../server/src/platform/db/client.js';
import { TEST_ADMIN_PASSWORD } from '../../server/test/template.js';
import { chromiumPresent, docScreenshot, platformOf, shiftClock, startE2E, type E2E } from './harness.js';
import { axeFindings, focusFindings, goTo, limiter, navLinks, screenTexts, settle, switchLanguage } from './screens-checks.js';
import { describeFindings, rawFindings } from './screen-text.js';

/**
 * Issue 14 §3 and §6: every screen of every demo role, in English and Chinese, with the demo
 * world and one record of each kind (incident, place, task, directive, campaign, post, visit,
 * trace). On each screen, one pass collects
 * - raw text (`screen-text.ts`: paths, keys, enum values, wire timestamps; English words in zh-CN),
 * - axe-core's serious and critical violations (WCAG 2.1 A/AA: contrast, names, roles),
 * - keyboard: each element the Tab key reaches from the screen's start shows where focus is, and
 *   nothing that looks clickable (cursor: pointer) is out of the Tab order.
 * axe and the keyboard pass run once per screen, in the first pass that reaches it (they do not depend on
 * the language or the role); the raw-text check runs on every screen in each language.
 * One test per role, in one browser context signed in by the role's session cookie: the screens are found and
 * checked in English, then the header's language switch turns the app to Chinese in place and the same screens
 * are read again. A role's test fails once, at its end, listing every finding as
 * `[lang role] /route: rule «match» in "text" at where`.
 *
 * The screens are what the role is shown, not a list kept here: the header's links and the
 * "More" menu's, the links inside each screen that lead to other screens (tabs), plus the detail
 * pages of the seeded records the server lets the role open. A new screen is checked once it is
 * linked. Screenshots of each role's first screen: screens-<role>-<lang>.png, into docs/screenshots with
 * FIREBREAK_REFRESH_SCREENSHOTS=1 (harness.ts docScreenshot), otherwise into the gitignored apps/web/e2e/screenshots/docs.
 *
 * The roles are walked in two files of similar length (screens-walk-1/-2.e2e.test.ts; `npm run test:walk` runs
 * both): each has its own server and browser, so the run does not end on one long file. Each file seeds the
 * same records; axe and the keyboard pass run once per screen per file.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const VADUZ: [number, number] = [9.5215, 47.141];
/** axe-core's script, evaluated in the page (the app's CSP refuses an injected <script>, rightly). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The demo roles (identity/bootstrap.ts demoStaffPlan, plus the administrator) where the demo puts them. */
const WALKERS = [
  { name: 'dispatcher', role: 'dispatcher', path: 'li.oberland.vaduz' },
  { name: 'duty-municipal', role: 'duty_officer', path: 'li.oberland.vaduz' },
  { name: 'duty-regional', role: 'duty_officer', path: 'li.oberland' },
  { name: 'inspector', role: 'inspector', path: 'li.oberland.vaduz' },
  { name: 'commander', role: 'commander', path: 'li' },
  { name: 'auditor', role: 'auditor', path: 'li' },
  { name: 'administrator', role: 'administrator', path: 'li' },
] as const satisfies readonly { name: string; role: Role; path: string }[];
export type WalkerName = (typeof WALKERS)[number]['name'];

interface Account { username: string; password: string; cookie: string }
/** A detail screen: the web route, and the API read that says whether this role may open it. */
interface Detail { kind: string; route: string; probe: string }

export function describeScreensWalk(roles: readonly WalkerName[]): void {
  describe.skipIf(!chromiumPresent)(`every screen of ${roles.join(', ')}, in English and Chinese: nothing raw, accessible`, () => {
    let e: E2E;
    const accounts: Record<string, Account> = {};
    const details: Detail[] = [];
    /** Strings that are data, not UI: exempt from the rules (see screen-text.ts). */
    const data: string[] = [];

    beforeAll(async () => {
      e = await startE2E();
      // Every role's account, walked here or not: the records are seeded by the roles that make them.
      for (const w of WALKERS) {
        accounts[w.name] = w.role === 'administrator'
          ? { username: 'admin', password: TEST_ADMIN_PASSWORD, cookie: await e.adminCookie() }
          : await e.user(w.role, w.path);
      }
      await seedWorld();
      await collectData();
    }, 240_000);
    afterAll(async () => {
      if (e) shiftClock(e, 0);
      await e?.close();
    });

    const ok = async <T = { id: string }>(res: Promise<{ status: number; json: T }>, status = 201): Promise<T> => {
      const r = await res;
      expect(r.status, JSON.stringify(r.json)).toBe(status);
      return r.json;
    };

    /** One record of each kind, in Vaduz and its region, with a history (missed tiers, an overdue hazard, a reassignment). */
    async function seedWorld(): Promise<void> {
      const admin = await e.adminCookie();
      const c = accounts.commander!.cookie;
      type Node = { id: string; path: string; children: Node[] };
      const ids: Record<string, string> = {};
      const walk = (nodes: Node[]) => nodes.forEach((n) => { ids[n.path] = n.id; walk(n.children); });
      walk(await ok(e.api(admin, 'GET', '/jurisdictions') as Promise<{ status: number; json: Node[] }>, 200));
      const [school] = await rows<{ id: string; lon: number; lat: number }>(platformOf(e).db,
        sql`select id, st_x(location) as lon, st_y(location) as lat from places where jurisdiction_path = 'li.oberland.vaduz'::ltree and category = 'school' order by id limit 1`);
      expect(school, 'a school in Vaduz in the template').toBeDefined();
      const at: [number, number] = [Number(school!.lon), Number(school!.lat)];

      // History: a hazard raised 20 days ago (overdue since), an incident at the school 10 days ago whose tiers were all missed.
      shiftClock(e, -20 * DAY);
      const hazard = await ok(e.api(accounts.inspector!.cookie, 'POST', '/hazards', { placeId: school!.id, grade: 'general', title: 'Sprinkler valve closed' }));
      shiftClock(e, -10 * DAY);
      const past = await ok(e.api(c, 'POST', '/incidents', { type: 'campus_incident', priority: 'P2', location: at, address: 'School yard' }));
      shiftClock(e, -10 * DAY + HOUR);
      await sweepResponseClocks(platformOf(e).command);
      shiftClock(e, 0);

      // Now: a fire with a unit sent, then reassigned to a second incident (dispatch.unit_reassigned on the timeline).
      const d = accounts.dispatcher!.cookie;
      const fire = await ok(e.api(d, 'POST', '/incidents', { type: 'fire', priority: 'P1', location: VADUZ, address: 'Städtle 1' }));
      const other = await ok(e.api(d, 'POST', '/incidents', { type: 'traffic_accident', priority: 'P3', location: [VADUZ[0] + 0.003, VADUZ[1] - 0.002], address: 'Äulestrasse 5' }));
      const recs = await ok(e.api(d, 'GET', `/incidents/${fire.id}/recommendations?limit=5`) as Promise<{ status: number; json: { items: { unitId: string }[] } }>, 200);
      const [first, second] = recs.items;
      const sent = await ok(e.api(d, 'POST', `/incidents/${fire.id}/assignments`, { unitIds: [first!.unitId, second!.unitId] }, { 'idempotency-key': crypto.randomUUID() }) as Promise<{ status: number; json: { id: string }[] }>);
      await ok(e.api(d, 'POST', `/assignments/${sent[1]!.id}/reassign`, { incidentId: other.id }, { 'idempotency-key': crypto.randomUUID() }), 200);

      // Hierarchy work: a campaign, a directive from the region acknowledged by Vaduz, posts and a task tree with a report, a visit.
      const campaign = await ok(e.api(c, 'POST', '/campaigns', { title: 'School safety sweep', jurisdictionId: ids.li, categories: ['school', 'kindergarten'], startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + 30 * DAY).toISOString() }));
      const due = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
      const directive = await ok(e.api(accounts['duty-regional']!.cookie, 'POST', '/directives', {
        issuerJurisdictionId: ids['li.oberland'], title: 'Hydrant check before winter', content: 'Check every hydrant.', requiredActions: ['Check hydrants'],
        targetJurisdictionIds: [ids['li.oberland.vaduz'], ids['li.oberland.schaan']].filter(Boolean), acknowledgeBy: due(24), reportBy: due(96),
      }));
      await ok(e.api(accounts['duty-municipal']!.cookie, 'POST', `/directives/${directive.id}/targets/${ids['li.oberland.vaduz']}/acknowledgement`, { note: 'Received, on it.' }, { 'idempotency-key': crypto.randomUUID() }), 200);
      const post = await ok(e.api(c, 'POST', '/posts', { jurisdictionId: ids['li.oberland.vaduz'], kind: 'duty_post', title: 'Vaduz duty officer' }));
      await ok(e.api(c, 'POST', `/posts/${post.id}/handovers`, { userId: (await ok(e.api(accounts['duty-municipal']!.cookie, 'GET', '/auth/me'), 200)).id }), 200);
      const task = await ok(e.api(c, 'POST', '/tasks', { directiveId: directive.id, ownerPostId: post.id, title: 'Vaduz: all hydrants', dueAt: due(72) }));
      const sub = await ok(e.api(c, 'POST', '/tasks', { parentTaskId: task.id, ownerPostId: post.id, title: 'North hydrants', dueAt: due(48), weight: 1 }));
      await ok(e.api(accounts['duty-municipal']!.cookie, 'POST', `/tasks/${sub.id}/reports`, { percent: 50, note: 'Half of the north done' }));
      const visit = await ok(e.api(accounts.inspector!.cookie, 'POST', '/supervision/visits', {
        subjectType: 'place', subjectId: school!.id, summary: 'Walked the building with the head teacher.',
        findings: [{ description: 'The back fire exit is blocked.', correction: { grade: 'major', title: 'Clear the back fire exit' } }],
      }));

      // A major incident grown from the fire: its board (command structure, clocks, cordons, map) and its after-action report.
      const major = await ok(e.api(d, 'POST', '/major-incidents', { incidentId: fire.id, title: 'Städtle fire', level: 'IV' }));

      details.push(
        { kind: 'major incident', route: `/major-incidents/${major.id}`, probe: `/major-incidents/${major.id}` },
        { kind: 'after-action report', route: `/major-incidents/${major.id}/report`, probe: `/major-incidents/${major.id}/after-action` },
        { kind: 'incident', route: `/incidents/${fire.id}`, probe: `/incidents/${fire.id}` },
        { kind: 'closed-tier incident', route: `/incidents/${past.id}`, probe: `/incidents/${past.id}` },
        { kind: 'place', route: `/places/${school!.id}`, probe: `/places/${school!.id}` },
        { kind: 'campaign', route: `/campaigns/${campaign.id}`, probe: `/campaigns/${campaign.id}` },
        { kind: 'directive', route: `/directives/${directive.id}`, probe: `/directives/${directive.id}` },
        { kind: 'task', route: `/tasks/${task.id}`, probe: `/tasks/${task.id}` },
        { kind: 'post', route: `/posts/${post.id}`, probe: `/posts/${post.id}` },
        { kind: 'visit', route: `/supervision/${visit.id}`, probe: `/supervision/visits/${visit.id}` },
        { kind: 'trace', route: `/accountability?incidentId=${past.id}`, probe: `/accountability/trace?incidentId=${past.id}` },
        { kind: 'audit trail', route: `/accountability/audit/hazard/${hazard.id}`, probe: `/accountability/trace?incidentId=${past.id}` },
      );
      data.push('Städtle fire', 'Sprinkler valve closed', 'School yard', 'Städtle 1', 'Äulestrasse 5', 'School safety sweep', 'Hydrant check before winter', 'Check every hydrant.',
        'Check hydrants', 'Vaduz duty officer', 'Vaduz: all hydrants', 'North hydrants', 'Half of the north done', 'Walked the building with the head teacher.',
        'The back fire exit is blocked.', 'Clear the back fire exit', 'Received, on it.');
    }

    /**
     * Names that are data: jurisdictions, places, units, accounts (OSM and demo data, in the language they were given in).
     * Not the importer's names for places OSM left unnamed ("school (OSM way …)"): those are English, never data.
     */
    async function collectData(): Promise<void> {
      const admin = await e.adminCookie();
      const named = await rows<{ s: string }>(platformOf(e).db, sql`
        select name as s from jurisdictions union select name from places where name !~ '[(]OSM (node|way|relation) [0-9]+[)]$' union select coalesce(operator, '') from places
        union select call_sign from units union select username from users union select display_name from users`);
      data.push(...named.map((r) => r.s).filter(Boolean));
      // The name the test template's import ran under (a real deployment's imports run as an account or "system").
      data.push('test-setup');
      void admin;
    }

    /** Screens (route with ids as `:id`) axe and the keyboard pass have checked: once each, by the first walk to see it. */
    const deepChecked = new Set<string>();

    // Two roles at a time, each in its own context: a walk mostly waits for its page to settle, so two overlap on a
    // 2-core machine (more would only queue for the CPU, and the server in this process answers them one by one).
    const twoAtATime = limiter(2);
    const languages = (['en', 'zh-CN'] as const).filter((l) => !process.env.WALK_LANG || process.env.WALK_LANG === l);
    for (const walker of WALKERS.filter((w) => roles.includes(w.name) && (!process.env.WALK_ONLY || process.env.WALK_ONLY.split(',').includes(w.name)))) {
      it.concurrent(`${walker.name} in ${languages.join(' and ')}`, async ({ expect }) => {
        const findings = await twoAtATime(() => walkRole(walker));
        expect(findings, `\n${findings.join('\n')}\n`).toEqual([]);
      }, 900_000); // a role's every screen twice, and its wait for a turn: minutes on a loaded 2-core machine, not the e2e project's 2
    }

    /**
     * One browser context per role, signed in by its session cookie (the form is the login tests' job): the screens
     * are found and checked in the first language, then the language is switched in the header, as a user does it (no
     * reload), and the same screens are read again in the other, their data mostly from the query cache by then.
     */
    async function walkRole(walker: (typeof WALKERS)[number]): Promise<string[]> {
      const account = accounts[walker.name]!;
      const began = Date.now();
      const eq = account.cookie.indexOf('=');
      const context = await e.browser.newContext({
        viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Vaduz',
        storageState: {
          cookies: [{ name: account.cookie.slice(0, eq), value: account.cookie.slice(eq + 1), domain: new URL(e.base).hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Strict' }],
          origins: [{ origin: e.base, localStorage: [{ name: 'firebreak.language', value: languages[0]! }] }],
        },
      });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      const out: string[] = [];
      try {
        await page.goto(`${e.base}/`);
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
        await settle(page);
        const landing = new URL(page.url()).pathname;
        await page.evaluate(AXE);

        // Not /setup (More → "Stations, units and staff" for administrators): the first-run wizard was never part of
        // this walk (setup.e2e.test.ts walks it in both languages), and its column hints list the files' own
        // snake_case keys (call_sign, crew_size), which the raw-text rules flag even in <code> — left to decide.
        const queue: string[] = [landing, ...(await navLinks(page)).filter((l) => l !== '/setup'), '/account'];
        const me = (await e.api(account.cookie, 'GET', '/auth/me')).json as { permissions: string[] };
        if (me.permissions.includes('incidents:create')) queue.push('/incidents/new');
        for (const d of details) if ((await e.api(account.cookie, 'GET', d.probe)).status === 200) queue.push(d.route);
        const visited: string[] = [];
        for (const [n, language] of languages.entries()) {
          const label = `[${language} ${walker.name}]`;
          if (n > 0) await switchLanguage(page, language);
          // Back to the first screen for its screenshot (the record of each role's main screen in each language).
          if (n > 0) await goTo(page, landing);
          await settle(page);
          await docScreenshot(page, `screens-${walker.name}-${language}`);
          // The header once per role: it is the same on every screen and in every language, its links are the role's.
          if (n === 0) out.push(...describeFindings(`${label} header`, await focusFindings(page, 'header')));
          const routes = n === 0 ? queue : [...visited];
          while (routes.length > 0) {
            const route = routes.shift()!;
            if (n === 0 && (visited.includes(route) || visited.length >= 40)) continue;
            if (n === 0) visited.push(route);
            if (route !== landing || n === 0) {
              await goTo(page, route);
              await settle(page);
            }
            const screen = `${label} ${route}`;
            const t0 = Date.now();
            out.push(...describeFindings(screen, rawFindings(await screenTexts(page), language, data)));
            // axe and the keyboard pass judge structure, names, contrast and focus rings, not words: they are the same
            // whoever looks and in whichever language (the same components, the same theme), so each screen gets them once,
            // from the first walk that reaches it. Raw text is checked on every screen in every language.
            const pattern = route.replace(new RegExp(UUID.source, 'g'), ':id');
            if (!deepChecked.has(pattern)) {
              deepChecked.add(pattern);
              out.push(...(await axeFindings(page)).map((v) => `${screen}: axe ${v}`));
              out.push(...describeFindings(screen, await focusFindings(page, 'main')));
            }
            if (process.env.WALK_TIMES) console.log(screen, 'checked in', Date.now() - t0, 'ms; at', Date.now() - began, 'ms into the role');
            if (n > 0) continue;
            // Screens linked from this one (tabs, sub-screens), not records: records are the seeded details.
            for (const link of await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
              if (!UUID.test(link) && !visited.includes(link) && !link.startsWith('/api/')) routes.push(link);
            }
          }
        }
        out.push(...errors.map((m) => `[${walker.name}]: page error ${m}`));
      } finally {
        await context.close();
      }
      return out;
    }
  });
}
