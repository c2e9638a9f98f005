import type { Application } from '../app';
import { createJobLeases } from '../db/job-lease';
import type { Database } from '../db/open-database';
import { sendWeeklyDigests } from '../features/reports';
import type { Mailer } from '../features/alerts';

/**
 * Scheduled jobs run on one process of the deployment at a time (each holds a lease on the job
 * that it renews at every run; another process takes over when it stops).
 */
export function startScheduledJobs({
  db,
  mailer,
  services,
  consoleUrl,
  alertCheckEveryMs = 15_000,
  webhookCheckEveryMs = 5_000,
}: {
  db: Database;
  mailer: Mailer;
  services: Application['services'];
  /** The console's own address: links in e-mails point here. */
  consoleUrl: string;
  /** How often unacknowledged alerts are checked for escalation (end-to-end tests check more often). */
  alertCheckEveryMs?: number;
  /** How often due webhook retries are made. */
  webhookCheckEveryMs?: number;
}) {
  const leases = createJobLeases(db);
  const timers: NodeJS.Timeout[] = [];
  function schedule(name: string, everyMs: number, job: () => Promise<unknown>, atStart = false) {
    const run = () =>
      leases
        .runExclusive(name, 2 * everyMs, job)
        .catch((error: unknown) => console.error(`waymark: ${name} failed`, error));
    if (atStart) void run();
    timers.push(setInterval(() => void run(), everyMs).unref());
  }

  // The weekly digest goes to each school's DSLs and technicians on Monday; checked hourly, sent once per week.
  schedule('weekly-digest', 60 * 60 * 1000, () =>
    sendWeeklyDigests({ db, mailer, reports: services.reportService, consoleUrl }),
  );
  // Devices silent during school hours raise tamper; checked every minute.
  schedule('silent-devices', 60_000, () => services.checkSilentDevices());
  // Alerts nobody acknowledged in the school's time go to the deputy DSL, then the senior leader.
  // The lease keeps it to one process; each escalation is also a conditional update, so a lease
  // changing hands mid-run cannot send one twice.
  schedule('alert-escalation', alertCheckEveryMs, () => services.escalateAlerts(), true);
  // Schools' webhooks: deliveries that failed are retried with backoff, by one process.
  schedule('webhook-deliveries', webhookCheckEveryMs, () => services.deliverWebhooks());
  // Filtering checks: each school's (weekly by default) runs in its school hours on a sample of
  // online devices; checked hourly, once per interval. A device allowing what its policy blocks
  // raises an alert.
  schedule('filter-checks', 60 * 60 * 1000, () => services.runScheduledFilterChecks());
  // Category feeds: each fetched once a day (conditional requests); checked hourly and at start.
  schedule('category-feeds', 60 * 60 * 1000, () => services.feedService.refreshDue(), true);
  // Retention: events older than each school's period are purged daily (and at start), and logged.
  schedule('retention', 24 * 60 * 60 * 1000, () => services.dataProtection.purgeExpired(), true);

  return {
    /** Stops the timers and hands the leases back, so another process takes the jobs at once. */
    async stop(): Promise<void> {
      for (const timer of timers) clearInterval(timer);
      await leases.release();
    },
  };
}
