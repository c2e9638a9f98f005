/**
 * Which lesson a pupil is in now (docs/architecture.md, "Teaching groups and the timetable"). A
 * group is claimed by at most one lesson at a moment: a session a teacher started for it, else its
 * timetabled lesson. A pupil is in at most one lesson: of the claims on their groups, a session a
 * teacher started wins (the latest started), then the timetable (the latest started, then the
 * group id, so the answer never depends on the order rows arrive in). No claim: their home group.
 */

export type LessonSource = 'session' | 'timetable';

export interface LessonClaim {
  classId: string;
  source: LessonSource;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  staffId: string | null;
  period: string | null;
}

export interface Placement {
  /** The group the pupil is in now: the winning lesson's, else their home group. */
  classId: string;
  source: LessonSource | 'home';
  /** When this placement ends (the lesson's end); null at home. */
  endsAt: Date | null;
  /** Lessons that also claimed the pupil and lost (a clash, or the timetable beaten by a session). */
  outranked: LessonClaim[];
}

function ranks(a: LessonClaim, b: LessonClaim): number {
  if (a.source !== b.source) return a.source === 'session' ? -1 : 1;
  if (a.startsAt.getTime() !== b.startsAt.getTime()) return b.startsAt.getTime() - a.startsAt.getTime();
  return a.classId < b.classId ? -1 : a.classId > b.classId ? 1 : 0;
}

/** The group claims on a school at a moment: each group's session if it has one, else its lesson. */
export function claimsByGroup(claims: Iterable<LessonClaim>): Map<string, LessonClaim> {
  const byGroup = new Map<string, LessonClaim>();
  for (const claim of claims) {
    const held = byGroup.get(claim.classId);
    if (!held || ranks(claim, held) < 0) byGroup.set(claim.classId, claim);
  }
  return byGroup;
}

export function placePupil(
  homeClassId: string,
  groupIds: Iterable<string>,
  claims: ReadonlyMap<string, LessonClaim>,
): Placement {
  const mine: LessonClaim[] = [];
  const seen = new Set<string>();
  for (const id of [homeClassId, ...groupIds]) {
    if (seen.has(id)) continue;
    seen.add(id);
    const claim = claims.get(id);
    if (claim) mine.push(claim);
  }
  if (mine.length === 0) return { classId: homeClassId, source: 'home', endsAt: null, outranked: [] };
  mine.sort(ranks);
  const [winner, ...outranked] = mine as [LessonClaim, ...LessonClaim[]];
  return { classId: winner.classId, source: winner.source, endsAt: winner.endsAt, outranked };
}
