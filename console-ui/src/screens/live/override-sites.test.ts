import { describe, expect, it } from 'vitest';
import { parseSites } from './override-sites';

describe('parseSites', () => {
  it('reads one per line, or separated by commas and spaces, without repeats', () => {
    expect(parseSites('bbc.co.uk/bitesize\npurplemash.com, scratch.mit.edu  bbc.co.uk/bitesize\n')).toEqual({
      sites: ['bbc.co.uk/bitesize', 'purplemash.com', 'scratch.mit.edu'],
      invalid: null,
    });
  });

  it('accepts whole addresses as Chrome filters do', () => {
    expect(parseSites('https://www.bbc.co.uk/bitesize').invalid).toBeNull();
  });

  it('names the first entry that is not a site', () => {
    expect(parseSites('bbc.co.uk https:// purplemash.com').invalid).toBe('https://');
    expect(parseSites('bbc.co.uk [bad').invalid).toBe('[bad');
  });

  it('refuses the wildcard, which would open the whole web', () => {
    expect(parseSites('bbc.co.uk *').invalid).toBe('*');
    expect(parseSites('bbc.co.uk https://*:443/').invalid).toBe('https://*:443/');
  });

  it('finds nothing in blank text', () => {
    expect(parseSites(' \n, ').sites).toEqual([]);
  });
});
