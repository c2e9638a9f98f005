import type { Profile } from '@waymark/shared';

/**
 * How a page speaks to a pupil: `young` (EYFS, KS1: a few words and a picture), `junior`
 * (KS2: a simple reason and "ask my teacher"), `senior` (KS3 and older: the category, request
 * access, report a concern).
 */
type AgeBand = 'young' | 'junior' | 'senior';

export function ageBand(profile: Profile): AgeBand {
  if (profile === 'EYFS' || profile === 'KS1') return 'young';
  if (profile === 'KS2') return 'junior';
  return 'senior';
}
