import type { ExerciseTextKey } from '@firebreak/contracts';
import type { TFunction } from 'i18next';

/*
 * The scripted exercise's stored English texts by message key, copied from @firebreak/contracts'
 * EXERCISE_TEXTS (values from contracts would pull zod into the bundle; exercise-text.test.ts fails
 * the moment the copy drifts). Their translations are `majorIncidents.script.<key>` in the i18n files.
 */
const EXERCISE_TEXTS = {
  director: 'Exercise director',
  control: 'Exercise control',
  title: 'EXERCISE: gas explosion at the market',
  call1: 'EXERCISE: explosion at the market hall, people trapped, smell of gas',
  call2: 'EXERCISE: second caller on the square: windows blown out, several injured lying in the street',
  call3: 'EXERCISE: strong smell of gas in the next street, residents leaving their houses',
  call4: 'EXERCISE: secondary collapse: the east wing of the market hall has fallen in, rescuers inside',
  call5: 'EXERCISE: injured walking in at the pharmacy north of the market, burns and cuts',
  sectorMarketHall: 'Market hall',
  sectorNorth: 'North',
  postCommander: 'Exercise incident commander',
  postMarketHall: 'Exercise sector lead, Market hall',
  postNorth: 'Exercise sector lead, North',
  staging: 'Staging: car park south of the cordon',
  trafficControl: 'Traffic control: north entry',
  trafficControlNote: 'emergency vehicles only',
  reportUpFirst: 'EXERCISE: gas explosion at the market, about 35 casualties, level II declared.',
  sitrepSituation: 'EXERCISE: east wing of the market hall collapsed; gas company isolating the main.',
  sitrepCommitted: 'engines and ambulances of the region',
  sitrepRequested: 'urban search and rescue',
  sitrepCordons: 'Inner 120 m closed to traffic; outer 400 m',
  sitrepCordonsOpen: 'Inner 120 m (roads left open); outer 400 m',
  sitrepNextSteps: 'Search the east wing; move the injured to the casualty clearing station.',
} as const satisfies Record<ExerciseTextKey, string>;

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

export const exerciseTextsForTest = EXERCISE_TEXTS;
