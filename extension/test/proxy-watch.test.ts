import { describe, expect, it } from 'vitest';
import { describeProxy, schoolOrNoProxy } from '../lib/proxy-watch';

describe('schoolOrNoProxy', () => {
  it('accepts the system’s proxy, none, and whatever device policy fixed', () => {
    expect(
      schoolOrNoProxy({ value: { mode: 'system' }, levelOfControl: 'controllable_by_this_extension' }),
    ).toBe(true);
    expect(schoolOrNoProxy({ value: { mode: 'direct' } })).toBe(true);
    expect(schoolOrNoProxy({ value: { mode: 'fixed_servers' }, levelOfControl: 'not_controllable' })).toBe(
      true,
    );
  });

  it('flags a proxy from the command line or another extension', () => {
    // What Chromium reports for --proxy-server (checked in Chromium).
    expect(
      schoolOrNoProxy({ value: { mode: 'fixed_servers' }, levelOfControl: 'controllable_by_this_extension' }),
    ).toBe(false);
    expect(
      schoolOrNoProxy({ value: { mode: 'pac_script' }, levelOfControl: 'controlled_by_other_extensions' }),
    ).toBe(false);
  });
});

it('describes a proxy in one line', () => {
  expect(
    describeProxy({
      value: { mode: 'pac_script', pacScript: { url: 'http://unblock.test/p.pac' } },
      levelOfControl: 'controlled_by_other_extensions',
    }),
  ).toBe(
    'proxy mode pac_script (PAC http://unblock.test/p.pac); controlled by controlled_by_other_extensions',
  );
});
