import { eq } from 'drizzle-orm';
import {
  can,
  canonicalHost,
  isIllegalCategory,
  urlParts,
  type Category,
  type RequestDecisionBody,
  type RequestStatus,
  type RequestStatusMessage,
  type Staff,
  type StoredEvent,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { lessonOverrides, unblockRequests } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import type { EventService } from '../events';
import type { OverrideService } from './override-service';
import type { PolicyService } from '../policies-and-categories';
import type { StaffService } from '../auth-and-accounts';

export interface DecisionOutcome {
  event: StoredEvent;
  status: RequestStatusMessage;
  /** The class whose devices must get a new policy (an approval opened a site). */
  classToPush: string | null;
}

/** Who may move a request from one status to another. */
function allowedTransition(from: RequestStatus, to: RequestStatus, who: Staff): boolean {
  if (from === 'pending') return true;
  // A forwarded request is the DSL's to approve or deny; decided requests stay decided.
  return from === 'forwarded' && can(who.role, 'watch-all-classes') && to !== 'forwarded';
}

export function createRequestService(deps: {
  db: Database;
  eventService: EventService;
  overrideService: OverrideService;
  policyService: PolicyService;
  staffService: StaffService;
  /** The illegal category the school's lists put a URL in (the category store). */
  illegalCategoryOf: (schoolId: string, url: string) => Promise<Category | null>;
}) {
  const { db } = deps;

  async function statusOf(eventId: string): Promise<{ status: RequestStatus; until: string | null }> {
    const [row] = await db
      .select({ status: unblockRequests.status, endsAt: lessonOverrides.endsAt })
      .from(unblockRequests)
      .leftJoin(lessonOverrides, eq(lessonOverrides.id, unblockRequests.overrideId))
      .where(eq(unblockRequests.eventId, eventId));
    if (!row) return { status: 'pending', until: null };
    return { status: row.status, until: row.endsAt?.toISOString() ?? null };
  }

  /** Whether the device said so or the school's lists say so now (a device's word is not enough). */
  async function isIllegal(event: StoredEvent): Promise<boolean> {
    if (isIllegalCategory(event.category)) return true;
    if (!event.url) return false;
    return (await deps.illegalCategoryOf(event.schoolId, event.url)) !== null;
  }

  return {
    statusOf,

    async decide(
      who: Staff,
      eventId: string,
      body: RequestDecisionBody,
      now = new Date(),
    ): Promise<DecisionOutcome> {
      const event = await deps.eventService.byId(eventId);
      // Same answer for "no such request" and "not your class": ids cannot be probed.
      if (
        !event ||
        event.kind !== 'unblock-request' ||
        event.schoolId !== who.schoolId ||
        !can(who.role, 'lesson-overrides') ||
        (event.classId !== null
          ? !(await deps.staffService.canWatchClass(who, event.classId))
          : !can(who.role, 'watch-all-classes'))
      ) {
        throw new DomainError('not-found', 'no such unblock request');
      }
      const target: RequestStatus =
        body.decision === 'approve-lesson' ? 'approved' : body.decision === 'deny' ? 'denied' : 'forwarded';
      const current = await statusOf(eventId);
      if (!allowedTransition(current.status, target, who)) {
        throw new DomainError('conflict', `this request is already ${current.status}`);
      }
      // docs/architecture.md, "Lesson overrides": an illegal site is never opened, and is the DSL's matter.
      const illegal = await isIllegal(event);
      const isDsl = can(who.role, 'see-illegal-urls');
      if (illegal && (target === 'approved' || (target === 'denied' && !isDsl))) {
        throw new DomainError(
          'illegal-category',
          `a request for a site in an illegal category is never opened; ${isDsl ? 'deny it' : 'forward it to the DSL'}`,
        );
      }
      let until: string | null = null;
      let overrideId: string | null = null;
      if (target === 'approved') {
        if (!event.classId)
          throw new DomainError(
            'conflict',
            'the device is in no class, so there is no lesson to open the site for',
          );
        const host = event.url ? urlParts(event.url)?.host : undefined;
        const site = host ? canonicalHost(host) : null;
        if (!site) throw new DomainError('conflict', 'the request has no web address to open');
        const override = await deps.overrideService.start(
          who.schoolId,
          event.classId,
          who.id,
          {
            kind: 'open',
            sites: [site],
            minutes: body.decision === 'approve-lesson' ? body.minutes : undefined,
          },
          { requestEventId: eventId, now },
        );
        if (!override) throw new DomainError('not-found', 'no such unblock request');
        until = override.endsAt;
        overrideId = override.id;
      }
      const values = {
        status: target,
        decidedBy: who.id,
        decidedAt: now,
        overrideId,
        note: 'note' in body ? (body.note ?? null) : null,
      };
      await db
        .insert(unblockRequests)
        .values({ eventId, schoolId: who.schoolId, ...values })
        .onConflictDoUpdate({ target: unblockRequests.eventId, set: values });
      return {
        event,
        status: {
          requestId: eventId,
          url: illegal ? null : (event.url ?? null),
          status: target,
          until,
          decidedBy: who.name,
        },
        classToPush: target === 'approved' ? event.classId : null,
      };
    },
  };
}
export type RequestService = ReturnType<typeof createRequestService>;
