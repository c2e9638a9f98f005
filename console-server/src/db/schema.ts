import { sql } from 'drizzle-orm';
import type {
  ActionResult,
  Category,
  ChangeLogSubject,
  EventKind,
  GroupKind,
  IncidentAction,
  IncidentCategory,
  IncidentStatus,
  LessonOverride,
  Profile,
  RequestStatus,
  Role,
  Severity,
  DeviceCheckResult,
  DeviceHardening,
  FilterCheckTarget,
  LiveAction,
  OffTaskCategory,
  ProxyChoice,
  TestAddress,
  WebhookDelivery,
} from '@waymark/shared';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A multi-academy trust or local authority: several schools served by one deployment. */
export const trusts = pgTable('trusts', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const schools = pgTable('schools', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The trust the school belongs to, if any: its trust-level staff see it alongside the others. */
  trustId: text('trust_id').references(() => trusts.id),
  /** Domains pupils and staff sign in with (Google Workspace / Microsoft 365): always allowed. */
  signInDomains: jsonb('sign_in_domains')
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  timeZone: text('time_zone').notNull().default('Europe/London'),
  /** Events are purged after this many days (DfE monitoring records; the school decides). */
  eventRetentionDays: integer('event_retention_days').notNull().default(90),
  /** Search keyword lists by category: the starter lists plus what the school imported; null until changed. */
  keywordLists: jsonb('keyword_lists').$type<Partial<Record<string, string[]>>>(),
  /** Closed incidents are purged this long after they were raised (default 6 years; the school decides). */
  incidentRetentionDays: integer('incident_retention_days').notNull().default(2190),
  /** School hours (in `timeZone`), Monday to Friday: devices silent for `silentAfterMinutes` then raise tamper. */
  dayStart: text('day_start').notNull().default('08:30'),
  dayEnd: text('day_end').notNull().default('15:30'),
  silentAfterMinutes: integer('silent_after_minutes').notNull().default(20),
  /** `england` or `wales`: a Welsh school gets Hwb on every profile and Meic first among help sites. */
  country: text('country').notNull().default('england'),
  /** The language of pupils' pages (block page, notices, popup) unless a device's configuration says otherwise. */
  pupilLocale: text('pupil_locale').notNull().default('en'),
  /** The acceptable-use notice a visitor's device shows before its first page; null: Waymark's default. */
  visitorNotice: text('visitor_notice'),
  /** Whether the technician's weekly digest names pupils (the DSL's always does); the school decides. */
  technicianDigestNamesPupils: boolean('technician_digest_names_pupils').notNull().default(false),
  /** An alert nobody has acknowledged after this many minutes goes to the deputy DSL, then the senior leader. */
  alertEscalationMinutes: integer('alert_escalation_minutes').notNull().default(10),
  /** False (the default): the escalation minutes count in school hours only; true: at any hour. */
  alertEscalationAnyTime: boolean('alert_escalation_any_time').notNull().default(false),
  /** True: teachers see live tabs (and screens) only in the class's timetabled lessons and sessions. */
  liveTabsInLessonsOnly: boolean('live_tabs_in_lessons_only').notNull().default(false),
  /** True: a teacher watching their class in a lesson may ask for thumbnails of pupils' screens. */
  screenThumbnails: boolean('screen_thumbnails').notNull().default(false),
  /** The school's own receiver for alerts (HTTPS POST, JSON, signed); null: none. */
  webhookUrl: text('webhook_url'),
  /** The HMAC-SHA256 key the webhook's signature is made with; shown to the DSL once when set. */
  webhookSecret: text('webhook_secret'),
  /** The timetable's periods (HH:MM, school days): a lesson override ends with the period it starts in. */
  periods: jsonb('periods')
    .$type<Array<{ start: string; end: string }>>()
    .notNull()
    .default(
      sql`'[{"start":"08:50","end":"09:50"},{"start":"09:50","end":"10:50"},{"start":"11:05","end":"12:05"},{"start":"13:00","end":"14:00"},{"start":"14:00","end":"15:00"}]'::jsonb`,
    ),
  /** How the school's devices reach the web (`ProxyChoice`): the generated device policy locks it. */
  proxyChoice: jsonb('proxy_choice')
    .$type<ProxyChoice>()
    .notNull()
    .default(sql`'{"mode":"system"}'::jsonb`),
  /** The scheduled filtering check: every this many days (0: off), on this many online devices. */
  filterCheckEveryDays: integer('filter_check_every_days').notNull().default(7),
  filterCheckSampleSize: integer('filter_check_sample_size').notNull().default(5),
  /** The OneRoster org (`orgs.csv` sourcedId) the school's roster imports come from, bound by the first. */
  rosterOrgId: text('roster_org_id'),
  /** 1, or 2 for a two-week timetable (weeks A and B). */
  timetableWeeks: integer('timetable_weeks').notNull().default(1),
  /** A Monday of week 1 (A) of a two-week timetable (`YYYY-MM-DD`). */
  timetableWeekOne: date('timetable_week_one', { mode: 'string' }),
  createdAt: createdAt(),
});

export const staff = pgTable('staff', {
  id: text('id').primaryKey(),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Set by the school admin: the account cannot sign in and its sessions are gone. */
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** A DSL account the admin names as deputy: unacknowledged alerts escalate to it. */
  deputyDsl: boolean('deputy_dsl').notNull().default(false),
  /** The roster sync's id (OneRoster `sourcedId`) of a teacher it brought. */
  externalId: text('external_id'),
  createdAt: createdAt(),
});

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie value: a leaked database does not leak live sessions. */
  tokenHash: text('token_hash').primaryKey(),
  staffId: text('staff_id')
    .notNull()
    .references(() => staff.id),
  createdAt: createdAt(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * A class is a teaching group (docs/architecture.md, "Teaching groups and the timetable"): a
 * primary class, a form group, a set taught in lessons. Pupils belong to any number of them
 * (`groupMembers`); `pupils.classId` is the pupil's home group (form or class), whose profile they
 * enforce unless the group of their current lesson overrides it.
 */
export const classes = pgTable(
  'classes',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    profile: text('profile').$type<Profile>().notNull(),
    /** `class` (a primary class), `form` (a form or year group), `teaching` (a set taught in lessons). */
    kind: text('kind').$type<GroupKind>().notNull().default('class'),
    /** The roster sync's id for it (OneRoster `sourcedId`); null for a group made by hand or the MIS CSV. */
    externalId: text('external_id'),
    /** The profile its pupils enforce during its lessons (a sixth-form group on KS5); null: their own. */
    profileOverride: text('profile_override').$type<Profile>(),
    /** When the roster sync ended it (no longer in the school's roster): kept for history. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('classes_school_external').on(t.schoolId, t.externalId)],
);

export const classTeachers = pgTable(
  'class_teachers',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (t) => [primaryKey({ columns: [t.classId, t.staffId] })],
);

export const pupils = pgTable(
  'pupils',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    /** The pupil's home group (form or class): its profile is theirs outside lessons that override it. */
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    /** The roster sync's id (OneRoster `sourcedId`). */
    externalId: text('external_id'),
    /** The year or grade the roster gives (`07`, `12`), which decides the profile of a generated year group. */
    grade: text('grade'),
    /** A pupil who left: kept (incidents and history stay, retention applies), no longer in any live class. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pupils_school_external').on(t.schoolId, t.externalId)],
);

/** Pupils in teaching groups: any number each (the home group included). */
export const groupMembers = pgTable(
  'group_members',
  {
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.classId, t.pupilId] }), index('group_members_pupil').on(t.pupilId)],
);

/** The school's terms and holidays (`kind` `term` or `holiday`, days inclusive): the timetable runs in term, not on holidays. */
export const schoolCalendar = pgTable(
  'school_calendar',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** OneRoster academicSessions sourcedId, for a term the roster sync brought. */
    externalId: text('external_id'),
  },
  (t) => [index('school_calendar_school').on(t.schoolId, t.startsOn)],
);

/** One lesson of the timetable: a group, a teacher and a room in a period of a day (of week 1 or 2). */
export const timetableLessons = pgTable(
  'timetable_lessons',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    staffId: text('staff_id').references(() => staff.id),
    room: text('room'),
    /** 1 or 2 (weeks A and B of a two-week timetable), or 0: every week. */
    week: integer('week').notNull(),
    /** ISO weekday, 1 (Monday) to 7. */
    weekday: integer('weekday').notNull(),
    period: text('period').notNull(),
    /** Minutes past midnight, school time zone; the lesson is [start, end). */
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [index('timetable_lessons_school_day').on(t.schoolId, t.weekday)],
);

/** A lesson a teacher started for a group (a cover lesson, a lesson off the timetable): it beats the timetable. */
export const classSessions = pgTable(
  'class_sessions',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    startedBy: text('started_by')
      .notNull()
      .references(() => staff.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** A session scheduled ahead and called off before it started: it never claims its pupils. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('class_sessions_school_end').on(t.schoolId, t.endsAt),
    index('class_sessions_class_start').on(t.classId, t.startsAt),
  ],
);

export const enrollmentTokens = pgTable('enrollment_tokens', {
  id: text('id').primaryKey(),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  tokenHash: text('token_hash').notNull().unique(),
  label: text('label').notNull(),
  /** Devices enrolled with this token belong to this class until a signed-in pupil says otherwise. */
  classId: text('class_id').references(() => classes.id),
  /** For devices with no class (staff laptops, a library trolley): the profile they enforce until a signed-in pupil says otherwise. */
  profile: text('profile').$type<Profile>(),
  maxUses: integer('max_uses'),
  uses: integer('uses').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /**
   * A visitor pass: the named visitor the device enrolled with it is used by. Its devices stop at
   * `expiresAt` (the server refuses them and the device enforces it itself, offline too).
   */
  visitorName: text('visitor_name'),
  /** Who issued a visitor pass (a technician or DSL). */
  issuedBy: text('issued_by').references(() => staff.id),
  createdAt: createdAt(),
});

export const devices = pgTable('devices', {
  id: text('id').primaryKey(),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  tokenHash: text('token_hash').notNull().unique(),
  name: text('name').notNull(),
  assetTag: text('asset_tag'),
  classId: text('class_id').references(() => classes.id),
  enrollmentTokenId: text('enrollment_token_id').references(() => enrollmentTokens.id),
  lastUser: text('last_user'),
  lastIp: text('last_ip'),
  extensionVersion: text('extension_version'),
  policyVersion: integer('policy_version'),
  /** From its enrollment token: the profile a device with no class enforces. */
  assignedProfile: text('assigned_profile').$type<Profile>(),
  /** The profile the server last sent this device a policy for (its policy version is compared with that profile's). */
  enforcedProfile: text('enforced_profile').$type<Profile>(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  online: boolean('online').notNull().default(false),
  /** The hardening the device's last heartbeat reported (null: it has not said). */
  hardening: jsonb('hardening').$type<DeviceHardening>(),
  enrolledAt: createdAt(),
});

/** The school's device inventory (asset register), imported by the technician: devices that should enroll. */
export const expectedDevices = pgTable(
  'expected_devices',
  {
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    assetTag: text('asset_tag').notNull(),
    name: text('name').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.assetTag] })],
);

export const policies = pgTable(
  'policies',
  {
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    profile: text('profile').$type<Profile>().notNull(),
    version: integer('version').notNull(),
    /** The shared PolicySchema body, less the per-device parts (always-allowed hosts, overrides). */
    body: jsonb('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.profile] })],
);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    kind: text('kind').$type<EventKind>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    deviceName: text('device_name').notNull(),
    user: text('user_email'),
    pupilName: text('pupil_name'),
    ip: text('ip'),
    classId: text('class_id'),
    className: text('class_name'),
    profile: text('profile').$type<Profile>().notNull(),
    url: text('url'),
    category: text('category').$type<Category>(),
    rule: text('rule'),
    details: jsonb('details').notNull().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('events_class_time').on(t.classId, t.occurredAt),
    index('events_school_time').on(t.schoolId, t.occurredAt),
  ],
);

/** A teacher's lesson override: sites opened for a class, or the class focused on a few. */
export const lessonOverrides = pgTable(
  'lesson_overrides',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    kind: text('kind').$type<LessonOverride['kind']>().notNull(),
    sites: jsonb('sites').$type<string[]>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    /** From an approved unblock request, when it was one. */
    requestEventId: uuid('request_event_id'),
    /** The sites of a session scheduled ahead: they start and end with it. */
    sessionId: text('session_id').references(() => classSessions.id),
    createdAt: createdAt(),
  },
  (t) => [index('overrides_class_end').on(t.classId, t.endsAt)],
);

/** The decision on each unblock request (the request itself is an event). */
export const unblockRequests = pgTable('unblock_requests', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  status: text('status').$type<RequestStatus>().notNull(),
  decidedBy: text('decided_by').references(() => staff.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  overrideId: text('override_id').references(() => lessonOverrides.id),
  note: text('note'),
});

/** The current state of each incident: a projection of its history, rebuilt and checked by verify-log. */
export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    /** Human reference, e.g. INC-2026-0007, numbered per school and year. */
    reference: text('reference').notNull(),
    subject: text('subject').$type<'pupil' | 'staff'>().notNull(),
    pupilEmail: text('pupil_email'),
    personName: text('person_name'),
    classId: text('class_id'),
    deviceId: text('device_id'),
    category: text('category').$type<IncidentCategory>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    status: text('status').$type<IncidentStatus>().notNull(),
    description: text('description').notNull(),
    actions: jsonb('actions').$type<IncidentAction[]>().notNull(),
    outcome: text('outcome'),
    ownerId: text('owner_id').references(() => staff.id),
    followUpDate: text('follow_up_date'),
    illegal: boolean('illegal').notNull().default(false),
    countersignedBy: text('countersigned_by').references(() => staff.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('incidents_school_status').on(t.schoolId, t.status),
    uniqueIndex('incidents_school_reference').on(t.schoolId, t.reference),
  ],
);

/** The events an incident was raised from: its evidence. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.eventId] })],
);

/**
 * Append-only history of every incident of a school, one hash chain per school: each entry's hash
 * covers the previous entry's hash and its own content, so an edited, removed or reordered entry
 * breaks the chain (`npx waymark verify-log`).
 */
export const incidentHistory = pgTable(
  'incident_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    /** Null for the retention job's `purge` entries, which belong to no incident. */
    incidentId: uuid('incident_id').references(() => incidents.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    change: jsonb('change').notNull().$type<Record<string, unknown>>(),
    /** The chain format the entry's hash was made in (features/incidents/hash-chain.ts). */
    version: integer('chain_version').notNull().default(1),
    /** Chain 2: the step's kind and the incident's status after it, hashed with the change's digest. */
    facts: jsonb('facts').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('incident_history_school').on(t.schoolId, t.id)],
);

/** The filtering change-control log: every policy change with who, when, what and why. */
export const policyChanges = pgTable(
  'policy_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    profile: text('profile').$type<ChangeLogSubject>().notNull(),
    version: integer('version').notNull(),
    changedBy: text('changed_by')
      .notNull()
      .references(() => staff.id),
    changedByName: text('changed_by_name').notNull(),
    reason: text('reason').notNull(),
    summary: jsonb('summary').$type<string[]>().notNull(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_changes_school').on(t.schoolId, t.at)],
);

/** Immediate DSL alerts; a burst from one pupil in one category within 10 minutes is one alert with a count. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilKey: text('pupil_key').notNull(),
    pupilLabel: text('pupil_label').notNull(),
    classId: text('class_id'),
    className: text('class_name'),
    topic: text('topic').notNull(),
    count: integer('count').notNull(),
    firstEventId: uuid('first_event_id').notNull(),
    lastEventId: uuid('last_event_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    severity: text('severity').$type<Severity>().notNull().default('high'),
    /** Who the alert is with now: `dsl`, then `deputy-dsl`, then `senior-leader`. */
    escalatedTo: text('escalated_to').notNull().default('dsl'),
    /** When it goes to the next person if nobody has acknowledged it; null: nobody further. */
    escalateAt: timestamp('escalate_at', { withTimezone: true }),
    escalations: jsonb('escalations')
      .$type<Array<{ to: string; at: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: text('acknowledged_by').references(() => staff.id),
    acknowledgedByName: text('acknowledged_by_name'),
  },
  (t) => [
    index('alerts_key').on(t.schoolId, t.pupilKey, t.topic, t.createdAt),
    index('alerts_due')
      .on(t.escalateAt)
      .where(sql`${t.acknowledgedAt} is null`),
  ],
);

/** Each event that has been considered for an alert, once: a re-sent event raises nothing more. */
export const alertEvents = pgTable(
  'alert_events',
  {
    eventId: uuid('event_id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('alert_events_alert').on(t.alertId)],
);

/** Each alert sent (or to be sent) to a school's webhook, with its attempts. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    /** `raised`, `escalated` or `acknowledged`. */
    what: text('what').notNull(),
    url: text('url').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** `pending`, `delivered` or `failed` (given up). */
    status: text('status').$type<WebhookDelivery['status']>().notNull().default('pending'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    nextAt: timestamp('next_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('webhook_deliveries_due')
      .on(t.nextAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_school').on(t.schoolId, t.createdAt),
  ],
);

/** A flagged event the DSL marked as a false positive, and the phrases that matched it. */
export const falsePositives = pgTable('false_positives', {
  eventId: uuid('event_id').primaryKey(),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  markedBy: text('marked_by')
    .notNull()
    .references(() => staff.id),
  markedByName: text('marked_by_name').notNull(),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  phrases: jsonb('phrases')
    .$type<Array<{ category: string; phrase: string }>>()
    .notNull()
    .default(sql`'[]'::jsonb`),
});

/** How often each phrase flagged an event at a school, and how many of those the DSL called false. */
export const phraseCounts = pgTable(
  'phrase_counts',
  {
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    category: text('category').notNull(),
    phrase: text('phrase').notNull(),
    hits: integer('hits').notNull().default(0),
    falsePositives: integer('false_positives').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'phrase_counts_pk', columns: [t.schoolId, t.category, t.phrase] })],
);

/** Weekly digests sent, so a restart never sends one twice. */
export const digestsSent = pgTable(
  'digests_sent',
  {
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    week: text('week').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    recipients: integer('recipients').notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.week] })],
);

/**
 * "Any cause for concern is reported to the headteacher": a line of the weekly digest someone
 * reported to the school's senior leaders, who reported it, when, and to whom.
 */
export const concernReports = pgTable(
  'concern_reports',
  {
    id: uuid('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    /** The ISO week of the digest the line is from, e.g. 2026-W49. */
    week: text('week').notNull(),
    /** The digest line as the reporter saw it. */
    line: text('line').notNull(),
    note: text('note'),
    reportedBy: text('reported_by')
      .notNull()
      .references(() => staff.id),
    reportedByName: text('reported_by_name').notNull(),
    /** The senior leaders it went to (names and e-mails as they were). */
    reportedTo: jsonb('reported_to').$type<Array<{ id: string; name: string; email: string }>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('concern_reports_school').on(t.schoolId, t.createdAt)],
);

/** What the retention job purged and every subject-access export or erasure: who, when, how many. */
export const dataProtectionLog = pgTable(
  'data_protection_log',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    /** Staff member, or null for the scheduled retention job. */
    actorId: text('actor_id'),
    subject: text('subject'),
    count: integer('count').notNull(),
    detail: jsonb('detail').notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index('data_protection_log_school').on(t.schoolId, t.at)],
);

/** Sign-in attempts in flight with a school's identity provider (state → PKCE verifier and nonce). */
export const oidcStates = pgTable('oidc_states', {
  state: text('state').primaryKey(),
  provider: text('provider').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: createdAt(),
});

/**
 * Scheduled jobs (retention, silent devices, weekly digest) run on one process at a time when
 * several share the database: a process runs a job only while it holds the job's lease.
 */
export const jobLeases = pgTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull(),
});

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * `@socket.io/postgres-adapter`'s table for messages between processes too large for a NOTIFY
 * (over 8,000 bytes, e.g. a policy push); the adapter deletes rows older than 30 seconds.
 */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  createdAt: createdAt(),
  payload: bytea('payload'),
});

/**
 * What teachers did to pupils' browsers in the live class (close, open, message, lock, unlock):
 * who, what, which devices, when, and how each device answered. The DSL reads it.
 */
export const liveActions = pgTable(
  'live_actions',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    staffName: text('staff_name').notNull(),
    kind: text('kind').notNull(),
    action: jsonb('action').$type<LiveAction>().notNull(),
    deviceIds: jsonb('device_ids').$type<string[]>().notNull(),
    results: jsonb('results').$type<ActionResult[]>().notNull(),
    until: timestamp('until', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('live_actions_class_idx').on(t.schoolId, t.classId, t.createdAt)],
);

/** A pupil's one answer to a teacher's message. */
export const liveActionReplies = pgTable(
  'live_action_replies',
  {
    actionId: text('action_id')
      .notNull()
      .references(() => liveActions.id, { onDelete: 'cascade' }),
    deviceId: text('device_id').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.deviceId] })],
);

/**
 * Filtering checks (DfE: checks recorded): who ran one, when, on what, with which test addresses,
 * and what each device answered. Kept as run; follow-ups say what was done about failures.
 */
export const filterChecks = pgTable(
  'filter_checks',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    /** Null for the scheduled check. */
    staffId: text('staff_id').references(() => staff.id),
    staffName: text('staff_name'),
    scheduled: boolean('scheduled').notNull().default(false),
    target: jsonb('target').$type<FilterCheckTarget>().notNull(),
    targetLabel: text('target_label').notNull(),
    addresses: jsonb('addresses').$type<TestAddress[]>().notNull(),
    devices: jsonb('devices').$type<DeviceCheckResult[]>().notNull(),
    failures: integer('failures').notNull().default(0),
    gaps: integer('gaps').notNull().default(0),
    notChecked: integer('not_checked').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('filter_checks_school_idx').on(t.schoolId, t.startedAt)],
);

/** What a person did about a check's failures (a note; `resolved` closes them). */
export const filterCheckFollowUps = pgTable(
  'filter_check_follow_ups',
  {
    id: text('id').primaryKey(),
    checkId: text('check_id')
      .notNull()
      .references(() => filterChecks.id, { onDelete: 'cascade' }),
    schoolId: text('school_id').notNull(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    staffName: text('staff_name').notNull(),
    note: text('note').notNull(),
    resolved: boolean('resolved').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('filter_check_follow_ups_check_idx').on(t.checkId, t.createdAt)],
);

/** The school's own test addresses, beside the starter set (e.g. its network filter provider's). */
export const filterCheckAddresses = pgTable(
  'filter_check_addresses',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    url: text('url').notNull(),
    category: text('category').$type<TestAddress['category']>().notNull(),
    note: text('note').notNull(),
    addedBy: text('added_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('filter_check_addresses_school_url_idx').on(t.schoolId, t.url)],
);

/**
 * The annual review of filtering and monitoring (DfE standards): a pack for one school year,
 * prepared as a draft, then signed off by the senior leader and a governor. Its content is the
 * canonical JSON that `content_hash` (SHA-256) covers; once both have signed (`status` 'signed')
 * the database refuses to change or delete it (a trigger, migration 0021).
 */
export const reviewPacks = pgTable(
  'review_packs',
  {
    id: uuid('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    /** The school year starting on 1 September of this year. */
    year: integer('year').notNull(),
    /** `draft` or `signed`. */
    status: text('status').$type<'draft' | 'signed'>().notNull().default('draft'),
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
    preparedBy: text('prepared_by')
      .notNull()
      .references(() => staff.id),
    preparedByName: text('prepared_by_name').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('review_packs_school_year').on(t.schoolId, t.year)],
);

/** Who signed a review pack, as which role, when, and the content hash they signed. */
export const reviewPackSignatures = pgTable(
  'review_pack_signatures',
  {
    packId: uuid('pack_id')
      .notNull()
      .references(() => reviewPacks.id),
    /** `senior-leader` or `governor`: one signature of each. */
    role: text('role').notNull(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
    staffName: text('staff_name').notNull(),
    contentHash: text('content_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.packId, t.role] }),
    uniqueIndex('review_pack_signatures_person').on(t.packId, t.staffId),
  ],
);

/**
 * Category lists, apart from policies: one row per source (the starter data is built in; manual
 * uploads and feeds are rows), each at a version whose hash devices check.
 */
export const categorySources = pgTable(
  'category_sources',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    /** `manual` (uploads, added to) or `feed` (fetched from `url`, replaced at each version). */
    kind: text('kind').$type<'manual' | 'feed'>().notNull(),
    /** `ut1`, `hosts`, `domains`, `chrome`, or `mixed` (several uploads). */
    format: text('format').notNull(),
    url: text('url'),
    /** The category of a single-list format (hosts, domains, chrome). */
    category: text('category').$type<Category>(),
    /** A UT1 feed's folder → category choices, over the default map. */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    version: integer('version').notNull().default(0),
    /**
     * Multiset hash of the version's entries per category (shared `CategoryHash`; a device's
     * categories combine by `combineCategoryHashes`); null until first computed.
     */
    hashes: jsonb('hashes').$type<Record<string, string>>(),
    /** Entries per category in the version. */
    counts: jsonb('counts').$type<Record<string, number>>(),
    entryCount: integer('entry_count').notNull().default(0),
    etag: text('etag'),
    lastModified: text('last_modified'),
    maxBytes: bigint('max_bytes', { mode: 'number' }),
    /**
     * `ok`, `failed` (the last fetch failed: the last good version stays), `awaiting-confirmation`,
     * or `legacy` (lists moved from policies by migration 0023, not yet made a version).
     */
    status: text('status')
      .$type<'ok' | 'failed' | 'awaiting-confirmation' | 'legacy' | 'adopting'>()
      .notNull()
      .default('ok'),
    lastError: text('last_error'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    /** Deltas reach back to this version at most (a version with too many changes starts afresh). */
    deltaFloor: integer('delta_floor').notNull().default(0),
    /** A version staged but not swapped in (a shrink or growth past the limits waits for a person). */
    pendingVersion: integer('pending_version'),
    pendingSummary: jsonb('pending_summary'),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('category_sources_school_name').on(t.schoolId, t.name)],
);

/**
 * A version's entries, sorted by key (the host's labels reversed, a tab, the entry) in chunks of
 * about a thousand, newline-joined: a million domains is a thousand rows, written and read fast;
 * a URL's host is found by the chunk whose key range holds it.
 */
export const categoryChunks = pgTable(
  'category_chunks',
  {
    sourceId: text('source_id')
      .notNull()
      .references(() => categorySources.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    category: text('category').notNull(),
    seq: integer('seq').notNull(),
    firstKey: text('first_key').notNull(),
    lastKey: text('last_key').notNull(),
    count: integer('count').notNull(),
    entries: text('entries').notNull(),
  },
  (t) => [
    primaryKey({ name: 'category_chunks_pk', columns: [t.sourceId, t.version, t.category, t.seq] }),
    index('category_chunks_last_key').on(t.sourceId, t.version, t.category, t.lastKey),
  ],
);

/** Sorted runs of an import too large to sort in memory at once, merged into chunks, then dropped. */
export const categoryRuns = pgTable(
  'category_runs',
  {
    sourceId: text('source_id')
      .notNull()
      .references(() => categorySources.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    run: integer('run').notNull(),
    category: text('category').notNull(),
    seq: integer('seq').notNull(),
    entries: text('entries').notNull(),
  },
  (t) => [
    primaryKey({ name: 'category_runs_pk', columns: [t.sourceId, t.version, t.run, t.category, t.seq] }),
  ],
);

/** Lists that were embedded in policies before the store (migration 0023), made a version on first use. */
export const categoryLegacyEntries = pgTable('category_legacy_entries', {
  sourceId: text('source_id')
    .notNull()
    .references(() => categorySources.id, { onDelete: 'cascade' }),
  category: text('category').notNull(),
  entry: text('entry').notNull(),
});

/** What each version of a source added and removed: devices' deltas. */
export const categoryChanges = pgTable(
  'category_changes',
  {
    sourceId: text('source_id')
      .notNull()
      .references(() => categorySources.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    category: text('category').notNull(),
    entry: text('entry').notNull(),
    added: boolean('added').notNull(),
  },
  (t) => [index('category_changes_version').on(t.sourceId, t.version)],
);

/** The categories a teacher marked off task for a class's lesson (until the lesson ends). */
export const lessonOffTask = pgTable('lesson_off_task', {
  classId: text('class_id')
    .primaryKey()
    .references(() => classes.id),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  categories: jsonb('categories').$type<OffTaskCategory[]>().notNull(),
  staffId: text('staff_id').notNull(),
  until: timestamp('until', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A pupil's site visits in a lesson, from the active tab while the class was watched (never an
 * address in an illegal category); purged with events.
 */
export const lessonTimeline = pgTable(
  'lesson_timeline',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    classId: text('class_id')
      .notNull()
      .references(() => classes.id),
    deviceId: text('device_id').notNull(),
    /** `pupilKeyOf`: the pupil's e-mail, else `device:<id>`. */
    pupilKey: text('pupil_key').notNull(),
    site: text('site').notNull(),
    title: text('title'),
    category: text('category'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('lesson_timeline_pupil_idx').on(t.schoolId, t.classId, t.pupilKey, t.startedAt),
    index('lesson_timeline_school_time_idx').on(t.schoolId, t.startedAt),
  ],
);
