import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en.json';
import enScreens from '../../i18n/locales/en.screens.json';
import zh from '../../i18n/locales/zh-CN.json';
import { ALERT_KINDS, type Alert, type AlertKind } from './alert-of';
import { jurisdictionNamer } from '../../api/jurisdiction-names';
import { describeAlert } from './describe';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: { ...en, ...enScreens } }, 'zh-CN': { translation: zh } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
});

/** One alert of each kind with every parameter alertOf gives it. */
const SAMPLES: Record<AlertKind, Alert['params']> = {
  incidentEscalated: { priority: 'P1', type: 'fire', tier: 1, label: 'nearest on-duty force responded', requirement: 'responded', units: 1, place: 'li.oberland.vaduz', to: 'li.oberland', due: '2026-11-29T06:59:00.000Z' },
  unitLent: { callSign: 'VAD-1', to: 'li.oberland.schaan', priority: 'P2', type: 'traffic_accident', by: 'Schaan dispatch' },
  directiveDelivered: { title: 'Check the flood barriers', place: 'li.oberland.vaduz', from: 'li', due: '2026-11-30T12:00:00.000Z' },
  directiveEscalated: { place: 'li.oberland.vaduz', to: 'li.oberland', missed: 'acknowledgement' },
  taskEscalated: { title: 'Inspect the barriers', place: 'li.oberland.vaduz', to: 'li.oberland', due: '2026-11-29T06:00:00.000Z', percent: 40 },
  hazardEscalated: { place: 'li.oberland.vaduz', to: 'li.oberland', level: 1, due: '2026-11-20T00:00:00.000Z' },
  assignmentsMissed: { count: 3, place: 'li.oberland' },
  reinforcementAsked: { count: 2, what: 'fire_engine', priority: 'P1', type: 'fire', place: 'li.oberland.vaduz', by: 'Vaduz dispatch' },
  reinforcementGranted: { place: 'li.oberland.vaduz', units: 'Florian Schaan TLF', granted: 1, count: 2 },
  majorEscalated: { title: 'Market hall gas explosion', level: 'III', clock: 'sitrep', place: 'li.oberland.vaduz', to: 'li.oberland', due: '2026-11-29T06:30:00.000Z' },
  transportAlert: { what: 'left_corridor', vehicle: 'FL 1234', item: 'Diesel fuel', place: 'li.oberland', zone: '', minutes: 0 },
};
const alert = (kind: AlertKind, over: Partial<Alert> = {}): Alert => ({
  id: `e-${kind}`, kind, severity: 'warning', at: '2026-11-29T07:00:00.000Z', simulated: false, link: '/', params: SAMPLES[kind], ...over,
});
const tree = [{ id: 'li', path: 'li', name: 'Liechtenstein', names: {}, children: [{ id: 'o', path: 'li.oberland', name: 'Oberland', names: {}, children: [
  { id: 'v', path: 'li.oberland.vaduz', name: 'Vaduz', names: {}, children: [] }, { id: 's', path: 'li.oberland.schaan', name: 'Schaan', names: {}, children: [] },
] }] }] as unknown as Parameters<typeof jurisdictionNamer>[0];
const namesFrom = (t: Parameters<typeof jurisdictionNamer>[0], lang = 'en') => jurisdictionNamer(t, lang, i18n.t);

describe('describeAlert', () => {
  it.each(['en', 'zh-CN'])('has a title and a text for every kind in %s, with no placeholder left unfilled', async (lang) => {
    await i18n.changeLanguage(lang);
    const kinds = [...ALERT_KINDS.map((k) => alert(k)), alert('directiveEscalated', { params: { ...SAMPLES.directiveEscalated, missed: 'report' } }),
      ...['first_report', 'written_report'].map((clock) => alert('majorEscalated', { params: { ...SAMPLES.majorEscalated, clock } })),
      ...['rejoined_corridor', 'entered_zone', 'stopped', 'dark', 'arrived'].map((what) => alert('transportAlert', { params: { ...SAMPLES.transportAlert, what, zone: 'Primarschule Vaduz', minutes: 12 } }))];
    for (const a of kinds) {
      const words = describeAlert(a, i18n.t, lang, namesFrom(tree, lang));
      for (const text of [words.title, words.text, words.severity]) {
        expect(text, `${a.kind} in ${lang}`).not.toMatch(/{{|alerts\.|undefined/);
        expect(text.trim()).not.toBe('');
      }
    }
  });

  it("names the major incident, the clock it missed and where, in the jurisdiction's name", async () => {
    await i18n.changeLanguage('en');
    const words = describeAlert(alert('majorEscalated', { severity: 'critical' }), i18n.t, 'en', namesFrom(tree));
    expect(words.title).toBe('Major incident in Vaduz: SITREP missed');
    expect(words.text).toContain('Market hall gas explosion');
    expect(words.text).toContain('Oberland');
    expect(words.text).not.toContain('li.oberland');
  });

  it('names the incident, its tier and where it is, in the jurisdiction\'s name', async () => {
    await i18n.changeLanguage('en');
    const words = describeAlert(alert('incidentEscalated', { severity: 'critical' }), i18n.t, 'en', namesFrom(tree));
    expect(words.title).toBe('P1 Fire in Vaduz: tier 1 missed');
    expect(words.text).toContain('(first unit responded)');
    expect(words.text).toContain('Escalated to Oberland');
    expect(words.severity).toBe('Critical');
  });

  it("words the missed tier's goal in the reader's language, not the deployment's English label; an older alert without it keeps the label", async () => {
    await i18n.changeLanguage('zh-CN');
    const words = describeAlert(alert('incidentEscalated', { params: { ...SAMPLES.incidentEscalated, tier: 3, requirement: 'on_scene', units: 2 } }), i18n.t, 'zh-CN', namesFrom(tree, 'zh-CN'));
    expect(words.text).toContain('2 支力量到场');
    expect(words.text).not.toContain('nearest');
    const { requirement: _r, units: _u, ...older } = SAMPLES.incidentEscalated;
    expect(describeAlert(alert('incidentEscalated', { params: older }), i18n.t, 'zh-CN', namesFrom(tree, 'zh-CN')).text).toContain('nearest on-duty force responded');
  });

  it('says "Exercise / simulated" in the title of an alert from a simulated incident, in both languages', async () => {
    await i18n.changeLanguage('en');
    const simulated = alert('incidentEscalated', { simulated: true, severity: 'critical' });
    expect(describeAlert(simulated, i18n.t, 'en', namesFrom(tree)).title).toBe('Exercise / simulated: P1 Fire in Vaduz: tier 1 missed');
    expect(describeAlert(alert('incidentEscalated'), i18n.t, 'en', namesFrom(tree)).title).not.toContain('Exercise');
    await i18n.changeLanguage('zh-CN');
    expect(describeAlert(simulated, i18n.t, 'zh-CN', namesFrom(tree)).title).toMatch(/^演练 \/ 模拟：/);
  });

  it('never shows a path: "…" while the jurisdiction tree that holds the name is loading', async () => {
    await i18n.changeLanguage('en');
    expect(describeAlert(alert('hazardEscalated'), i18n.t, 'en', namesFrom(undefined)).title).toBe('Overdue hazard in … escalated to …');
  });
});
