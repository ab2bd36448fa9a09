/**
 * Fictional personal names for the demo world's staff. Named after their role ("Duty officer, Vaduz")
 * they read twice over wherever a post and its holder stand side by side ("Duty officer, Vaduz —
 * Duty officer, Vaduz" in a command structure), and a screen that names people looks unlike the one a
 * real agency gets. Surnames common in the demo country; no real person is meant.
 */
const FIRST = ['Anna', 'Lukas', 'Sarah', 'Marco', 'Laura', 'Daniel', 'Nina', 'Stefan', 'Julia', 'Patrick', 'Lea', 'Thomas', 'Sandra', 'Michael', 'Eva', 'Andreas', 'Carmen', 'Fabian', 'Monika', 'Simon', 'Petra', 'Jonas', 'Ramona', 'Martin', 'Claudia', 'Reto', 'Manuela', 'David', 'Corina'] as const;
const LAST = ['Büchel', 'Frick', 'Marxer', 'Beck', 'Hasler', 'Kaiser', 'Wohlwend', 'Ospelt', 'Meier', 'Vogt', 'Batliner', 'Schädler', 'Gassner', 'Kindle', 'Risch', 'Negele', 'Matt', 'Walser', 'Oehri', 'Sele', 'Eberle', 'Nägele', 'Jehle'] as const;

/** The i-th demo name: distinct for the first FIRST.length × LAST.length (667) indexes, first and last names mixed. */
export function demoPersonName(i: number): string {
  const first = FIRST[i % FIRST.length]!;
  // LAST.length and FIRST.length are coprime, so (i mod 29, i mod 23) never repeats below 667.
  const last = LAST[i % LAST.length]!;
  return `${first} ${last}`;
}
