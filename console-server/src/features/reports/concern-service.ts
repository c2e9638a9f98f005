import { and, desc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ConcernReport, ReportConcernBody, Staff } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { concernReports, schools, staff } from '../../db/schema';
import { escapeHtml, type Mailer } from '../alerts';
import { DomainError } from '../../errors/domain-error';
import { weekOf } from './weekly-digest';

type Row = typeof concernReports.$inferSelect;

/** The Monday (ISO date) of an ISO week label such as 2026-W49. */
function mondayOfWeek(label: string): string {
  const [year, week] = label.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
  return new Date(monday).toISOString().slice(0, 10);
}

const toReport = (r: Row): ConcernReport => ({
  id: r.id,
  week: r.week,
  weekStart: mondayOfWeek(r.week),
  line: r.line,
  note: r.note,
  reportedByName: r.reportedByName,
  reportedTo: r.reportedTo.map(({ name, email }) => ({ name, email })),
  createdAt: r.createdAt.toISOString(),
});

/**
 * The weekly check's "report a concern to the head teacher": the line, who reported it and to
 * whom are kept, and the school's senior leaders are told by e-mail and see it in the console.
 */
export function createConcernService({
  db,
  mailer,
  consoleUrl,
}: {
  db: Database;
  mailer: Mailer;
  consoleUrl: string;
}) {
  return {
    async report(who: Staff, body: ReportConcernBody): Promise<ConcernReport> {
      const leaders = await db
        .select({ id: staff.id, name: staff.name, email: staff.email })
        .from(staff)
        .where(
          and(eq(staff.schoolId, who.schoolId), eq(staff.role, 'senior-leader'), isNull(staff.disabledAt)),
        );
      if (leaders.length === 0) {
        throw new DomainError(
          'conflict',
          'the school has no senior leader to report to: ask the school admin to give the head teacher a "senior-leader" account',
        );
      }
      const [row] = await db
        .insert(concernReports)
        .values({
          id: uuidv7(),
          schoolId: who.schoolId,
          week: weekOf(new Date(`${body.weekStart}T12:00:00Z`)).label,
          line: body.line,
          note: body.note || null,
          reportedBy: who.id,
          reportedByName: who.name,
          reportedTo: leaders,
        })
        .returning();
      const report = toReport(row!);
      const link = `${consoleUrl}/reports/concerns`;
      const text = [
        `${who.name} reported a concern from the weekly online-safety check (week beginning ${report.weekStart}):`,
        '',
        `  ${report.line}`,
        ...(report.note ? ['', report.note] : []),
        '',
        `Open Waymark to see it: ${link}`,
      ].join('\n');
      await mailer.send({
        to: leaders.map((l) => l.email),
        subject: `Waymark: a concern from the weekly check – ${who.schoolName}`,
        text,
        html: `<p>${escapeHtml(who.name)} reported a concern from the weekly online-safety check (week beginning ${escapeHtml(report.weekStart)}):</p><blockquote>${escapeHtml(report.line)}</blockquote>${report.note ? `<p>${escapeHtml(report.note)}</p>` : ''}<p><a href="${escapeHtml(link)}">Open Waymark to see it</a></p>`,
      });
      return report;
    },

    /** Newest first; one week's when `weekStart` is given. */
    async list(schoolId: string, weekStart?: string): Promise<ConcernReport[]> {
      const inSchool = eq(concernReports.schoolId, schoolId);
      const rows = await db
        .select()
        .from(concernReports)
        .where(
          weekStart
            ? and(inSchool, eq(concernReports.week, weekOf(new Date(`${weekStart}T12:00:00Z`)).label))
            : inSchool,
        )
        .orderBy(desc(concernReports.createdAt))
        .limit(500);
      return rows.map(toReport);
    },

    async settings(schoolId: string) {
      const [row] = await db
        .select({ technicianDigestNamesPupils: schools.technicianDigestNamesPupils })
        .from(schools)
        .where(eq(schools.id, schoolId));
      return { technicianDigestNamesPupils: row?.technicianDigestNamesPupils ?? false };
    },

    async setSettings(schoolId: string, settings: { technicianDigestNamesPupils: boolean }) {
      await db.update(schools).set(settings).where(eq(schools.id, schoolId));
      return settings;
    },
  };
}
export type ConcernService = ReturnType<typeof createConcernService>;
