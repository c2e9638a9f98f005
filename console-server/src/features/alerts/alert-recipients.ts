import { and, eq, isNull } from 'drizzle-orm';
import type { AlertRecipient } from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { staff } from '../../db/schema';

export interface Recipient {
  id: string;
  email: string;
  name: string;
}

/**
 * The accounts an alert is with at each step: the DSLs (not the deputies, unless the school has
 * named no one else), the deputy DSLs, then the senior leaders. Disabled accounts are nobody.
 */
export async function recipientsOf(db: Database, schoolId: string, to: AlertRecipient): Promise<Recipient[]> {
  const role = to === 'senior-leader' ? 'senior-leader' : 'dsl';
  const rows = await db
    .select({ id: staff.id, email: staff.email, name: staff.name, deputyDsl: staff.deputyDsl })
    .from(staff)
    .where(and(eq(staff.schoolId, schoolId), eq(staff.role, role), isNull(staff.disabledAt)));
  const pick = (r: (typeof rows)[number]): Recipient => ({ id: r.id, email: r.email, name: r.name });
  if (to === 'senior-leader') return rows.map(pick);
  if (to === 'deputy-dsl') return rows.filter((r) => r.deputyDsl).map(pick);
  const leads = rows.filter((r) => !r.deputyDsl);
  return (leads.length ? leads : rows).map(pick);
}

/** Who an unacknowledged alert goes to after `from`: the next step that has someone in it, or nobody. */
export async function nextRecipient(
  db: Database,
  schoolId: string,
  from: AlertRecipient,
): Promise<{ to: AlertRecipient; people: Recipient[] } | null> {
  const order: AlertRecipient[] = ['dsl', 'deputy-dsl', 'senior-leader'];
  for (const to of order.slice(order.indexOf(from) + 1)) {
    const people = await recipientsOf(db, schoolId, to);
    if (people.length) return { to, people };
  }
  return null;
}
