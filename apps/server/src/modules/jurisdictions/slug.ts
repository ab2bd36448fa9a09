/** An ltree label from a place name: ASCII lower case, digits and _, at most 63 characters. */
export function slugLabel(name: string, fallback: string): string {
  const ascii = stripAdministrativeWord(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 63);
  return ascii.length > 0 ? ascii : fallback;
}

/** "Wahlkreis Oberland" is known as Oberland: leading words that only say what kind of area it is. */
const ADMINISTRATIVE_WORDS = /^(wahlkreis|bezirk|gemeinde|kanton|landkreis|district of|county of|city of)\s+/i;

function stripAdministrativeWord(name: string): string {
  const stripped = name.replace(ADMINISTRATIVE_WORDS, '');
  return stripped.length > 0 ? stripped : name;
}
