import { z } from 'zod';
import { RoleSchema } from '../roles/roles';
import { SeveritySchema, StoredEventSchema } from '../protocol/events';
import { IncidentActionSchema, IncidentCategorySchema, IncidentStatusSchema } from './model';

const isoDate = z.iso.date();
/** An empty query parameter (`?status=`) means "no filter", not "the empty status". */
const optionalParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The incident log's filters (`GET /api/incidents?…`); every one optional, all of them combined with "and". */
export const IncidentListQuerySchema = z
  .object({
    /** Free text: the reference, the description, the outcome, who it is about. */
    q: optionalParam(z.string().trim().max(200, 'search for at most 200 characters')),
    status: optionalParam(IncidentStatusSchema),
    category: optionalParam(IncidentCategorySchema),
    severity: optionalParam(SeveritySchema),
    /** A staff id, or `none` for incidents nobody owns yet. */
    owner: optionalParam(z.string().min(1).max(100)),
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
  schoolId: z.string(),
  reference: z.string(),
  subject: z.enum(['pupil', 'staff']),
  pupilEmail: z.string().nullable(),
  personName: z.string().nullable(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  deviceId: z.string().nullable(),
  category: IncidentCategorySchema,
  severity: SeveritySchema,
  status: IncidentStatusSchema,
  description: z.string(),
  actions: z.array(IncidentActionSchema),
  outcome: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  followUpDate: z.string().nullable(),
  illegal: z.boolean(),
  countersignedBy: z.string().nullable(),
  countersignedByName: z.string().nullable(),
  occurredAt: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type IncidentRecord = z.infer<typeof IncidentRecordSchema>;

/** One entry of an incident's append-only history: who, when, and the change as it was saved. */
export const IncidentHistoryEntrySchema = z.object({
  at: z.string(),
  actorName: z.string(),
  change: z.record(z.string(), z.unknown()),
});
export type IncidentHistoryEntry = z.infer<typeof IncidentHistoryEntrySchema>;

/** `GET /api/incidents/:id`: the record, its history, the linked events (redacted for the viewer). */
export const IncidentDetailSchema = z.object({
  incident: IncidentRecordSchema,
  history: z.array(IncidentHistoryEntrySchema),
  evidence: z.array(StoredEventSchema),
  /** Names of the staff the history refers to by id (owners, countersigners). */
  staffNames: z.record(z.string(), z.string()),
});
export type IncidentDetail = z.infer<typeof IncidentDetailSchema>;

/**
 * `GET /api/incidents/directory`: who an incident can be about or owned by, for the viewer: the
 * pupils of the classes they may watch, and the staff who work with incidents.
 */
export const IncidentDirectorySchema = z.object({
  pupils: z.array(
    z.object({ email: z.string(), name: z.string(), classId: z.string(), className: z.string() }),
  ),
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
});
export type IncidentDirectory = z.infer<typeof IncidentDirectorySchema>;
