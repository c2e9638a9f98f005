import { z } from 'zod';
import { dataProtectionContract, type DataProtectionLogEntry } from '@waymark/shared';
import type { DataProtectionService } from './data-protection-service';
import { contractRouter } from '../../http/contract-route';
import { handle, HttpError, requireCapability } from '../../http/middleware';

function emailParam(raw: unknown): string {
  const parsed = z.email().safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'give the pupil’s school e-mail');
  return parsed.data;
}

/** Subject access and erasure for one pupil, and the data-protection log (DSL): `/api/data-protection`. */
export function dataProtectionRoutes({ dataProtection }: { dataProtection: DataProtectionService }) {
  const { router, route } = contractRouter('/api/data-protection');

  // A file download (JSON or CSV, as an attachment): a plain route.
  router.get(
    '/pupils/:email/export',
    handle(async (req, res) => {
      const who = requireCapability(req, 'work-incident-log');
      const { json, csv } = await dataProtection.subjectAccessExport(who, emailParam(req.params.email));
      if (req.query.format === 'csv') res.type('text/csv').attachment('subject-access-events.csv').send(csv);
      else res.attachment('subject-access.json').json(json);
    }),
  );

  route(dataProtectionContract.erase, 'work-incident-log', async ({ who, params, body }) =>
    dataProtection.erase(who, emailParam(params.email), body.reason),
  );

  route(dataProtectionContract.log, 'work-incident-log', async ({ who }) => ({
    log: (await dataProtection.log(who.schoolId)).map((entry) => ({
      ...entry,
      at: entry.at.toISOString(),
      kind: entry.kind as DataProtectionLogEntry['kind'],
      detail: entry.detail as DataProtectionLogEntry['detail'],
    })),
  }));
  return router;
}
