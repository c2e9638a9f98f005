import { and, asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import {
  FILTER_CHECK_ADDRESSES_MAX,
  STARTER_TEST_ADDRESSES,
  type AddTestAddressBody,
  type ListedTestAddress,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { filterCheckAddresses } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';

/** The test addresses a check sends: the starter set (fixed) and the school's own (added, removed). */
export function createTestAddresses(db: Database) {
  return {
    async list(schoolId: string): Promise<ListedTestAddress[]> {
      const own = await db
        .select()
        .from(filterCheckAddresses)
        .where(eq(filterCheckAddresses.schoolId, schoolId))
        .orderBy(asc(filterCheckAddresses.createdAt));
      return [
        ...STARTER_TEST_ADDRESSES.map((a, i) => ({
          ...a,
          id: `starter-${i}`,
          source: 'starter' as const,
          addedBy: null,
        })),
        ...own.map((a) => ({
          id: a.id,
          url: a.url,
          category: a.category,
          note: a.note,
          source: 'school' as const,
          addedBy: a.addedBy,
        })),
      ];
    },

    async add(who: Staff, body: AddTestAddressBody): Promise<ListedTestAddress> {
      if (STARTER_TEST_ADDRESSES.some((a) => a.url === body.url))
        throw new DomainError('conflict', 'that address is in the starter set already');
      const own = await db
        .select({ id: filterCheckAddresses.id })
        .from(filterCheckAddresses)
        .where(eq(filterCheckAddresses.schoolId, who.schoolId));
      if (STARTER_TEST_ADDRESSES.length + own.length >= FILTER_CHECK_ADDRESSES_MAX)
        throw new DomainError(
          'invalid',
          `a check sends at most ${FILTER_CHECK_ADDRESSES_MAX} test addresses: remove one of the school’s first`,
        );
      const id = uuidv7();
      const inserted = await db
        .insert(filterCheckAddresses)
        .values({ id, schoolId: who.schoolId, ...body, addedBy: who.name })
        .onConflictDoNothing()
        .returning({ id: filterCheckAddresses.id });
      if (inserted.length === 0) throw new DomainError('conflict', 'the school has that address already');
      return { ...body, id, source: 'school', addedBy: who.name };
    },

    async remove(who: Staff, id: string): Promise<void> {
      const removed = await db
        .delete(filterCheckAddresses)
        .where(and(eq(filterCheckAddresses.schoolId, who.schoolId), eq(filterCheckAddresses.id, id)))
        .returning({ id: filterCheckAddresses.id });
      if (removed.length === 0)
        throw new DomainError('not-found', 'no such address of the school’s (the starter set stays)');
    },
  };
}
