import { describe, expect, it } from 'vitest';
import { withPlaceZhNames } from './boundary-names.js';

const vaduzNode = { name: 'Vaduz', place: 'town', 'name:zh': '瓦杜茲', 'name:zh-Hans': '瓦杜兹' };

describe('withPlaceZhNames', () => {
  it('takes the Chinese names of a same-named admin_centre node', () => {
    const tags = new Map([[7, vaduzNode]]);
    expect(withPlaceZhNames({ '': 'Vaduz', de: 'Vaduz' }, 'Vaduz', [{ ref: 7, role: 'admin_centre' }], tags))
      .toEqual({ '': 'Vaduz', de: 'Vaduz', zh: '瓦杜茲', 'zh-Hans': '瓦杜兹' });
  });

  it("never gives a country its capital's name", () => {
    const tags = new Map([[7, vaduzNode]]);
    expect(withPlaceZhNames({ '': 'Liechtenstein' }, 'Liechtenstein', [{ ref: 7, role: 'admin_centre' }], tags)).toEqual({ '': 'Liechtenstein' });
  });

  it('takes a label node whatever its name, before the admin_centre', () => {
    const tags = new Map([[1, { name: 'Oberland', 'name:zh': '上地区' }], [7, { name: 'Oberland', 'name:zh': '别的' }]]);
    expect(withPlaceZhNames({ '': 'Wahlkreis Oberland' }, 'Wahlkreis Oberland', [{ ref: 7, role: 'admin_centre' }, { ref: 1, role: 'label' }], tags))
      .toEqual({ '': 'Wahlkreis Oberland', zh: '上地区' });
  });

  it("keeps the relation's own Chinese name, and skips nodes the extract cut off or without one", () => {
    const tags = new Map<number, Record<string, string>>([[7, vaduzNode], [8, { name: 'Vaduz' }]]);
    expect(withPlaceZhNames({ '': 'Vaduz', 'zh-CN': '瓦杜兹市' }, 'Vaduz', [{ ref: 7, role: 'admin_centre' }], tags)).toEqual({ '': 'Vaduz', 'zh-CN': '瓦杜兹市' });
    expect(withPlaceZhNames({ '': 'Vaduz' }, 'Vaduz', [{ ref: 9, role: 'label' }, { ref: 8, role: 'label' }, { ref: 7, role: 'admin_centre' }], tags))
      .toEqual({ '': 'Vaduz', zh: '瓦杜茲', 'zh-Hans': '瓦杜兹' });
  });
});
