import { describe, expect, it } from 'vitest';
import { screensOffer } from './screens-offer';

describe('"Show screens" on the grid', () => {
  it('is not offered while the school has screen thumbnails off, or before the roster says', () => {
    expect(screensOffer(true, { screens: 'off' })).toBe('hidden');
    expect(screensOffer(true, {})).toBe('hidden');
    expect(screensOffer(true, undefined)).toBe('hidden');
  });

  it('is not offered to a viewer who cannot steer the class, whatever the school allows', () => {
    expect(screensOffer(false, { screens: 'available' })).toBe('hidden');
  });

  it('is offered in a lesson or session, and greyed out with the reason outside them', () => {
    expect(screensOffer(true, { screens: 'available' })).toBe('offered');
    expect(screensOffer(true, { screens: 'outside-lessons' })).toBe('outside-lessons');
  });
});
