import { describe, expect, it } from 'vitest';
import type { IncidentHistoryEntry } from '@waymark/shared';
import { countersignedAt, describeHistory } from './history-entries';

const entry = (at: string, actorName: string, change: Record<string, unknown>): IncidentHistoryEntry => ({
  at,
  actorName,
  change,
});

const created = entry('2026-03-02T09:00:00Z', 'Ms Amira Khan', {
  type: 'created',
  state: {
    status: 'open',
    severity: 'medium',
    category: 'gaming',
    ownerId: null,
    actions: [],
    outcome: null,
    followUpDate: null,
  },
});

describe('describeHistory', () => {
  it('reads each entry as its changes, with what each field was before', () => {
    const items = describeHistory([
      created,
      entry('2026-03-02T10:00:00Z', 'Mrs Helen Jones', {
        ownerId: 'staff-dsl',
        status: 'under-review',
        addActions: ['inform-parents', 'warning'],
        followUpDate: '2026-03-09',
      }),
      entry('2026-03-03T10:00:00Z', 'Mrs Helen Jones', {
        removeActions: ['warning'],
        outcome: 'Parents informed; pupil spoke to the class teacher.',
        status: 'closed',
        note: 'Closed after the follow-up.',
      }),
    ]);
    expect(items.map((i) => i.actorName)).toEqual(['Ms Amira Khan', 'Mrs Helen Jones', 'Mrs Helen Jones']);
    expect(items[0]!.changes).toEqual([{ kind: 'created', category: 'gaming', severity: 'medium' }]);
    expect(items[1]!.changes).toEqual([
      { kind: 'status', from: 'open', to: 'under-review' },
      { kind: 'owner', from: null, to: 'staff-dsl' },
      { kind: 'actionsAdded', actions: ['inform-parents', 'warning'] },
      { kind: 'followUp', from: null, to: '2026-03-09' },
    ]);
    expect(items[2]!.changes).toEqual([
      { kind: 'status', from: 'under-review', to: 'closed' },
      { kind: 'actionsRemoved', actions: ['warning'] },
      { kind: 'outcome', text: 'Parents informed; pupil spoke to the class teacher.' },
      { kind: 'note', text: 'Closed after the follow-up.' },
    ]);
  });

  it('does not report an action ticked twice or a field set to what it already was', () => {
    const items = describeHistory([
      created,
      entry('2026-03-02T10:00:00Z', 'Ms Amira Khan', { addActions: ['inform-parents'] }),
      entry('2026-03-02T11:00:00Z', 'Ms Amira Khan', { addActions: ['inform-parents'], status: 'open' }),
    ]);
    expect(items[2]!.changes).toEqual([]);
  });

  it('finds the countersignature and when it was made', () => {
    const history = [
      created,
      entry('2026-03-04T08:30:00Z', 'Mr Gareth Lloyd', { countersignedBy: 'staff-deputy-dsl' }),
    ];
    expect(describeHistory(history)[1]!.changes).toEqual([{ kind: 'countersigned', by: 'staff-deputy-dsl' }]);
    expect(countersignedAt(history)).toBe('2026-03-04T08:30:00Z');
    expect(countersignedAt([created])).toBeNull();
  });
});
