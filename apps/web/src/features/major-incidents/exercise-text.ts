import { EXERCISE_TEXTS } from '@firebreak/contracts/exercise-texts';
import type { TFunction } from 'i18next';

// The subpath holds the texts alone: the package's root would pull zod and every schema into the bundle.
// Their translations are `majorIncidents.script.<key>` in the i18n files.

const KEY_OF = new Map<string, string>(Object.entries(EXERCISE_TEXTS).map(([key, english]) => [english, key]));

/**
 * A stored text in the UI language: the translation of the scripted exercise's text when the stored
 * text is exactly one of them, otherwise the text as stored (a person's own words are never touched).
 */
export function exerciseText(t: TFunction, text: string): string {
  const key = KEY_OF.get(text);
  if (key) return t(`majorIncidents.script.${key}`);
  // A traffic control point the server computed at the outer cordon, named by number and compass direction (model.ts planTrafficPoints).
  const tcp = TCP_NAME.exec(text);
  return tcp ? t('majorIncidents.tcpName', { n: tcp[1], dir: t(`majorIncidents.compass.${tcp[2]}`) }) : text;
}

const TCP_NAME = /^TCP (\d+) \((N|NE|E|SE|S|SW|W|NW)\)$/;

