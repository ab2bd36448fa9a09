import { describe, expect, it } from 'vitest';
import { houseNumberValue, indexTerms, nameKey, queryTerm, tokenize } from './normalize.js';
import { abbreviate, dropDiacritics, perturb, seeded, typo } from './perturb.js';

describe('geocoder text folding', () => {
  it('indexes an umlaut both ways and the street word short, so Äule = Aeule = Aule and Str. = Strasse', () => {
    const terms = indexTerms('Äulestrasse');
    for (const typed of ['Äulestrasse', 'Aeulestrasse', 'Aulestrasse', 'Äulestr.', 'aeulestr', 'AULESTR.']) {
      expect(terms, typed).toContain(queryTerm(typed));
    }
    expect(indexTerms('Straße')).toEqual(expect.arrayContaining(['strasse', 'str']));
  });

  it('indexes Street and Saint under St., Avenue under Ave, a number with a letter under its digits', () => {
    expect(indexTerms('Street')).toContain(queryTerm('St.'));
    expect(indexTerms('Saint')).toContain(queryTerm('st'));
    expect(indexTerms('Avenue')).toContain(queryTerm('Ave.'));
    expect(indexTerms('12b')).toEqual(expect.arrayContaining(['12b', '12']));
    expect(houseNumberValue('12b')).toBe(12);
    expect(houseNumberValue('b')).toBeNull();
  });

  it('transliterates other scripts\' letters and cuts Han text into characters and pairs', () => {
    expect(queryTerm('Crêperie')).toBe('creperie');
    expect(queryTerm("O'Donnell")).toBe('odonnell');
    expect(tokenize('瓦杜茲')).toEqual(expect.arrayContaining(['瓦', '杜', '茲', '瓦杜', '杜茲']));
    expect(tokenize('Josef-Murr-Weg 4, Mauren')).toEqual(['Josef', 'Murr', 'Weg', '4', 'Mauren']);
    expect(nameKey('Äulestrasse')).toBe(nameKey('Aeulestrasse'));
  });
});

describe('perturbations of the generated test set', () => {
  it('makes one edit of the longest word, seeded', () => {
    const random = seeded(1);
    for (let i = 0; i < 200; i++) {
      const t = typo('Im Rösle', random);
      expect(t.startsWith('Im R')).toBe(true);
      expect(Math.abs(t.length - 'Im Rösle'.length)).toBeLessThanOrEqual(1);
      expect(t).not.toBe('Im Rösle'.slice(0, 0));
    }
    expect(typo('Aeulestrasse', seeded(7))).toBe(typo('Aeulestrasse', seeded(7)));
  });

  it('drops diacritics, abbreviates street words and reorders', () => {
    expect(dropDiacritics('Äulestrasse, Planken')).toBe('Aulestrasse, Planken');
    expect(abbreviate('Äulestrasse')).toBe('Äulestr.');
    expect(abbreviate('North Wolfe Street')).toBe('North Wolfe St.');
    expect(abbreviate('Im Rösle')).toBeNull();
    const a = { street: 'Äulestrasse', housenumber: '20', city: 'Vaduz' };
    expect(perturb(a, 'reordered', seeded(1))).toBe('Vaduz 20 Äulestrasse');
    expect(perturb(a, 'town_omitted', seeded(1))).toBe('Äulestrasse 20');
    expect(perturb({ ...a, street: 'Landstrasse' }, 'no_diacritics', seeded(1))).toBeNull();
  });
});
