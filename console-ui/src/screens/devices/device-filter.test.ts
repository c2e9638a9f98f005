import { describe, expect, it } from 'vitest';
import type { DeviceHealthRow } from '@waymark/shared';
import { filterParams, matchesFilter, NO_CLASS, readFilter } from './device-filter';

const device = (overrides: Partial<DeviceHealthRow>): DeviceHealthRow => ({
  id: 'd1',
  name: 'Owls 01',
  assetTag: 'OWL-001',
  classId: 'class-year2',
  className: 'Year 2 (Owls)',
  profile: 'KS1',
  lastIp: '10.0.4.21',
  extensionVersion: '1.4.0',
  policyVersion: 3,
  currentPolicyVersion: 3,
  lastSeenAt: '2026-11-25T10:00:00Z',
  enrolledAt: '2026-09-01T08:00:00Z',
  online: true,
  silentSchoolMinutes: 0,
  tamperCount: 0,
  lastTamperAt: null,
  lastTamperWhat: null,
  silent: false,
  oldExtension: false,
  oldPolicy: false,
  hardening: { forceInstalled: true, proxyLocked: true, policyFile: true },
  missingHardening: [],
  ...overrides,
});

describe('the device list filter', () => {
  it('shows each kind of problem, and "needs attention" for any of them', () => {
    const healthy = device({});
    const stale = device({ oldPolicy: true });
    const tampered = device({ tamperCount: 2 });
    const base = { classId: '', query: '' };
    expect(matchesFilter(healthy, { ...base, show: 'attention' })).toBe(false);
    expect(matchesFilter(stale, { ...base, show: 'attention' })).toBe(true);
    expect(matchesFilter(stale, { ...base, show: 'old-policy' })).toBe(true);
    expect(matchesFilter(stale, { ...base, show: 'old-extension' })).toBe(false);
    expect(matchesFilter(tampered, { ...base, show: 'tamper' })).toBe(true);
    expect(matchesFilter(device({ online: false }), { ...base, show: 'offline' })).toBe(true);
    const loose = device({ missingHardening: ['policyFile'] });
    expect(matchesFilter(loose, { ...base, show: 'hardening' })).toBe(true);
    expect(matchesFilter(loose, { ...base, show: 'attention' })).toBe(true);
    expect(matchesFilter(healthy, { ...base, show: 'hardening' })).toBe(false);
  });

  it('matches every word of the search against name, tag, address, class and version', () => {
    const owl = device({});
    const show = 'all';
    expect(matchesFilter(owl, { show, classId: '', query: 'owl-001' })).toBe(true);
    expect(matchesFilter(owl, { show, classId: '', query: '10.0.4' })).toBe(true);
    expect(matchesFilter(owl, { show, classId: '', query: 'year 2 owls' })).toBe(true);
    expect(matchesFilter(owl, { show, classId: '', query: 'kestrels' })).toBe(false);
  });

  it('filters by class, including devices with none', () => {
    const staffLaptop = device({ classId: null, className: null, profile: 'staff' });
    expect(matchesFilter(staffLaptop, { show: 'all', classId: NO_CLASS, query: '' })).toBe(true);
    expect(matchesFilter(device({}), { show: 'all', classId: NO_CLASS, query: '' })).toBe(false);
    expect(matchesFilter(device({}), { show: 'all', classId: 'class-year5', query: '' })).toBe(false);
  });

  it('round-trips through the address, ignoring junk', () => {
    const filter = { show: 'silent' as const, classId: 'class-year2', query: 'owl' };
    expect(readFilter(filterParams(filter))).toEqual(filter);
    expect(readFilter(new URLSearchParams('show=everything'))).toEqual({
      show: 'all',
      classId: '',
      query: '',
    });
    expect(filterParams({ show: 'all', classId: '', query: '' }).toString()).toBe('');
  });
});
