import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enScreens from './locales/en.screens.json';
import zh from './locales/zh-CN.json';
import { actionLabel, actorLabel } from './action-label';

const SERVER = fileURLToPath(new URL('../../../server/src/', import.meta.url));

/** Every audit action the server writes as a literal (`action: 'module.verb'`), plus the ones it builds: hazards.<step>, incidents.tier_<met|missed>. */
function serverActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) {
        for (const m of readFileSync(p, 'utf8').matchAll(/action: (?:fields\.action \?\? )?'([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
      }
    }
  };
  walk(SERVER);
  // The hazard steps (contracts' HazardActionBody), written as hazards.<action>.
  for (const m of readFileSync(new URL('../../../../packages/contracts/src/hazards.ts', import.meta.url), 'utf8').matchAll(/action: z\.literal\('([a-z_]+)'\)/g)) found.add(`hazards.${m[1]}`);
  found.add('incidents.tier_met').add('incidents.tier_missed');
  return [...found].sort();
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: enScreens }, 'zh-CN': { translation: zh } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
});

describe('audit action labels', () => {
  it('finds the server\'s actions (the scan is not empty)', () => {
    expect(serverActions()).toEqual(expect.arrayContaining(['dispatch.unit_reassigned', 'hazards.raised', 'incidents.tier_missed', 'staff.created']));
  });

  it.each(['en', 'zh-CN'])('has words for every action the server writes, in %s', async (lang) => {
    await i18n.changeLanguage(lang);
    const missing = serverActions().filter((a) => !i18n.exists(`auditAction.${a}`));
    expect(missing).toEqual([]);
    expect(actionLabel(i18n.t, 'dispatch.unit_reassigned')).toBe(lang === 'en' ? 'Unit reassigned' : '力量改派');
  });

  it('reads an unknown action as words, not as its key', async () => {
    await i18n.changeLanguage('en');
    expect(actionLabel(i18n.t, 'radio.channel_switched')).toBe('Radio: channel switched');
  });

  it('names the server\'s own jobs in words and leaves people\'s names alone', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(actorLabel(i18n.t, 'response-clock')).toBe('响应计时');
    expect(actorLabel(i18n.t, null)).toBe('系统');
    expect(actorLabel(i18n.t, 'Anna Meier')).toBe('Anna Meier');
  });
});
