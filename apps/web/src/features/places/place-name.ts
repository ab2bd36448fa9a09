import { useCallback } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { isGeneratedPlaceName } from '../../api/enums';

export interface NamedPlace {
  name: string;
  category: string;
  location?: readonly [number, number] | null;
}

/**
 * How a key place reads on every screen: its own name, or for one OSM left unnamed (the importer
 * names it "school (OSM way …)" in English, to stay unique) its category in the reader's language
 * and, when known, where it is. The generated English name never reaches a screen.
 */
export function placeDisplayName(place: NamedPlace | string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const p = typeof place === 'string' ? fromName(place) : place;
  if (!isGeneratedPlaceName(p.name)) return p.name;
  const category = t(`placeCategory.${p.category}`);
  if (!p.location) return t('placeName.unnamed', { category });
  return t('placeName.unnamedAt', { category, at: `${p.location[1].toFixed(4)}, ${p.location[0].toFixed(4)}` });
}

/** `placeDisplayName` in the current language: of a place, or of a name alone (as a report or a trace carries it). */
export function usePlaceName(): (p: NamedPlace | string) => string {
  const { t } = useTranslation();
  return useCallback((p: NamedPlace | string) => placeDisplayName(p, t), [t]);
}

/** A name alone: the importer's names start with the category, its underscores as spaces (contracts' `generatedPlaceName`). */
function fromName(name: string): NamedPlace {
  const generated = /^(.+) \(OSM (?:node|way|relation) \d+\)$/.exec(name);
  return { name, category: generated ? generated[1]!.replaceAll(' ', '_') : '' };
}
