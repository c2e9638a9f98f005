import { describe, expect, it } from 'vitest';
import { changeBody, type WorkState } from './work-changes';

const saved: WorkState = {
  status: 'open',
  ownerId: null,
  severity: 'medium',
  category: 'gaming',
  followUpDate: '',
  actions: ['refer-class-teacher'],
  outcome: '',
  note: '',
};

describe('changeBody', () => {
  it('is null when nothing changed (whitespace is not a change)', () => {
    expect(changeBody(saved, { ...saved, outcome: '  ', note: ' ' })).toBeNull();
  });

  it('sends only what changed, as one change', () => {
    expect(
      changeBody(saved, {
        ...saved,
        status: 'closed',
        ownerId: 'staff-dsl',
        actions: ['inform-parents'],
        outcome: ' Parents informed. ',
        followUpDate: '2026-03-09',
        note: 'Spoke to mum.',
      }),
    ).toEqual({
      status: 'closed',
      ownerId: 'staff-dsl',
      addActions: ['inform-parents'],
      removeActions: ['refer-class-teacher'],
      outcome: 'Parents informed.',
      followUpDate: '2026-03-09',
      note: 'Spoke to mum.',
    });
  });

  it('clears a follow-up date with null', () => {
    expect(changeBody({ ...saved, followUpDate: '2026-03-09' }, saved)).toEqual({ followUpDate: null });
  });
});
