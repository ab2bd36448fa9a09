import type { Place } from '@firebreak/contracts';
import { isGeneratedPlaceName } from '../../api/enums';

/**
 * A key place as people can tell it apart: its name, or for one OSM left unnamed (the importer's
 * "fuel station (OSM node …)") its category and where it is, never the generated English name.
 */
export function placeLabel(p: Pick<Place, 'name' | 'category' | 'location'>, categoryName: (category: string) => string, unnamed: (category: string, at: string) => string): string {
  if (!isGeneratedPlaceName(p.name)) return p.name;
  return unnamed(categoryName(p.category), `${p.location[1].toFixed(4)}, ${p.location[0].toFixed(4)}`);
}
