import { describe, expect, it } from 'vitest';
import { ownBlockRedirect } from '../lib/block-redirects';

const BLOCK_PAGE = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/blocked.html';
const redirect = (url: string, redirectUrl: string, type = 'main_frame') => ({
  url,
  redirectUrl,
  type,
  tabId: 7,
});

describe('which redirects are the extension’s own blocks', () => {
  it('a block rule’s redirect, naming the address asked for', () => {
    const url = 'https://www.bet365.com/';
    expect(ownBlockRedirect(redirect(url, `${BLOCK_PAGE}#${url}`), BLOCK_PAGE)).toEqual({
      url,
      frame: 'main_frame',
      tabId: 7,
    });
    expect(ownBlockRedirect(redirect(url, `${BLOCK_PAGE}#${url}`, 'object'), BLOCK_PAGE)).toMatchObject({
      frame: 'sub_frame',
    });
  });

  it('the fail-closed ruleset’s bare redirect (a fresh install, or just after an update)', () => {
    const url = 'http://www.tiktok.com/after-update';
    expect(ownBlockRedirect(redirect(url, BLOCK_PAGE), BLOCK_PAGE)).toEqual({
      url,
      frame: 'main_frame',
      tabId: 7,
    });
  });

  it('not a redirect to the block page naming another address, another page, or another resource', () => {
    const url = 'https://allowed.example/';
    expect(ownBlockRedirect(redirect(url, `${BLOCK_PAGE}#https://www.bet365.com/`), BLOCK_PAGE)).toBeNull();
    expect(ownBlockRedirect(redirect(url, 'https://allowed.example/next'), BLOCK_PAGE)).toBeNull();
    expect(ownBlockRedirect(redirect(url, BLOCK_PAGE, 'image'), BLOCK_PAGE)).toBeNull();
  });
});
