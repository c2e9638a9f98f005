import type { Database } from '../../db/open-database';
import { policyChanges } from '../../db/schema';
import type { VersionChanges } from './category-store';

/**
 * A change-control entry for a new version of a category source (subject `categories`): who (the
 * person who uploaded, or who subscribed the feed), why, and the counts added and removed.
 */
export async function recordCategoryChange(
  db: Database,
  entry: {
    schoolId: string;
    staffId: string;
    staffName: string;
    source: { id: string; name: string };
    version: number;
    reason: string;
    changes: VersionChanges;
  },
): Promise<void> {
  const { changes } = entry;
  const summary = [
    `${entry.source.name}: version ${entry.version}, ${changes.added} added, ${changes.removed} removed`,
    ...Object.entries(changes.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, c]) => `${category} sites: +${c.added} −${c.removed}`),
  ];
  await db.insert(policyChanges).values({
    schoolId: entry.schoolId,
    profile: 'categories',
    version: entry.version,
    changedBy: entry.staffId,
    changedByName: entry.staffName,
    reason: entry.reason,
    summary,
    before: null,
    after: {
      source: entry.source.id,
      version: entry.version,
      added: changes.added,
      removed: changes.removed,
    },
  });
}
