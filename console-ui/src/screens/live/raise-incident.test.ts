import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { categoryChoices, descriptionParts, incidentCategoryFor, isIllegalEvent } from './raise-incident';

const base = {
  id: '0190c0de-0000-7000-8000-000000000001',
  kind: 'blocked',
  severity: 'medium',
  category: null,
  details: {},
} as unknown as StoredEvent;

describe('raising an incident from an event', () => {
  it('starts with the event category, circumvention for tamper, a flagged search category, else other', () => {
    expect(incidentCategoryFor({ ...base, category: 'gambling' })).toBe('gambling');
    expect(incidentCategoryFor({ ...base, kind: 'tamper' })).toBe('circumvention');
    expect(incidentCategoryFor({ ...base, kind: 'search', details: { flags: ['self-harm'] } })).toBe(
      'self-harm',
    );
    expect(incidentCategoryFor({ ...base, kind: 'search', details: { flags: ['nonsense'] } })).toBe('other');
    expect(incidentCategoryFor({ ...base, kind: 'concern' })).toBe('other');
  });

  it('offers the suggested category first and every category once', () => {
    const choices = categoryChoices('cyberbullying');
    expect(choices[0]).toBe('cyberbullying');
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices).toContain('other');
  });

  it('knows when the illegal-content procedure applies', () => {
    expect(isIllegalEvent({ ...base, category: 'illegal-hate' })).toBe(true);
    expect(isIllegalEvent({ ...base, category: 'gaming' })).toBe(false);
  });

  it('reads the words of the event from its details, never anything but text', () => {
    expect(
      descriptionParts({
        ...base,
        details: { query: 'owls', title: ['x'], reason: 5, what: 'proxy-settings' },
      }),
    ).toEqual({
      query: 'owls',
      title: '',
      reason: '',
      message: '',
      detail: 'proxy-settings',
    });
  });
});
