/**
 * The words of the scripted gas-explosion exercise (`firebreak exercise gas-explosion`, the demo
 * world's standing exercise), by message key, in English: what the server stores.
 *
 * Why message keys over the stored English and not bilingual columns: the script's texts land in
 * ordinary free-text fields (a call's narrative, a SITREP's situation, a sector's name, a point's
 * name) that other clients, the CSV and the after-action report, and the audit trail's hash chain
 * read as one text. The server stores the English, as a commander typing would store theirs; the
 * web app recognises a stored text that is exactly one of these and shows its key's translation
 * (`majorIncidents.script.<key>` in its i18n files, English and Chinese), so a Chinese screen reads
 * Chinese. No migration, no second field to keep in step, and a database played before this
 * existed is translated too; a person's own words are never touched. The public alert's texts are
 * not here: CAP carries one `info` block per language itself.
 */
export const EXERCISE_TEXTS = {
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
} as const;

export type ExerciseTextKey = keyof typeof EXERCISE_TEXTS;
