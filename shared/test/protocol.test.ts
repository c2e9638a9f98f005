import { describe, expect, it } from 'vitest';
import {
  DeviceAuthSchema,
  DeviceEventSchema,
  describeZodError,
  PROTOCOL_VERSION,
  StartOverrideBodySchema,
} from '../src';

const blocked = {
  id: '01936f5e-8f5a-7cc2-b6a5-2d0c8f1e2a3b',
  kind: 'blocked',
  occurredAt: '2026-11-24T10:00:00.000Z',
  profile: 'KS1',
  policyVersion: 3,
  url: 'https://example.org/',
  category: null,
  rule: 'not on the KS1 allow-list',
};

describe('protocol', () => {
  it('has a version', () => expect(PROTOCOL_VERSION).toBeGreaterThanOrEqual(1));

  it('accepts a well-formed blocked event and fills defaults', () => {
    expect(DeviceEventSchema.parse(blocked)).toMatchObject({ frame: 'main_frame' });
  });

  it.each([
    [{ ...blocked, kind: 'nonsense' }, 'kind'],
    [{ ...blocked, id: 'not-a-uuid' }, 'id'],
    [{ ...blocked, profile: 'KS9' }, 'profile'],
    [{ ...blocked, url: '' }, 'url'],
    [{ ...blocked, occurredAt: 'yesterday' }, 'occurredAt'],
    [{ ...blocked, kind: 'unblock-request', reason: '   ' }, 'reason'],
  ])('rejects junk with a message naming the field', (input, field) => {
    const result = DeviceEventSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toContain(field);
  });

  it.each([null, undefined, 42, 'x', [], {}])('rejects %j', (junk) => {
    expect(DeviceEventSchema.safeParse(junk).success).toBe(false);
  });

  it('a device must present a token', () => {
    const result = DeviceAuthSchema.safeParse({ protocolVersion: 1, deviceName: 'x', extensionVersion: '1' });
    expect(describeZodError(result.error!)).toContain('deviceToken or an enrollmentToken');
  });

  it('a lesson override cannot open the whole web with "*"', () => {
    const result = StartOverrideBodySchema.safeParse({ kind: 'open', sites: ['purplemash.com', '*'] });
    expect(describeZodError(result.error!)).toContain('whole web');
    expect(StartOverrideBodySchema.safeParse({ kind: 'open', sites: ['purplemash.com'] }).success).toBe(true);
  });
});
