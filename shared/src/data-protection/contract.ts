import { z } from 'zod';
import { endpoint, WireInstantSchema } from '../contract/endpoint';
import { safeText } from '../text/safe-text';

/** `POST /api/data-protection/pupils/:email/erase`: why (it goes in the data-protection log). */
export const EraseBodySchema = z.object({
  reason: z.string().trim().min(5, 'say why (it goes in the data-protection log)').max(2000),
});

/** One line of the data-protection log: an export, an erasure or a retention purge. */
export const DataProtectionLogEntrySchema = z.object({
  id: z.number().int(),
  schoolId: safeText(),
  at: WireInstantSchema,
  kind: z.enum(['retention-purge', 'incident-retention-purge', 'subject-access-export', 'erasure']),
  /** The member of staff; null for the scheduled retention job. */
  actorId: safeText().nullable(),
  /** The pupil's e-mail, for an export or an erasure. */
  subject: safeText().nullable(),
  count: z.number().int(),
  /** Figures of the entry (counts, the cut-off, the references purged, the reason given). */
  detail: z.record(z.string(), z.union([z.number(), safeText(), z.array(safeText())])),
});
export type DataProtectionLogEntry = z.infer<typeof DataProtectionLogEntrySchema>;

/**
 * Subject access and erasure for one pupil, and the data-protection log (DSL): `/api/data-protection`.
 * (The subject-access export, `GET /api/data-protection/pupils/:email/export`, is a file download: a plain route.)
 */
export const dataProtectionContract = {
  erase: endpoint({
    method: 'POST',
    path: '/api/data-protection/pupils/:email/erase',
    body: EraseBodySchema,
    response: z.object({
      erasedEvents: z.number().int(),
      keptIncidents: z.number().int(),
      /** Why incidents were kept (safeguarding records); null when none were. */
      note: safeText().nullable(),
    }),
  }),
  log: endpoint({
    method: 'GET',
    path: '/api/data-protection/log',
    response: z.object({ log: z.array(DataProtectionLogEntrySchema) }),
  }),
};
