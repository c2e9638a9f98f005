import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { ClassImportBodySchema, ClassSummarySchema } from '../protocol/api';
import { StoredEventSchema } from '../protocol/events';
import { LessonOffTaskSchema, SetOffTaskBodySchema } from '../protocol/lesson-off-task';
import { TimelineEntrySchema, TimelineQuerySchema } from '../protocol/lesson-timeline';
import {
  ClassRosterSchema,
  LiveClassSettingsBodySchema,
  LiveClassSettingsSchema,
} from '../protocol/live-class';
import { safeText } from '../text/safe-text';

/** The classes a member of staff may watch, and the MIS import: `/api/classes`. */
export const classesContract = {
  list: endpoint({
    method: 'GET',
    path: '/api/classes',
    response: z.object({ classes: z.array(ClassSummarySchema) }),
  }),
  import: endpoint({
    method: 'POST',
    path: '/api/classes/import',
    body: ClassImportBodySchema,
    response: z.object({
      classesCreated: z.number().int(),
      pupilsAdded: z.number().int(),
      pupilsUpdated: z.number().int(),
      /** Rows not imported, by line number in the file (the header is line 1). */
      bad: z.array(z.object({ line: z.number().int(), error: safeText() })),
    }),
  }),
  /** A class's recent events, redacted for the viewer's role. */
  events: endpoint({
    method: 'GET',
    path: '/api/classes/:classId/events',
    response: z.object({ events: z.array(StoredEventSchema) }),
  }),
};

/**
 * The live class: its grid, the lesson's off-task categories and a pupil's lesson timeline. The
 * class's teachers and the DSL only; another class answers 404 "no such class" (ids cannot be probed).
 */
export const liveClassContract = {
  /** The class's pupils and devices, as of one moment. */
  roster: endpoint({ method: 'GET', path: '/api/classes/:classId/roster', response: ClassRosterSchema }),
  offTask: endpoint({ method: 'GET', path: '/api/classes/:classId/off-task', response: LessonOffTaskSchema }),
  /** Every console watching the class shows the lesson's controls again. */
  setOffTask: endpoint({
    method: 'PUT',
    path: '/api/classes/:classId/off-task',
    body: SetOffTaskBodySchema,
    response: LessonOffTaskSchema,
  }),
  /** One pupil's timeline since `since` (the lesson's start). */
  timeline: endpoint({
    method: 'GET',
    path: '/api/classes/:classId/timeline',
    query: TimelineQuerySchema,
    response: z.object({ timeline: z.array(TimelineEntrySchema) }),
  }),
};

/** When teachers may see pupils' live tabs and screens (the DSL): `/api/live-settings`. */
export const liveSettingsContract = {
  get: endpoint({
    method: 'GET',
    path: '/api/live-settings',
    response: z.object({ settings: LiveClassSettingsSchema }),
  }),
  /** A change-control entry (it carries a reason); every watched class of the school is looked at again. */
  save: endpoint({
    method: 'PUT',
    path: '/api/live-settings',
    body: LiveClassSettingsBodySchema,
    response: z.object({ settings: LiveClassSettingsSchema }),
  }),
};
