import { liveSettingsContract } from '@waymark/shared';
import type { LiveSettingsService } from './live-settings-service';
import { contractRouter } from '../../http/contract-route';

/** The school's live-class settings: `/api/live-settings` (the DSL). */
export function liveSettingsRoutes(deps: {
  liveSettings: LiveSettingsService;
  /** The school's settings changed: every watched class of it is looked at again. */
  changed: (schoolId: string) => Promise<void>;
}) {
  const { router, route } = contractRouter('/api/live-settings');

  route(liveSettingsContract.get, 'live-class-settings', async ({ who }) => ({
    settings: await deps.liveSettings.get(who.schoolId),
  }));

  route(liveSettingsContract.save, 'live-class-settings', async ({ who, body }) => {
    const { after } = await deps.liveSettings.set(who, body);
    await deps.changed(who.schoolId);
    return { settings: after };
  });
  return router;
}
