import { and, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import {
  ATTENTION_LIMIT,
  can,
  isIllegalCategory,
  gridPupilOf,
  type ClassRoster,
  type LastPage,
  type RosterPupil,
  type Staff,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, devices, events, pupils, schools, unblockRequests } from '../../db/schema';
import { redactFor, type EventService } from '../events';
import { currentPeriod, UNTIMETABLED_WINDOW_MS } from './lesson-period';
import type { PlacementService } from '../teaching-groups';

/**
 * The live class grid's starting state: every pupil of the class and every device that reports
 * to it, with what they did since the lesson started. The console adds what arrives after
 * `asOf` from the `/console` socket.
 */
export function createRosterService({
  db,
  eventService,
  placement,
}: {
  db: Database;
  eventService: EventService;
  placement: PlacementService;
}) {
  return {
    /** Null when the class is not the school's (callers check the viewer may watch it). */
    async roster(who: Staff, classId: string, now = new Date()): Promise<ClassRoster | null> {
      const [klass] = await db
        .select({
          id: classes.id,
          name: classes.name,
          profile: classes.profile,
          periods: schools.periods,
          timeZone: schools.timeZone,
          tabsInLessonsOnly: schools.liveTabsInLessonsOnly,
          screenThumbnails: schools.screenThumbnails,
        })
        .from(classes)
        .innerJoin(schools, eq(schools.id, classes.schoolId))
        .where(and(eq(classes.id, classId), eq(classes.schoolId, who.schoolId)));
      if (!klass) return null;
      // docs/architecture.md, "Teaching groups and the timetable": the pupils in the group's lesson
      // now (a session a teacher started, else the timetable), or with no lesson, those at home in it.
      const clockNow = placement.clock();
      const shift = now.getTime() - clockNow.getTime();
      const group = await placement.inGroup(who.schoolId, classId, clockNow);
      const here = [...group.placements.entries()].filter(([, p]) => p.classId === classId);
      const away = [...group.placements.entries()].filter(([, p]) => p.classId !== classId);
      const period = group.lesson
        ? {
            startsAt: new Date(group.lesson.startsAt.getTime() + shift),
            endsAt: new Date(group.lesson.endsAt.getTime() + shift),
          }
        : currentPeriod(klass.periods, klass.timeZone, now);
      const lessonStart = period?.startsAt ?? new Date(now.getTime() - UNTIMETABLED_WINDOW_MS);
      const inLesson = and(
        eq(events.schoolId, who.schoolId),
        eq(events.classId, classId),
        gte(events.occurredAt, lessonStart),
        lte(events.receivedAt, now),
      );

      const hereIds = here.map(([id]) => id);
      const hereEmails = here.map(([, p]) => p.email);
      const classPupils = hereIds.length
        ? await db
            .select({ name: pupils.name, email: pupils.email })
            .from(pupils)
            .where(and(eq(pupils.schoolId, who.schoolId), inArray(pupils.id, hereIds)))
            .orderBy(pupils.name)
        : [];

      // A device reports to the lesson of the pupil signed in to it, else to the class it was enrolled for.
      const classDevices = await db
        .select({
          id: devices.id,
          name: devices.name,
          online: devices.online,
          lastSeenAt: devices.lastSeenAt,
          lastUser: devices.lastUser,
          pupilName: pupils.name,
        })
        .from(devices)
        .leftJoin(
          pupils,
          and(
            eq(pupils.email, devices.lastUser),
            eq(pupils.schoolId, devices.schoolId),
            isNull(pupils.archivedAt),
          ),
        )
        .where(
          and(
            eq(devices.schoolId, who.schoolId),
            or(
              ...(hereEmails.length ? [inArray(pupils.email, hereEmails)] : []),
              and(isNull(pupils.id), eq(devices.classId, classId)),
            ),
          ),
        )
        .orderBy(devices.name);

      const awayIds = away.map(([id]) => id);
      const awayNames = awayIds.length
        ? await db
            .select({ id: pupils.id, name: pupils.name, email: pupils.email })
            .from(pupils)
            .where(inArray(pupils.id, awayIds))
        : [];
      const otherGroups = new Map(
        awayIds.length
          ? (
              await db
                .select({ id: classes.id, name: classes.name })
                .from(classes)
                .where(
                  and(
                    eq(classes.schoolId, who.schoolId),
                    inArray(classes.id, [...new Set(away.map(([, p]) => p.classId))]),
                  ),
                )
            ).map((c) => [c.id, c.name])
          : [],
      );
      const awayById = new Map(away);
      // Only those another lesson took: at home elsewhere is not "in another lesson".
      const elsewhere = awayNames
        .flatMap((p) => {
          const placed = awayById.get(p.id)!;
          return placed.source === 'home'
            ? []
            : [
                {
                  name: p.name,
                  email: p.email,
                  className: otherGroups.get(placed.classId) ?? '',
                  source: placed.source,
                },
              ];
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));

      const counts = await db
        .select({
          user: events.user,
          deviceId: events.deviceId,
          deviceName: sql<string>`max(${events.deviceName})`,
          pupilName: sql<string | null>`max(${events.pupilName})`,
          kind: events.kind,
          // A blocked report folds repeats of the same page: each repeat is an attempt.
          total: sql<number>`sum(case when ${events.kind} = 'blocked' then coalesce((${events.details}->>'repeats')::int, 1) else 1 end)::int`,
        })
        .from(events)
        .where(and(inLesson, inArray(events.kind, ['blocked', 'concern'])))
        .groupBy(events.user, events.deviceId, events.kind);

      const requests = await db
        .select({
          id: events.id,
          user: events.user,
          deviceId: events.deviceId,
          deviceName: events.deviceName,
          pupilName: events.pupilName,
          status: unblockRequests.status,
          occurredAt: events.occurredAt,
        })
        .from(events)
        .leftJoin(unblockRequests, eq(unblockRequests.eventId, events.id))
        .where(
          and(
            inLesson,
            eq(events.kind, 'unblock-request'),
            or(isNull(unblockRequests.status), inArray(unblockRequests.status, ['pending', 'forwarded'])),
          ),
        )
        .orderBy(events.occurredAt);

      const concerns = await db
        .select({ id: events.id, occurredAt: events.occurredAt })
        .from(events)
        .where(and(inLesson, eq(events.kind, 'concern')))
        .orderBy(desc(events.occurredAt))
        .limit(ATTENTION_LIMIT);
      const attentionIds = [...concerns, ...requests]
        .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
        .slice(0, ATTENTION_LIMIT)
        .map((e) => e.id);
      const attention = [];
      for (const id of attentionIds) {
        const event = await eventService.byId(id);
        if (event) attention.push(redactFor(who.role, event));
      }

      const pageKey = sql<string>`coalesce(${events.user}, 'device:' || ${events.deviceId})`;
      const lastPages = await db
        .selectDistinctOn([pageKey], {
          id: events.id,
          user: events.user,
          deviceId: events.deviceId,
          deviceName: events.deviceName,
          pupilName: events.pupilName,
          url: events.url,
          category: events.category,
          details: events.details,
          occurredAt: events.occurredAt,
        })
        .from(events)
        .where(and(inLesson, isNotNull(events.url)))
        .orderBy(pageKey, desc(events.occurredAt), desc(events.id));

      const tiles = new Map<string, RosterPupil>();
      const tile = ({
        key,
        name,
        email,
      }: {
        key: string;
        name: string;
        email: string | null;
      }): RosterPupil => {
        let found = tiles.get(key);
        if (!found) {
          found = {
            key,
            name,
            email,
            devices: [],
            lastPage: null,
            blocked: 0,
            concerns: 0,
            openRequests: [],
          };
          tiles.set(key, found);
        }
        return found;
      };
      for (const p of classPupils) tile({ key: p.email, name: p.name, email: p.email });
      for (const d of classDevices) {
        const pupil = { user: d.lastUser, deviceId: d.id, deviceName: d.name, pupilName: d.pupilName };
        tile(gridPupilOf(pupil)).devices.push({
          id: d.id,
          name: d.name,
          online: d.online,
          lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
        });
      }
      // The group's pupils in another lesson now are not on its grid, whatever they did here earlier.
      const awayEmails = new Set(away.map(([, p]) => p.email));
      const eventTile = (e: {
        user: string | null;
        deviceId: string;
        deviceName: string;
        pupilName: string | null;
      }) => tile(gridPupilOf(e));
      const shown = (e: { user: string | null }) => !(e.user && awayEmails.has(e.user));
      for (const c of counts) {
        if (!shown(c)) continue;
        const t = eventTile(c);
        if (c.kind === 'blocked') t.blocked += c.total;
        else t.concerns += c.total;
      }
      for (const r of requests) {
        if (!shown(r)) continue;
        eventTile(r).openRequests.push({ id: r.id, status: r.status ?? 'pending' });
      }
      const seeIllegal = can(who.role, 'see-illegal-urls');
      for (const p of lastPages) {
        if (!shown(p)) continue;
        const hidden = isIllegalCategory(p.category) && !seeIllegal;
        const page: LastPage = {
          eventId: p.id,
          url: hidden ? null : p.url,
          urlHidden: hidden,
          query: !hidden && typeof p.details.query === 'string' ? p.details.query : null,
          at: p.occurredAt.toISOString(),
        };
        eventTile(p).lastPage = page;
      }

      return {
        classId: klass.id,
        className: klass.name,
        profile: klass.profile,
        asOf: now.toISOString(),
        lesson: {
          startsAt: lessonStart.toISOString(),
          endsAt: period?.endsAt.toISOString() ?? null,
          inTimetable: period !== null,
          source: group.lesson?.source ?? 'none',
          room: group.lesson?.room ?? null,
          period: group.lesson?.period ?? null,
        },
        pupils: [...tiles.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
        // As the watch gate decides: devices are not asked for tabs outside the class's lessons.
        tabState: klass.tabsInLessonsOnly && !group.lesson ? 'outside-lessons' : 'shown',
        // As the screen relay decides when a console asks (`LiveSettingsService.screensAllowed`).
        screens: !klass.screenThumbnails ? 'off' : group.lesson ? 'available' : 'outside-lessons',
        elsewhere,
        attention,
      };
    },
  };
}
export type RosterService = ReturnType<typeof createRosterService>;
