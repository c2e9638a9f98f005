import { browser } from 'wxt/browser';

/**
 * The address of one of the extension's own pages. Typed as a plain string, so type-checking does
 * not depend on the PublicPath union WXT generates into `.wxt/` (absent before `wxt prepare`).
 */
export function extensionUrl(path: string): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
}
