import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/open-database';
import { digestsSent, schools, staff } from '../../db/schema';
import type { Mailer } from '../alerts';
import { digestHtml } from './digest-html';
import type { ReportService } from './report-service';

/** Monday 00:00 UTC of the week `now` is in, and the ISO week label. */
export function weekOf(now: Date): { start: Date; label: string } {
  const day = (now.getUTCDay() + 6) % 7;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
  const thursday = new Date(start.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return { start, label: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}` };
}

/**
 * Sends each school's DSLs the digest of the week before `now`, once per week (recorded, so a
 * restart never sends it twice). Returns how many schools were sent one.
 */
export async function sendWeeklyDigests(
  deps: { db: Database; mailer: Mailer; reports: ReportService },
  now = new Date(),
) {
  if (!deps.mailer.configured) return 0;
  const { start, label } = weekOf(now);
  const from = new Date(start.getTime() - 7 * 86_400_000);
  let sent = 0;
  for (const school of await deps.db.select().from(schools)) {
    const [done] = await deps.db
      .select()
      .from(digestsSent)
      .where(and(eq(digestsSent.schoolId, school.id), eq(digestsSent.week, label)));
    if (done) continue;
    const dsls = await deps.db
      .select({ email: staff.email })
      .from(staff)
      .where(and(eq(staff.schoolId, school.id), eq(staff.role, 'dsl')));
    const html = digestHtml(school.name, school.timeZone, await deps.reports.digest(school.id, from, start));
    await deps.mailer.send({
      to: dsls.map((d) => d.email),
      subject: `Waymark weekly digest – ${school.name}`,
      html,
      text: 'Your weekly online-safety digest is in the HTML part of this e-mail, and in Waymark under Reports → Digest.',
    });
    await deps.db
      .insert(digestsSent)
      .values({ schoolId: school.id, week: label, recipients: dsls.length })
      .onConflictDoNothing();
    sent++;
  }
  return sent;
}
