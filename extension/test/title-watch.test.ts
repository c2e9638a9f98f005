import { describe, expect, it } from 'vitest';
import {
  createDetector,
  DeviceEventSchema,
  PolicySchema,
  type PolicyMessage,
  type Profile,
} from '@waymark/shared';
import { flaggedTitleEvent, titleOf } from '../lib/title-watch';

const detector = createDetector();
const policyFor = (profile: Profile): PolicyMessage => ({
  policy: PolicySchema.parse({
    version: 3,
    profile,
    mode: profile === 'KS2' ? 'allow-list' : 'block-list',
    allow: [],
    block: [],
    categories: {},
    categoryLists: {},
    alwaysAllowed: [],
    overrides: [],
  }),
  classIds: ['class-year5'],
  className: 'Year 5',
  schoolName: 'Test School',
  keywords: {},
});

describe('titleOf', () => {
  it('takes a page’s title, and a YouTube video’s without the count and the site name', () => {
    expect(titleOf('https://example.org/a', 'Volcanoes for kids')).toEqual({
      source: 'page',
      title: 'Volcanoes for kids',
    });
    expect(titleOf('https://www.youtube.com/watch?v=abc', '(3) how to hurt your self - YouTube')).toEqual({
      source: 'video',
      title: 'how to hurt your self',
    });
    expect(titleOf('https://www.youtube.com/shorts/xyz', 'sewer slide story - YouTube')).toMatchObject({
      source: 'video',
    });
  });

  it('ignores titles that say nothing the pupil chose', () => {
    expect(titleOf('https://example.org/a', '')).toBeNull();
    expect(titleOf('https://example.org/a', 'example.org/a')).toBeNull();
    expect(titleOf('chrome://newtab/', 'New Tab')).toBeNull();
    expect(titleOf('chrome-extension://abc/blocked.html', 'This page is blocked')).toBeNull();
    expect(titleOf('https://www.youtube.com/', 'YouTube')).toBeNull();
  });
});

describe('flaggedTitleEvent', () => {
  const seen = { source: 'video' as const, title: 'how to hurt your self' };

  it('reports a flagged title for KS2 and older: the title and what matched, no address', () => {
    const event = flaggedTitleEvent(policyFor('KS2'), seen, detector.match(seen.title));
    const parsed = DeviceEventSchema.parse(event);
    expect(parsed).toMatchObject({
      kind: 'flagged-title',
      source: 'video',
      title: 'how to hurt your self',
      flags: ['self-harm'],
      profile: 'KS2',
      policyVersion: 3,
    });
    expect(parsed.kind === 'flagged-title' && parsed.matches[0]).toMatchObject({
      risk: 'high',
      category: 'self-harm',
    });
    expect(JSON.stringify(event)).not.toContain('youtube');
  });

  it('reports nothing for a title that is not flagged, or for younger pupils and staff', () => {
    expect(
      flaggedTitleEvent(
        policyFor('KS3'),
        { source: 'page', title: 'Volcano facts' },
        detector.match('Volcano facts'),
      ),
    ).toBeNull();
    expect(flaggedTitleEvent(policyFor('KS1'), seen, detector.match(seen.title))).toBeNull();
    expect(flaggedTitleEvent(policyFor('staff'), seen, detector.match(seen.title))).toBeNull();
  });
});
