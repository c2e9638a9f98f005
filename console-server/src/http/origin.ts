/**
 * Whether a browser's `Origin` is the console's own: the host the request was addressed to (the
 * `Host` header), or the address staff reach the console at (`WAYMARK_PUBLIC_URL`, for a server
 * behind a proxy that rewrites `Host`). `Origin: null` (sandboxed frames, `file:` pages, some
 * redirects) and anything that is not a URL are never the console.
 */
export function sameOrigin(origin: string, host: string | undefined, publicUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  if (!publicUrl) return false;
  try {
    return new URL(publicUrl).origin === parsed.origin;
  } catch {
    return false;
  }
}
