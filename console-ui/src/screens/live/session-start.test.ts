import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { plannedOverlap } from './session-start';

describe('starting a session now', () => {
  it('offers to replace a planned session only when the server says one overlaps', () => {
    const said = 'this group has a session planned for 13:30–14:00 on Monday 23 November, …';
    expect(plannedOverlap(new ApiError(409, said))).toBe(said);
    expect(plannedOverlap(new ApiError(404, 'no such class'))).toBeNull();
    expect(plannedOverlap(new Error('offline'))).toBeNull();
    expect(plannedOverlap(null)).toBeNull();
  });
});
