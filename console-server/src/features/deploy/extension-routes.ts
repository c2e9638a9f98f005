import { Router, type Request } from 'express';
import { EXTENSION_BROWSERS, type ExtensionBrowser } from '@waymark/shared';
import { handle, HttpError } from '../../http/middleware';
import type { ReleaseStore } from './release-store';
import { updateManifestXml } from './update-manifest';

/** The server's own address as the device reached it (behind a proxy, with trust proxy on). */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

function requestedBrowser(req: Request): ExtensionBrowser {
  const browser = req.query.browser ?? 'chrome';
  if (typeof browser !== 'string' || !(EXTENSION_BROWSERS as readonly string[]).includes(browser)) {
    throw new HttpError(400, `browser: expected one of ${EXTENSION_BROWSERS.join(', ')}`);
  }
  return browser as ExtensionBrowser;
}

/**
 * Self-hosted updates, fetched by browsers without cookies: `/extension/update.xml` (Edge's
 * policies add `?browser=edge`) and the packages it points to. Public, as any update server is:
 * a package holds nothing secret, and the enrollment token travels in device policy, not here.
 */
export function extensionRoutes({ releases }: { releases: ReleaseStore }) {
  const router = Router();

  router.get(
    '/update.xml',
    handle(async (req, res) => {
      const browser = requestedBrowser(req);
      const release = (await releases.list()).latest[browser] ?? null;
      const codebase = release
        ? `${requestOrigin(req)}/extension/${encodeURIComponent(release.fileName)}`
        : null;
      res
        .status(release ? 200 : 404)
        .type('application/xml')
        .set('cache-control', 'no-cache')
        .send(updateManifestXml(release, codebase, release?.minimumBrowserVersion ?? null));
    }),
  );

  router.get(
    '/:file',
    handle(async (req, res) => {
      const name = String(req.params.file);
      const pkg = name.toLowerCase().endsWith('.crx') ? await releases.package(name) : null;
      if (!pkg) throw new HttpError(404, `no published package named ${name}`);
      res.type('application/x-chrome-extension').set('cache-control', 'public, max-age=3600');
      res.sendFile(pkg.file);
    }),
  );
  return router;
}
