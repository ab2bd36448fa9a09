import { ABBREVIATIONS } from './normalize.js';

/**
 * The geocoder's test set, made from the extract itself (pure, seeded): every address, written
 * the ways a caller says it and a dispatcher types it under pressure — with one typo in the
 * street, with its diacritics dropped, with the street word abbreviated, with number, street and
 * town reordered, with the town left out. Used by the unit tests and by `npm run bench:geocode`.
 */
export const PERTURBATIONS = ['typo', 'no_diacritics', 'abbreviation', 'reordered', 'town_omitted'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

export interface AddressParts { street: string; housenumber: string; city: string }

/** A small seeded generator (mulberry32): the same test set on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit of a letter of the longest word: replace, drop, insert, or swap two neighbours (not the first letter). */
export function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  let w = 0;
  words.forEach((word, i) => { if (word.length > words[w]!.length) w = i; });
  const word = words[w]!;
  if (word.length < 4) return text;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const letter = LETTERS[Math.floor(random() * LETTERS.length)]!;
  const kind = Math.floor(random() * 4);
  const edited = kind === 0 ? word.slice(0, i) + letter + word.slice(i + 1)
    : kind === 1 ? word.slice(0, i) + word.slice(i + 1)
      : kind === 2 ? word.slice(0, i) + letter + word.slice(i)
        : word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
  words[w] = edited;
  return words.join(' ');
}

/** Diacritics dropped as a keyboard without them does: Ä → A, é → e, ß → ss. */
export const dropDiacritics = (text: string): string => text.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');

/** The street word abbreviated: "Äulestrasse" → "Äulestr.", "North Wolfe Street" → "North Wolfe St.". */
export function abbreviate(street: string): string | null {
  const words = street.split(' ');
  for (let i = words.length - 1; i >= 0; i--) {
    const lower = words[i]!.toLowerCase().replace(/ß/g, 'ss');
    const short = ABBREVIATIONS[lower];
    if (short && short.length > 1) { words[i] = short[0]!.toUpperCase() + short.slice(1) + '.'; return words.join(' '); }
    if (lower.endsWith('strasse') && lower.length > 7) { words[i] = words[i]!.slice(0, -(words[i]!.length - (lower.length - 7))) + 'str.'; return words.join(' '); }
  }
  return null;
}

/** The address as typed with one perturbation; null when it does not apply (no diacritics to drop, no street word). */
export function perturb(a: AddressParts, kind: Perturbation, random: () => number): string | null {
  const town = a.city ? `, ${a.city}` : '';
  switch (kind) {
    case 'typo': return `${typo(a.street, random)} ${a.housenumber}${town}`;
    case 'no_diacritics': {
      const plain = dropDiacritics(`${a.street} ${a.housenumber}${town}`);
      return plain === `${a.street} ${a.housenumber}${town}` ? null : plain;
    }
    case 'abbreviation': {
      const short = abbreviate(a.street);
      return short ? `${short} ${a.housenumber}${town}` : null;
    }
    case 'reordered': return a.city ? `${a.city} ${a.housenumber} ${a.street}` : `${a.housenumber} ${a.street}`;
    case 'town_omitted': return `${a.street} ${a.housenumber}`;
  }
}
