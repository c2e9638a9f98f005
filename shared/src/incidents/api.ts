import { z } from 'zod';
import { WireInstantSchema } from '../contract/endpoint';
import { calendarDate } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { RoleSchema } from '../roles/roles';
import { SeveritySchema, StoredEventSchema } from '../protocol/events';
import { IncidentActionSchema, IncidentCategorySchema, IncidentStatusSchema } from './model';

const isoDate = calendarDate();
/** An empty query parameter (`?status=`) means "no filter", not "the empty status". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The incident log's filters (`GET /api/incidents?…`); every one optional, all of them combined with "and". */
export const IncidentListQuerySchema = z
  .object({
    /** Free text: the reference, the description, the outcome, who it is about. */
    q: optionalParam(safeText().trim().max(200, 'search for at most 200 characters')),
    status: optionalParam(IncidentStatusSchema),
    category: optionalParam(IncidentCategorySchema),
    severity: optionalParam(SeveritySchema),
    /** A staff id, or `none` for incidents nobody owns yet. */
    owner: optionalParam(safeText().min(1).max(100)),
    /** Occurred on or after / on or before these days (the school's time zone). */
    from: optionalParam(isoDate),
    to: optionalParam(isoDate),
    /** Only incidents still open whose follow-up date is today or earlier. */
    followUpDue: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'the date range ends before it starts (from is after to)',
  });
export type IncidentListQuery = z.infer<typeof IncidentListQuerySchema>;

/** An incident as the server keeps it, with the names the console shows beside the ids. */
export const IncidentRecordSchema = z.object({
  id: z.uuid(),
  schoolId: safeText(),
  reference: safeText(),
  subject: z.enum(['pupil', 'staff']),
  pupilEmail: safeText().nullable(),
  personName: safeText().nullable(),
  classId: safeText().nullable(),
  className: safeText().nullable(),
  deviceId: safeText().nullable(),
  category: IncidentCategorySchema,
  severity: SeveritySchema,
  status: IncidentStatusSchema,
  description: safeText(),
  actions: z.array(IncidentActionSchema),
  outcome: safeText().nullable(),
  ownerId: safeText().nullable(),
  ownerName: safeText().nullable(),
  followUpDate: safeText().nullable(),
  illegal: z.boolean(),
  countersignedBy: safeText().nullable(),
  countersignedByName: safeText().nullable(),
  occurredAt: safeText(),
  createdBy: safeText(),
  createdByName: safeText().nullable(),
  createdAt: safeText(),
});
export type IncidentRecord = z.infer<typeof IncidentRecordSchema>;

/** One entry of an incident's append-only history: who, when, and the change as it was saved. */
export const IncidentHistoryEntrySchema = z.object({
  at: WireInstantSchema,
  actorName: safeText(),
  change: z.record(safeText(), z.unknown()),
});
export type IncidentHistoryEntry = z.infer<typeof IncidentHistoryEntrySchema>;

/** `GET /api/incidents/:id`: the record, its history, the linked events (redacted for the viewer). */
export const IncidentDetailSchema = z.object({
  incident: IncidentRecordSchema,
  history: z.array(IncidentHistoryEntrySchema),
  evidence: z.array(StoredEventSchema),
  /** Names of the staff the history refers to by id (owners, countersigners). */
  staffNames: z.record(safeText(), safeText()),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

/**
 * `GET /api/incidents/directory`: who an incident can be about or owned by, for the viewer: the
 * pupils of the classes they may watch, and the staff who work with incidents.
 */
export const IncidentDirectorySchema = z.object({
  pupils: z.array(
    z.object({ email: safeText(), name: safeText(), classId: safeText(), className: safeText() }),
  ),
  staff: z.array(z.object({ id: safeText(), name: safeText(), role: RoleSchema })),
});
export type IncidentDirectory = z.infer<typeof IncidentDirectorySchema>;
