import { and, asc, eq, isNull } from 'drizzle-orm';
import { staff } from '../../../db/schema';
import type { EvidenceProvider } from '../evidence';

/** DfE: governors, a senior leader, the DSL and IT staff are named for filtering and monitoring. */
export const namedRoles: EvidenceProvider = {
  id: 'named-roles',
  async collect({ db, schoolId }) {
    const rows = await db
      .select({ name: staff.name, role: staff.role, deputy: staff.deputyDsl })
      .from(staff)
      .where(and(eq(staff.schoolId, schoolId), isNull(staff.disabledAt)))
      .orderBy(asc(staff.name));
    const named = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).map((r) => r.name);
    const roles = {
      dsl: named((r) => r.role === 'dsl' && !r.deputy),
      deputyDsl: named((r) => r.role === 'dsl' && r.deputy),
      seniorLeader: named((r) => r.role === 'senior-leader'),
      governor: named((r) => r.role === 'governor'),
      technician: named((r) => r.role === 'technician'),
    };
    // A school whose only DSL is marked deputy still has a DSL.
    const missing = (['dsl', 'seniorLeader', 'governor'] as const).filter((k) =>
      k === 'dsl' ? roles.dsl.length + roles.deputyDsl.length === 0 : roles[k].length === 0,
    );
    const figures = Object.entries(roles).map(([key, value]) => ({ key, value }));
    if (missing.length > 0)
      return {
        id: 'named-roles',
        standard: 'roles',
        status: 'not-met',
        reason: 'missing',
        figures: [{ key: 'missing', value: missing }, ...figures],
        fix: null,
      };
    return {
      id: 'named-roles',
      standard: 'roles',
      status: roles.deputyDsl.length === 0 ? 'at-risk' : 'met',
      reason: roles.deputyDsl.length === 0 ? 'no-deputy' : 'named',
      figures,
      fix: null,
    };
  },
};
