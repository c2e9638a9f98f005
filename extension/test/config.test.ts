import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localConfigItem, mergeConfig } from '../lib/config';

beforeEach(() => fakeBrowser.reset());

describe('configuration', () => {
  it('managed configuration wins over a local override', () => {
    const config = mergeConfig(
      { serverUrl: 'https://waymark.school.example', enrollmentToken: 'managed' },
      { serverUrl: 'http://localhost:1', enrollmentToken: 'local' },
    );
    expect(config).toMatchObject({
      serverUrl: 'https://waymark.school.example',
      enrollmentToken: 'managed',
      source: 'managed',
    });
  });

  it('uses the local override when there is no managed configuration (first start sees {})', () => {
    expect(mergeConfig({}, { serverUrl: 'http://127.0.0.1:9', enrollmentToken: 't' })).toMatchObject({
      source: 'local',
    });
  });

  it('falls back to the demo build’s defaults', () => {
    const demo = { serverUrl: 'http://localhost:8080', enrollmentToken: 'demo-enrol-year2' };
    expect(mergeConfig({}, {}, demo)).toMatchObject({ source: 'build', serverUrl: 'http://localhost:8080' });
  });

  it('has no server and no token of its own in a production build (no demo defaults)', () => {
    expect(mergeConfig({ locale: 'cy' }, {})).toEqual({ locale: 'cy', source: 'none' });
    expect(mergeConfig({ serverUrl: 'https://waymark.school.example' }, {}, null)).toMatchObject({
      source: 'none',
    });
  });

  it('keeps managed extras such as the device name when the server comes from elsewhere', () => {
    expect(mergeConfig({ deviceName: 'Room 4 – 07' }, {})).toMatchObject({ deviceName: 'Room 4 – 07' });
  });

  it('stores the local override in extension storage', async () => {
    await localConfigItem.setValue({ serverUrl: 'http://127.0.0.1:9', enrollmentToken: 't' });
    expect(await localConfigItem.getValue()).toEqual({
      serverUrl: 'http://127.0.0.1:9',
      enrollmentToken: 't',
    });
  });
});
