import { describe, expect, it } from 'vitest';
import { searchFromNavigation } from '../lib/search-capture';

const BLOCK_PAGE = 'chrome-extension://kpibmoodjikkppkgpkmppfbpcedhpdbl/blocked.html';

describe('searchFromNavigation', () => {
  it('reports an allowed search with the engine and words', () => {
    expect(
      searchFromNavigation('https://www.google.co.uk/search?q=volcanoes&safe=active', BLOCK_PAGE),
    ).toEqual({
      engine: 'Google',
      query: 'volcanoes',
      url: 'https://www.google.co.uk/search?q=volcanoes&safe=active',
      blocked: false,
    });
  });

  it('reports a blocked search from the block page’s address', () => {
    expect(
      searchFromNavigation(`${BLOCK_PAGE}#https://www.bing.com/search?q=free+vpn`, BLOCK_PAGE),
    ).toMatchObject({
      engine: 'Bing',
      query: 'free vpn',
      blocked: true,
    });
  });

  it('ignores pages that are not searches', () => {
    expect(searchFromNavigation('https://www.bbc.co.uk/bitesize', BLOCK_PAGE)).toBeNull();
    expect(searchFromNavigation(`${BLOCK_PAGE}#https://www.roblox.com/`, BLOCK_PAGE)).toBeNull();
  });
});
