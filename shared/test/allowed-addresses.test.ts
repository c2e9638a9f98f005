import { describe, expect, it } from 'vitest';
import { addressEntryProblem, AllowedAddressesEditSchema, duplicateAddressOf } from '../src';

const issues = (entries: string[]) => {
  const parsed = AllowedAddressesEditSchema.safeParse(entries);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('allowed addresses, as a profile edit gives them', () => {
  it('takes addresses, ranges from /8 and IPv6 addresses', () => {
    expect(issues(['192.168.1.20', '10.0.0.0/8', '172.16.0.0/12', '10.20.30.0/24', '2001:db8::1'])).toEqual(
      [],
    );
    expect(addressEntryProblem('10.1.2.3/32')).toBeNull();
  });

  it('says what is wrong with each entry, by its place in the list', () => {
    expect(
      issues(['intranet.school.example', '0.0.0.0/0', '10.0.0.5/8', '300.1.1.1', '10.0.0.0/33']),
    ).toEqual([
      { path: [0], message: expect.stringContaining('“intranet.school.example” is not an address') },
      { path: [1], message: expect.stringContaining('“0.0.0.0/0” is too wide: a /0 range') },
      { path: [2], message: '“10.0.0.5/8” does not start its range: write 10.0.0.0/8' },
      { path: [3], message: expect.stringContaining('“300.1.1.1” is not an address') },
      { path: [4], message: expect.stringContaining('“10.0.0.0/33” is not an address') },
    ]);
    expect(addressEntryProblem('64.0.0.0/2')).toEqual({ kind: 'too-wide', bits: 2 });
    expect(addressEntryProblem('10.20.0.0/12')).toEqual({ kind: 'not-range-start', start: '10.16.0.0/12' });
  });

  it('refuses the same address or range written twice, naming the first', () => {
    const list = ['10.0.0.1', '192.168.0.0/16', '10.0.0.1/32', '2001:db8:0:0::1', '2001:db8::1'];
    expect(issues(list)).toEqual([
      { path: [2], message: '“10.0.0.1/32” is already listed as “10.0.0.1”' },
      { path: [4], message: '“2001:db8::1” is already listed as “2001:db8:0:0::1”' },
    ]);
    expect([...duplicateAddressOf(list)]).toEqual([
      [2, 0],
      [4, 3],
    ]);
  });

  it('refuses more than 200', () => {
    const many = Array.from({ length: 201 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}`);
    expect(issues(many)[0]?.message).toBe('at most 200 allowed addresses');
  });
});
