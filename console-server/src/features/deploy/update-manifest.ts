import type { ExtensionRelease } from '@waymark/shared';

const attr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The update manifest Chrome and Edge fetch from the forcelist's update URL (the "gupdate"
 * protocol 2.0 response, https://developer.chrome.com/docs/extensions/how-to/distribute/host-on-linux):
 * the newest version, where to download it, and its SHA-256 so a download that was tampered with
 * on the way is refused even over plain HTTP.
 */
export function updateManifestXml(
  release: ExtensionRelease | null,
  codebase: string | null,
  minimumBrowserVersion: string | null,
): string {
  const app = release
    ? `  <app appid="${attr(release.extensionId)}" status="ok">
    <updatecheck status="ok" codebase="${attr(codebase!)}" version="${attr(release.version)}" hash_sha256="${release.sha256}"${minimumBrowserVersion ? ` prodversionmin="${attr(minimumBrowserVersion)}"` : ''} />
  </app>
`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0" server="waymark">
${app}</gupdate>
`;
}
