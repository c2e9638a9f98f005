import { Router } from 'express';
import { LiveClassSettingsBodySchema } from '@waymark/shared';
import type { LiveSettingsService } from './live-settings-service';
import { handle, parseBody, requireCapability } from '../../http/middleware';

/** The school's live-class settings: `/api/live-settings` (the DSL). */
export function liveSettingsRoutes(deps: {
  liveSettings: LiveSettingsService;
  /** The school's settings changed: every watched class of it is looked at again. */
  changed: (schoolId: string) => Promise<void>;
}) {
  const router = Router();
  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'live-class-settings');
      res.json({ settings: await deps.liveSettings.get(who.schoolId) });
    }),
  );
  router.put(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'live-class-settings');
      const body = parseBody(LiveClassSettingsBodySchema, req.body);
      const { after } = await deps.liveSettings.set(who, body);
      await deps.changed(who.schoolId);
      res.json({ settings: after });
    }),
  );
  return router;
}
