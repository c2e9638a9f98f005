import { describe, expect, it } from 'vitest';
import {
  blobOrigin,
  isPupilProfile,
  pageSchemeDecision,
  refusedPageScheme,
  reportedAddress,
} from '../lib/page-schemes';

const nowhere = { tab: null, opener: null };

describe('refusedPageScheme', () => {
  it.each([
    'data:text/html,<h1>hi</h1>',
    'DATA:text/html;base64,PGgxPmhpPC9oMT4=',
    'view-source:https://www.bbc.co.uk/',
    'filesystem:https://site.test/temporary/page.html',
  ])('refuses %s wherever the tab was', (url) => {
    expect(refusedPageScheme(url, { tab: 'https://site.test', opener: 'https://site.test' })).toMatch(
      /pages are not opened/,
    );
  });

  it('lets web pages and the browser’s own blank pages through', () => {
    for (const url of ['https://www.bbc.co.uk/', 'http://site.test/a', 'about:blank', 'chrome://newtab/']) {
      expect(refusedPageScheme(url, nowhere)).toBeNull();
    }
  });

  it('lets a blob: page open in the tab or from the opener of the site that made it, and nowhere else', () => {
    const blob = 'blob:https://docs.test/0b6c5d3e-1111-4222-8333-944455556666';
    expect(refusedPageScheme(blob, { tab: 'https://docs.test', opener: null })).toBeNull();
    expect(refusedPageScheme(blob, { tab: null, opener: 'https://docs.test' })).toBeNull();
    expect(refusedPageScheme(blob, { tab: 'https://other.test', opener: null })).toMatch(/blob:/);
    expect(refusedPageScheme(blob, nowhere)).toMatch(/blob:/);
    expect(refusedPageScheme('blob:null/0b6c5d3e', { tab: 'null', opener: null })).toMatch(/blob:/);
  });
});

describe('helpers', () => {
  it('finds a blob’s origin', () => {
    expect(blobOrigin('blob:http://site.test:8080/abc')).toBe('http://site.test:8080');
    expect(blobOrigin('https://site.test/')).toBeNull();
  });

  it('guards every profile but staff, and a device with no policy yet', () => {
    expect(['EYFS', 'KS1', 'KS4', 'KS5', null].every((p) => isPupilProfile(p as never))).toBe(true);
    expect(isPupilProfile('staff')).toBe(false);
  });

  it('explains a refused scheme to the block page, and leaves web addresses to the policy', () => {
    expect(pageSchemeDecision('data:text/html,x')).toMatchObject({
      verdict: 'blocked',
      source: 'page-scheme',
    });
    expect(pageSchemeDecision('blob:https://a.test/x')).toMatchObject({ source: 'page-scheme' });
    expect(pageSchemeDecision('https://a.test/')).toBeNull();
  });

  it('shortens a long address for the report', () => {
    const long = `data:text/html,${'x'.repeat(5000)}`;
    expect(reportedAddress(long)).toHaveLength(2000);
    expect(reportedAddress('data:,short')).toBe('data:,short');
  });
});
