import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.json';
import zh from '../i18n/locales/zh-CN.json';
import { jurisdictionNamer, jurisdictionOptions, knownFromTree, localName } from './jurisdiction-names';
import type { JurisdictionNode } from './queries';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
});

const node = (path: string, name: string, children: JurisdictionNode[] = [], names: Record<string, string> = {}) =>
  ({ id: path, parentId: null, path, name, names, level: 'x', osmId: null, code: null, children }) as JurisdictionNode;
// Two "Balzers": the municipality and a station of Vaduz named after it.
const tree = [node('li', 'Liechtenstein', [node('li.oberland', 'Oberland', [
  node('li.oberland.balzers', 'Balzers'),
  node('li.oberland.vaduz', 'Vaduz', [node('li.oberland.vaduz.balzers_post', 'Balzers')], { 'zh-CN': '瓦杜兹' }),
])], { zh: '列支敦士登' })];

describe('jurisdiction names', () => {
  it('names a path by its jurisdiction, in the UI language where the data has one', () => {
    const en = jurisdictionNamer(tree, 'en', i18n.t);
    expect(en('li.oberland.vaduz')).toBe('Vaduz');
    expect(en('li')).toBe('Liechtenstein');
    const zhName = jurisdictionNamer(tree, 'zh-CN', i18n.getFixedT('zh-CN'));
    expect(zhName('li.oberland.vaduz')).toBe('瓦杜兹');
    expect(zhName('li')).toBe('列支敦士登');
    expect(localName({ name: 'Vaduz', names: {} }, 'zh-CN')).toBe('Vaduz');
  });

  it('lists the tree for a picker parents first, indented, each in the UI language, with its depth in the whole tree', () => {
    expect(jurisdictionOptions(tree, 'en').map((o) => o.label)).toEqual(['Liechtenstein', '· Oberland', '· · Balzers', '· · Vaduz', '· · · Balzers']);
    // A Chinese screen's picker says the names its pages say (`localName`), not the data's own name.
    expect(jurisdictionOptions(tree, 'zh-CN').map((o) => o.label)).toEqual(['列支敦士登', '· Oberland', '· · Balzers', '· · 瓦杜兹', '· · · Balzers']);
    // Seen from Oberland down: indented from 0 there, its depth still the whole tree's.
    expect(jurisdictionOptions(tree[0]!.children, 'en').map((o) => [o.label, o.depth])).toEqual([['Oberland', 2], ['· Balzers', 3], ['· Vaduz', 3], ['· · Balzers', 4]]);
  });

  it('adds the parent where two jurisdictions share a name, in each language\'s punctuation', () => {
    expect(knownFromTree(tree).get('li.oberland.vaduz')!.ambiguous).toBe(false);
    expect(jurisdictionNamer(tree, 'en', i18n.t)('li.oberland.balzers')).toBe('Balzers (Oberland)');
    expect(jurisdictionNamer(tree, 'en', i18n.t)('li.oberland.vaduz.balzers_post')).toBe('Balzers (Vaduz)');
    expect(jurisdictionNamer(tree, 'zh-CN', i18n.getFixedT('zh-CN'))('li.oberland.vaduz.balzers_post')).toBe('Balzers（瓦杜兹）');
  });

  it('never returns the path: "…" while a name outside the tree is asked for', () => {
    expect(jurisdictionNamer(undefined, 'en', i18n.t)('li.oberland.vaduz')).toBe('…');
  });

  it("names a record's { path, name } by the tree in the UI language, by the record's name only where the tree cannot", () => {
    const zhName = jurisdictionNamer(tree, 'zh-CN', i18n.getFixedT('zh-CN'));
    // A move-up card's or a major incident's jurisdiction: the local name, not the data's own one the record carries.
    expect(zhName('li.oberland.vaduz', 'Vaduz')).toBe('瓦杜兹');
    // Not (yet) known: the record's name rather than "…".
    expect(jurisdictionNamer(undefined, 'zh-CN', i18n.getFixedT('zh-CN'))('li.oberland.vaduz', 'Vaduz')).toBe('Vaduz');
  });
});
