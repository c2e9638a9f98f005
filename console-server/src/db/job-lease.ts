import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from './open-database';
import { jobLeases } from './schema';

/**
 * Scheduled jobs with several processes on one database: each run first takes (or renews) the
 * job's lease, and only the process holding it runs the job. The holder renews it at every run,
 * so one process keeps the job while it lives; when it stops, the lease runs out and another
 * process takes the job over. One process alone always holds every lease.
 */
export function createJobLeases(db: Database, holder = `${os.hostname()}:${process.pid}:${randomUUID()}`) {
  async function take(name: string, leaseMs: number): Promise<boolean> {
    const until = new Date(Date.now() + leaseMs);
    const rows = await db
      .insert(jobLeases)
      .values({ name, holder, until })
      .onConflictDoUpdate({
        target: jobLeases.name,
        set: { holder, until },
        setWhere: sql`${jobLeases.until} < now() or ${jobLeases.holder} = ${holder}`,
      })
      .returning({ name: jobLeases.name });
    return rows.length > 0;
  }

  return {
    holder,
    /** Runs `job` when this process holds the lease (taken or renewed now); false when another does. */
    async runExclusive(name: string, leaseMs: number, job: () => Promise<unknown>): Promise<boolean> {
      if (!(await take(name, leaseMs))) return false;
      await job();
      return true;
    },
    /** Gives up every lease this process holds (a clean stop), so another process takes over at once. */
    async release(): Promise<void> {
      await db.delete(jobLeases).where(sql`${jobLeases.holder} = ${holder}`);
    },
  };
}
