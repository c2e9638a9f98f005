import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { ClassImportBodySchema, ClassSummarySchema } from '../protocol/api';
import { StoredEventSchema } from '../protocol/events';
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
