import { eq } from 'drizzle-orm';
import type { ComplianceReport, DeviceHealthReport, Policy } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { policies } from '../../db/schema';
import type { EvidenceContext, EvidenceProvider } from './evidence';
import { DEFAULT_PROVIDERS } from './providers';

const DAY = 86_400_000;
/** Event figures count over the last 30 days. */
const WINDOW_DAYS = 30;

/** Runs once, then answers the same promise (one device-health report for all providers). */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | null = null;
  return () => (result ??= fn());
}

/**
 * The compliance screen: every provider's evidence for a school, now. Figures only: no pupil is
 * named (governors read it).
 */
export function createComplianceService({
  db,
  deviceHealth,
  providers = DEFAULT_PROVIDERS,
}: {
  db: Database;
  deviceHealth: (schoolId: string, now: Date) => Promise<DeviceHealthReport>;
  providers?: readonly EvidenceProvider[];
}) {
  function context(schoolId: string, now: Date): EvidenceContext {
    return {
      db,
      schoolId,
      now,
      windowDays: WINDOW_DAYS,
      since: new Date(now.getTime() - WINDOW_DAYS * DAY),
      deviceHealth: once(() => deviceHealth(schoolId, now)),
      policies: once(async () =>
        (await db.select().from(policies).where(eq(policies.schoolId, schoolId))).map((row) => {
          const body = row.body as Policy;
          return { profile: row.profile, body: { ...body, safeSearch: body.safeSearch ?? true } };
        }),
      ),
    };
  }

  return {
    async report(schoolId: string, now = new Date()): Promise<ComplianceReport> {
      const ctx = context(schoolId, now);
      const items = [];
      // One after another: they share the context's reads, and PGlite runs one query at a time anyway.
      for (const provider of providers) items.push(await provider.collect(ctx));
      return { generatedAt: now.toISOString(), windowDays: WINDOW_DAYS, items };
    },
  };
}
export type ComplianceService = ReturnType<typeof createComplianceService>;
