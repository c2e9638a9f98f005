import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import { incidentEvents, incidentHistory, incidents, schools } from '../../db/schema';
import { checkpointOf, type CheckpointIncident } from './chain-checkpoint';
import { canonicalJson, GENESIS, storedEntryHash, tombstoneHolds, type Tombstone } from './hash-chain';
import { applyChange, twoPersonProblem, type IncidentState } from './incident-state';

interface LogProblem {
  schoolId: string;
  entryId?: number;
  incidentId?: string;
  problem: string;
}

type HistoryRow = typeof incidentHistory.$inferSelect;
type IncidentRow = typeof incidents.$inferSelect;

const DAY = 86_400_000;
/** Clocks of the processes writing one chain may differ by this much. */
const CLOCK_SKEW = 5 * 60_000;

/**
 * Every stored field of an incident, as its history says it should be. Chain-1 histories did not
 * record the reference nor the exact time of raising (the row's default), so those two are
 * checked for incidents raised since.
 */
function expectedFields(state: IncidentState & { reference?: string }, raised: { at: Date; by: string }) {
  return {
    subject: state.subject,
    pupilEmail: state.pupilEmail,
    personName: state.personName,
    classId: state.classId,
    deviceId: state.deviceId,
    category: state.category,
    severity: state.severity,
    status: state.status,
    description: state.description,
    actions: state.actions,
    outcome: state.outcome,
    ownerId: state.ownerId,
    followUpDate: state.followUpDate,
    illegal: state.illegal,
    countersignedBy: state.countersignedBy,
    occurredAt: new Date(state.occurredAt).toISOString(),
    createdBy: raised.by,
    ...(state.reference !== undefined
      ? { reference: state.reference, createdAt: raised.at.toISOString() }
      : {}),
  };
}

function storedFields(row: IncidentRow) {
  return {
    ...row,
    occurredAt: row.occurredAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  } as Record<string, unknown>;
}

interface VerifyOptions {
  /** A chain head printed outside the database (the weekly digest, the review pack). */
  sinceAnchor?: string;
  /** The time the check runs (a purge dated after it is forged). */
  now?: Date;
}

interface AnchorFinding {
  hash: string;
  found: boolean;
  schoolId?: string;
  entryId?: number;
}

/**
 * Checks every school's incident log (docs/architecture.md, "Incidents"): each entry's hash and
 * link to the one before (chain 1 or 2); that every purge removed only incidents the retention
 * rules allowed (closed, raised before the cutoff, the cutoff no later than the school's period
 * allows), checked against the chain; that every stored field of every incident, and its event
 * links, are what its history adds up to; that no incident the history knows is missing; that the
 * two-person rule held at every step; and, given an anchor, that the chain still passes through it.
 */
export async function verifyLog(
  db: Database,
  options: VerifyOptions = {},
): Promise<{ entries: number; incidents: number; problems: LogProblem[]; anchor?: AnchorFinding }> {
  const problems: LogProblem[] = [];
  const now = options.now ?? new Date();
  let entries = 0;
  let incidentCount = 0;
  const anchor: AnchorFinding | undefined = options.sinceAnchor
    ? { hash: options.sinceAnchor.toLowerCase(), found: false }
    : undefined;
  for (const { id: schoolId } of await db.select({ id: schools.id }).from(schools)) {
    const rows = await db
      .select()
      .from(incidentHistory)
      .where(eq(incidentHistory.schoolId, schoolId))
      .orderBy(asc(incidentHistory.id));
    const report = (problem: string, row?: { id: number; incidentId: string | null }, incidentId?: string) =>
      problems.push({
        schoolId,
        entryId: row?.id,
        incidentId: incidentId ?? row?.incidentId ?? undefined,
        problem,
      });

    // Entries the retention job removed, by the hash they followed: the chain may step over them.
    const removedAfter = new Map<string, Tombstone>();
    for (const row of rows) {
      if (row.change.type !== 'purge') continue;
      for (const t of row.change.removed as Tombstone[]) {
        removedAfter.set(t.prevHash, t);
        if (anchor && !anchor.found && t.hash === anchor.hash)
          Object.assign(anchor, { found: true, schoolId, entryId: t.id });
      }
    }

    const purgedLater = new Set<string>();
    for (const row of rows)
      if (row.change.type === 'purge' && row.version >= 2)
        for (const i of (row.change.incidents as Array<{ id: string }> | undefined) ?? [])
          purgedLater.add(i.id);
    const states = new Map<string, IncidentState & { reference?: string }>();
    const raised = new Map<string, { at: Date; by: string }>();
    const purged = new Set<string>();
    let checkpoint: CheckpointIncident[] | null = null;
    let sawV2 = false;
    let prev = GENESIS;
    for (const [index, row] of rows.entries()) {
      entries++;
      if (anchor && !anchor.found && row.hash === anchor.hash)
        Object.assign(anchor, { found: true, schoolId, entryId: row.id });
      let linked = prev;
      // Removed entries after chain 2 began (a chain begun in chain 2, or past its checkpoint).
      const afterV2 = sawV2 || (row.version >= 2 && row.change.type !== 'checkpoint');
      while (linked !== row.prevHash && removedAfter.has(linked)) {
        const removed = removedAfter.get(linked)!;
        // A removed entry from after the switch to chain 2 must be kept with its facts: recorded in
        // the old form, its facts (was it closed?) would go unchecked.
        if (afterV2 && removed.v !== 2)
          report('a purge recorded a removed chain-2 entry without its facts', {
            id: removed.id,
            incidentId: removed.incidentId,
          });
        linked = removed.hash;
      }
      if (row.prevHash !== linked)
        report('does not follow the entry before it (an entry was removed or reordered)', row);
      if (row.hash !== storedEntryHash(row))
        report('its content does not match its hash (the entry was edited)', row);
      if (row.version < 2 && sawV2)
        report('is written in the old chain format after the new one (it was added by hand)', row);
      sawV2 ||= row.version >= 2;
      prev = row.hash;

      if (row.change.type === 'checkpoint') {
        // Incidents a later purge removed have lost the chain-1 rows to fold: for them the
        // checkpoint's own hash and links (and an anchor) stand, as for every entry.
        const claimed = (row.change.incidents as CheckpointIncident[]).filter((i) => !purgedLater.has(i.id));
        const expected = checkpointOf(rows.slice(0, index)).filter((i) => !purgedLater.has(i.id));
        if (canonicalJson(expected) !== canonicalJson(claimed))
          report('the checkpoint does not match the history before it', row);
        checkpoint = row.change.incidents as CheckpointIncident[];
        continue;
      }
      if (row.change.type === 'purge') {
        checkPurge(row, rows[index + 1], {
          report,
          now,
          checkpoint,
          v2Chain: row.version >= 2,
          purged,
        });
        for (const t of row.change.removed as Tombstone[]) if (t.incidentId) states.delete(t.incidentId);
        continue;
      }
      if (row.incidentId === null) continue;
      if (purged.has(row.incidentId)) report('belongs to an incident a purge removed', row);
      const before = states.get(row.incidentId) ?? null;
      let after: IncidentState;
      try {
        after = applyChange(before, row.change);
      } catch (error) {
        report((error as Error).message, row);
        continue;
      }
      if (row.change.type === 'created') raised.set(row.incidentId, { at: row.at, by: row.actorId });
      states.set(row.incidentId, after);
      if (row.version >= 2) {
        const facts = (row.facts ?? {}) as { type?: string; status?: string };
        if (facts.status !== after.status || (facts.type === 'created') !== (row.change.type === 'created'))
          report('its facts do not match the change it records', row);
      }
      const raiser = raised.get(row.incidentId)?.by;
      // Chain 2 only: histories written before the rule was enforced on every change still verify.
      if (before && raiser && row.version >= 2) {
        const problem = twoPersonProblem(before, after, row.actorId, raiser);
        if (problem) report(`breaks the two-person rule: ${problem}`, row);
      }
    }

    const projected = await db.select().from(incidents).where(eq(incidents.schoolId, schoolId));
    const links = new Map<string, string[]>();
    for (const l of await db
      .select({ incidentId: incidentEvents.incidentId, eventId: incidentEvents.eventId })
      .from(incidentEvents)
      .innerJoin(incidents, eq(incidents.id, incidentEvents.incidentId))
      .where(eq(incidents.schoolId, schoolId)))
      links.set(l.incidentId, [...(links.get(l.incidentId) ?? []), l.eventId]);
    const seen = new Set<string>();
    for (const incident of projected) {
      incidentCount++;
      seen.add(incident.id);
      const state = states.get(incident.id);
      const raise = raised.get(incident.id);
      if (!state || !raise) {
        report('has no history (it was inserted outside the log)', undefined, incident.id);
        continue;
      }
      const stored = storedFields(incident);
      for (const [field, value] of Object.entries(expectedFields(state, raise))) {
        if (canonicalJson(value ?? null) !== canonicalJson(stored[field] ?? null))
          report(
            `${field} differs from its history (the incident was edited in place)`,
            undefined,
            incident.id,
          );
      }
      const linked = [...(links.get(incident.id) ?? [])].sort();
      const evidence = [...state.evidence].sort();
      if (linked.some((e) => !evidence.includes(e)))
        report('has an event link its history never made (a link was added)', undefined, incident.id);
      if (evidence.some((e) => !linked.includes(e)))
        report('is missing an event link its history made (a link was deleted)', undefined, incident.id);
    }
    for (const id of states.keys())
      if (!seen.has(id))
        report(
          'is in the history but gone from the log, and no purge removed it (it was deleted)',
          undefined,
          id,
        );
    for (const [id] of links) if (!states.has(id)) report('has event links but no history', undefined, id);
  }
  if (anchor && !anchor.found)
    problems.push({
      schoolId: '*',
      problem: `the anchor ${anchor.hash} is in no school's chain: the log up to it was rewritten (or the anchor was mistyped)`,
    });
  return { entries, incidents: incidentCount, problems, ...(anchor ? { anchor } : {}) };
}

/**
 * A purge is accepted only for incidents the retention rules allowed to remove, checked against
 * the chain: each removed chain-2 entry's tombstone must be the one its hash was made from; each
 * incident removed must have been closed at its last entry and raised before the cutoff (from its
 * tombstones, or for a chain-1 history from the checkpoint); the cutoff must be at least the
 * recorded retention period before the purge; the purge cannot be dated after the entry that
 * follows it, nor after now. A chain-1 purge (written before chain 2) keeps only links: it is
 * accepted as it was, but never after a chain-2 entry.
 */
function checkPurge(
  row: HistoryRow,
  next: HistoryRow | undefined,
  ctx: {
    report: (problem: string, row?: { id: number; incidentId: string | null }, incidentId?: string) => void;
    now: Date;
    checkpoint: CheckpointIncident[] | null;
    v2Chain: boolean;
    purged: Set<string>;
  },
): void {
  const { report } = ctx;
  const change = row.change as {
    olderThan?: string;
    retentionDays?: number;
    incidents?: Array<{ id: string; reference: string }>;
    removed?: Tombstone[];
  };
  const removed = change.removed ?? [];
  if (!ctx.v2Chain) return;
  const olderThan = Date.parse(change.olderThan ?? '');
  const days = change.retentionDays;
  if (!Number.isFinite(olderThan) || typeof days !== 'number' || days < 0)
    return report('is a purge that records no cutoff or retention period', row);
  if (olderThan > row.at.getTime() - days * DAY + 1)
    report(`is a purge whose cutoff is less than its ${days}-day retention period before it`, row);
  if (row.at.getTime() > ctx.now.getTime() + CLOCK_SKEW) report('is a purge dated in the future', row);
  if (next && row.at.getTime() > next.at.getTime() + CLOCK_SKEW)
    report('is a purge dated after the entry that follows it', row);
  const listed = new Set((change.incidents ?? []).map((i) => i.id));
  for (const t of removed) {
    if (t.v === 2 && !tombstoneHolds(t))
      report('is a purge whose record of a removed entry does not match that entry’s hash', row);
    if (t.incidentId === null || !listed.has(t.incidentId))
      report('is a purge that removed an entry of an incident it does not name', row);
  }
  for (const id of listed) {
    ctx.purged.add(id);
    const own = removed.filter((t) => t.incidentId === id);
    const v2 = own.filter((t): t is Extract<Tombstone, { v: 2 }> => t.v === 2);
    const created = v2.find((t) => t.facts.type === 'created');
    const fromCheckpoint = ctx.checkpoint?.find((c) => c.id === id);
    const raisedAt = created
      ? Date.parse(created.at)
      : fromCheckpoint
        ? Date.parse(fromCheckpoint.raisedAt)
        : NaN;
    const status = v2.length > 0 ? v2[v2.length - 1]!.facts.status : fromCheckpoint?.status;
    if (own.length === 0 || status === undefined || !Number.isFinite(raisedAt)) {
      report('is a purge of an incident the chain cannot show was closed and old enough', row, id);
      continue;
    }
    if (status !== 'closed')
      report(
        `is a purge of an incident that was ${status}, not closed (only closed incidents are purged)`,
        row,
        id,
      );
    if (raisedAt >= olderThan)
      report('is a purge of an incident raised after the cutoff (too recent to purge)', row, id);
  }
}
