import { and, eq, inArray, isNull } from 'drizzle-orm';
import { closedWeek } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { digestsSent, schools, staff } from '../../db/schema';
import type { Mailer } from '../alerts';
import { anchorSentence, chainHead } from '../incidents';
import { digestHtml } from './digest-html';
import type { Digest, ReportService } from './report-service';

/** Monday 00:00 UTC of the week `now` is in, and the ISO week label. */
export function weekOf(now: Date): { start: Date; label: string } {
  const day = (now.getUTCDay() + 6) % 7;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
  const thursday = new Date(start.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return { start, label: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}` };
}

/** Nothing at all happened in the digest's week. */
function isEmpty(d: Digest): boolean {
  return (
    d.blockedByCategory.length + d.topBlockedSites.length + d.flaggedSearchesByCategory.length === 0 &&
    d.concerns + d.tamper + d.alerts + d.incidentsOpened + d.incidentsClosed === 0
  );
}

/**
 * Sends each school's DSLs and technicians the digest of the week before `now`, once per week
 * (recorded, so a restart never sends it twice): the school's policy has the technician check the
 * reports weekly and report any cause for concern to the head teacher, so each line of their copy
 * links to that action in the console. The technician's copy names pupils only where the school
 * chose so. Returns how many schools were sent one.
 */
export async function sendWeeklyDigests(
  deps: { db: Database; mailer: Mailer; reports: ReportService; consoleUrl?: string },
  now = new Date(),
) {
  if (!deps.mailer.configured) return 0;
  const { start, label } = weekOf(now);
  const from = new Date(start.getTime() - 7 * 86_400_000);
  const fromDate = from.toISOString().slice(0, 10);
  const concernLink = deps.consoleUrl
    ? (line: number) => `${deps.consoleUrl}/reports/digest?week=${fromDate}&concern=${line}`
    : undefined;
  let sent = 0;
  for (const school of await deps.db.select().from(schools)) {
    const [done] = await deps.db
      .select()
      .from(digestsSent)
      .where(and(eq(digestsSent.schoolId, school.id), eq(digestsSent.week, label)));
    if (done) continue;
    const recipients = await deps.db
      .select({ email: staff.email, role: staff.role })
      .from(staff)
      .where(
        and(
          eq(staff.schoolId, school.id),
          inArray(staff.role, ['dsl', 'technician']),
          isNull(staff.disabledAt),
        ),
      );
    const digest = await deps.reports.digest(school.id, from, start);
    // A week the school was closed (a holiday, out of term): no digest when nothing happened, else
    // the digest says so.
    const closed = closedWeek(fromDate, await deps.reports.calendar(school.id));
    if (closed !== null && isEmpty(digest)) {
      await deps.db
        .insert(digestsSent)
        .values({ schoolId: school.id, week: label, recipients: 0 })
        .onConflictDoNothing();
      continue;
    }
    const pupils = school.technicianDigestNamesPupils
      ? await deps.reports.byPupil(
          school.id,
          await deps.reports.period(
            school.id,
            { from: fromDate, to: start.toISOString().slice(0, 10) },
            'last-week',
          ),
        )
      : undefined;
    // The incident log's head leaves the database in every copy: an anchor no later rewrite can move.
    const anchor = anchorSentence(await chainHead(deps.db, school.id));
    const copies = [
      {
        role: 'dsl',
        html: digestHtml(school.name, digest, 'en', {
          concernLink,
          timeZone: school.timeZone,
          anchor,
          closed,
        }),
      },
      {
        role: 'technician',
        html: digestHtml(school.name, digest, 'en', {
          concernLink,
          pupils,
          timeZone: school.timeZone,
          anchor,
          closed,
        }),
      },
    ];
    for (const copy of copies) {
      await deps.mailer.send({
        to: recipients.filter((r) => r.role === copy.role).map((r) => r.email),
        subject: `Waymark weekly digest – ${school.name}`,
        html: copy.html,
        text: `Your weekly online-safety digest is in the HTML part of this e-mail, and in Waymark under Reports → Weekly digest, where any line can be reported to the head teacher.\n\n${anchor}`,
      });
    }
    await deps.db
      .insert(digestsSent)
      .values({ schoolId: school.id, week: label, recipients: recipients.length })
      .onConflictDoNothing();
    sent++;
  }
  return sent;
}
