import { describe, expect, it } from 'vitest';
import { CATEGORIES, INCIDENT_KINDS, PUPIL_ACTIONS, PUPIL_RESPONSES, suggestedActions } from '../src';

describe('the incident response matrix', () => {
  it('has grooming, sexual exploitation and sexting as a category with its own response', () => {
    expect(CATEGORIES).toContain('grooming');
    expect(new Set(INCIDENT_KINDS).size).toBe(INCIDENT_KINDS.length);
    expect(suggestedActions('grooming', 'pupil')).toEqual(
      expect.arrayContaining(['refer-dsl', 'refer-police']),
    );
  });

  it('suggests only actions of the pupils’ matrix, and nothing for staff', () => {
    for (const actions of Object.values(PUPIL_RESPONSES))
      for (const a of actions) expect(Object.keys(PUPIL_ACTIONS)).toContain(a);
    expect(suggestedActions('grooming', 'staff')).toEqual([]);
    expect(suggestedActions('other', 'pupil')).toEqual([]);
  });
});
