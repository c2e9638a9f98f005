import { Router } from 'express';
import { z } from 'zod';
import type { DataProtectionService } from './data-protection-service';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

const EraseBodySchema = z.object({
  reason: z.string().trim().min(5, 'say why (it goes in the data-protection log)').max(2000),
});

function emailParam(raw: unknown): string {
  const parsed = z.email().safeParse(raw);
  if (!parsed.success) throw new HttpError(400, 'give the pupil’s school e-mail');
  return parsed.data;
}

/** Subject access and erasure for one pupil, and the data-protection log (DSL): `/api/data-protection`. */
export function dataProtectionRoutes({ dataProtection }: { dataProtection: DataProtectionService }) {
  const router = Router();

  router.get(
    '/pupils/:email/export',
    handle(async (req, res) => {
      const who = requireCapability(req, 'work-incident-log');
      const { json, csv } = await dataProtection.subjectAccessExport(who, emailParam(req.params.email));
      if (req.query.format === 'csv') res.type('text/csv').attachment('subject-access-events.csv').send(csv);
      else res.attachment('subject-access.json').json(json);
    }),
  );

  router.post(
    '/pupils/:email/erase',
    handle(async (req, res) => {
      const who = requireCapability(req, 'work-incident-log');
      const { reason } = parseBody(EraseBodySchema, req.body);
      res.json(await dataProtection.erase(who, emailParam(req.params.email), reason));
    }),
  );

  router.get(
    '/log',
    handle(async (req, res) => {
      const who = requireCapability(req, 'work-incident-log');
      res.json({ log: await dataProtection.log(who.schoolId) });
    }),
  );
  return router;
}
