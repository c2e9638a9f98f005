import type { Profile } from '@waymark/shared';

/**
 * The profile of a OneRoster grade, read as the school's year group (England and Wales): `R`,
 * `KG` and earlier are EYFS, `01`–`02` KS1, `03`–`06` KS2, `07`–`09` KS3, `10`–`11` KS4,
 * `12`–`14` KS5 (so a MIS exporting US CEDS grades, where `09` is Year 10, needs its grades
 * mapped before export: docs/roster.md). Null for a grade it cannot read.
 */
export function profileOfGrade(grade: string | null | undefined): Profile | null {
  if (!grade) return null;
  const g = grade.trim().toUpperCase();
  if (['PK', 'PR', 'KG', 'R', 'RECEPTION', 'N', 'NURSERY', 'EYFS', 'IT', 'PS'].includes(g)) return 'EYFS';
  const match = /^(?:Y|YEAR\s*)?0*(\d{1,2})$/.exec(g);
  if (!match) return null;
  const year = Number(match[1]);
  if (year === 0) return 'EYFS';
  if (year <= 2) return 'KS1';
  if (year <= 6) return 'KS2';
  if (year <= 9) return 'KS3';
  if (year <= 11) return 'KS4';
  if (year <= 14) return 'KS5';
  return null;
}

/** The profile most of these grades map to (ties: the older key stage), or null. */
export function commonProfile(grades: Iterable<string | null>): Profile | null {
  const counts = new Map<Profile, number>();
  for (const grade of grades) {
    const p = profileOfGrade(grade);
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best: Profile | null = null;
  for (const [p, n] of counts)
    if (!best || n > counts.get(best)! || (n === counts.get(best)! && p > best)) best = p;
  return best;
}
