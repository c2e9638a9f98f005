import { z } from 'zod';
import { calendarDate, instant } from '../time/calendar-date';
import { safeText } from '../text/safe-text';
import { SeveritySchema } from '../protocol/events';
import { IncidentCategorySchema } from './kinds';

/**
 * Actions from the schools' incident-response matrices (shared/seeds): the pupils' table and,
 * for incidents involving staff, the staff table.
 */
export const PUPIL_ACTIONS = {
  'refer-class-teacher': 'Refer to class teacher / tutor',
  'refer-online-safety-lead': 'Refer to online-safety lead',
  'refer-ict-coordinator': 'Refer to ICT coordinator',
  'refer-headteacher': 'Refer to headteacher',
  'refer-dsl': 'Refer to designated safeguarding lead',
  'refer-police': 'Refer to police',
  'refer-technical-support': 'Refer to technical support (filtering / security)',
  'inform-parents': 'Inform parents / carers',
  'removal-of-access': 'Removal of network / internet access rights',
  warning: 'Warning',
  'further-sanction': 'Further sanction (e.g. detention / exclusion)',
} as const;

export const STAFF_ACTIONS = {
  'refer-line-manager': 'Refer to line manager',
  'refer-headteacher': 'Refer to headteacher',
  'refer-la-hr': 'Refer to local authority / HR',
  'refer-police': 'Refer to police',
  'refer-technical-support': 'Refer to technical support (filtering / security)',
  warning: 'Warning',
  suspension: 'Suspension',
  disciplinary: 'Disciplinary action',
} as const;

export const INCIDENT_ACTIONS = { ...PUPIL_ACTIONS, ...STAFF_ACTIONS };
export type IncidentAction = keyof typeof INCIDENT_ACTIONS;
export const IncidentActionSchema = z.enum(
  Object.keys(INCIDENT_ACTIONS) as [IncidentAction, ...IncidentAction[]],
);

export { INCIDENT_KINDS, IncidentCategorySchema, type IncidentCategory } from './kinds';

export const INCIDENT_STATUSES = ['open', 'under-review', 'closed'] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/**
 * docs/architecture.md, "Events": the illegal-content procedure, shown as steps; the last needs a
 * second senior member of staff.
 */
export const ILLEGAL_PROCEDURE = [
  'Do not view the content again, and do not copy, print or forward it.',
  'Isolate the device: leave it as it is, do not switch it off, keep others away from it.',
  'Refer to the police (and CEOP or the IWF where relevant) and record the reference.',
  'A second senior member of staff countersigns this record.',
] as const;

const description = safeText().trim().max(10_000);
const isoDate = calendarDate();

/** Raise an incident from one or more events, in one request (`POST /api/incidents/from-events`). */
export const RaiseFromEventsBodySchema = z.object({
  /** Repeats are one event (a list built from clicks can name one twice). */
  eventIds: z
    .array(z.uuid())
    .min(1)
    .max(100)
    .transform((ids) => [...new Set(ids)]),
  description: description.optional(),
  category: IncidentCategorySchema.optional(),
  severity: SeveritySchema.optional(),
  /**
   * Add the pupil's lesson timeline since then (the lesson's start: sites with time spent, blocks,
   * searches, requests) to the evidence.
   */
  timelineSince: instant().optional(),
});
export type RaiseFromEventsBody = z.infer<typeof RaiseFromEventsBodySchema>;

/** Raise an incident from scratch, also for staff (`POST /api/incidents`). */
export const RaiseIncidentBodySchema = z
  .object({
    subject: z.enum(['pupil', 'staff']),
    /** The pupil's school e-mail, when the incident is about a pupil. */
    pupilEmail: z.email().optional(),
    /** Who the incident is about, in words (a staff member, or a pupil without an account). */
    personName: safeText().trim().min(1).max(200).optional(),
    category: IncidentCategorySchema,
    severity: SeveritySchema,
    description: description.min(1, 'say what happened'),
    occurredAt: instant().optional(),
  })
  .refine((b) => b.pupilEmail !== undefined || b.personName !== undefined, {
    message: 'say who the incident is about (pupilEmail or personName)',
  });
export type RaiseIncidentBody = z.infer<typeof RaiseIncidentBodySchema>;

/** One change to an incident; every change is appended to its history (`POST /api/incidents/:id/changes`). */
export const IncidentChangeBodySchema = z
  .object({
    status: IncidentStatusSchema.optional(),
    severity: SeveritySchema.optional(),
    category: IncidentCategorySchema.optional(),
    ownerId: safeText().min(1).max(100).optional(),
    addActions: z.array(IncidentActionSchema).max(20).optional(),
    removeActions: z.array(IncidentActionSchema).max(20).optional(),
    outcome: safeText().trim().max(10_000).optional(),
    followUpDate: isoDate.nullable().optional(),
    note: safeText().trim().max(10_000).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'the change is empty' });
export type IncidentChangeBody = z.infer<typeof IncidentChangeBodySchema>;
