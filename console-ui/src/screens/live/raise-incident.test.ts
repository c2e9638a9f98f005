import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@waymark/shared';
import { categoryChoices, descriptionParts, incidentPrefillFor, isIllegalEvent } from './raise-incident';

const base = {
  id: '0190c0de-0000-7000-8000-000000000001',
  kind: 'blocked',
  severity: 'medium',
  category: null,
  details: {},
} as unknown as StoredEvent;

describe('raising an incident from an event', () => {
  it('starts with the event category, circumvention for tamper, a flagged search category, else other', () => {
    const category = (e: StoredEvent) => incidentPrefillFor(e).category;
    expect(category({ ...base, category: 'gambling' })).toBe('gambling');
    expect(category({ ...base, kind: 'tamper' })).toBe('circumvention');
    expect(category({ ...base, kind: 'search', details: { flags: ['self-harm'] } })).toBe('self-harm');
    expect(category({ ...base, kind: 'search', details: { flags: ['nonsense'] } })).toBe('other');
    expect(category({ ...base, kind: 'concern' })).toBe('other');
  });

  it('starts a flagged search with the incident kind and risk of its most serious phrase', () => {
    const search = {
      ...base,
      kind: 'search',
      severity: 'high',
      details: {
        flags: ['discrimination', 'self-harm'],
        matches: [
          {
            phrase: 'everyone hates me',
            category: 'discrimination',
            risk: 'medium',
            text: 'evry1 h8s me',
            incidentKind: 'cyberbullying',
          },
          { phrase: 'kill myself', category: 'self-harm', risk: 'high', text: 'kil myslef' },
        ],
      },
    } as unknown as StoredEvent;
    expect(incidentPrefillFor(search)).toEqual({ category: 'self-harm', severity: 'high' });
    const bullying = {
      ...search,
      severity: 'medium' as const,
      details: { ...search.details, matches: [(search.details.matches as unknown[])[0]] },
    };
    expect(incidentPrefillFor(bullying)).toEqual({ category: 'cyberbullying', severity: 'medium' });
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
