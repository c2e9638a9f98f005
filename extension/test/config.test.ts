import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localConfigItem, mergeConfig } from '../lib/config';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

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

describe('a managed configuration read that does not answer', () => {
  const local = { serverUrl: 'http://127.0.0.1:9', enrollmentToken: 'local' };
  const managed = { serverUrl: 'https://waymark.school.example', enrollmentToken: 'managed' };

  /** The config module afresh (its managed read state is per worker start), with `storage.managed.get` held. */
  async function withHeldManagedRead() {
    vi.resetModules();
    const config = await import('../lib/config');
    let answer!: (value: Record<string, unknown>) => void;
    const get = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    return { config, get, answer: (value: Record<string, unknown>) => answer(value) };
  }

  it('goes on with the local configuration after MANAGED_READ_TIMEOUT_MS', async () => {
    vi.useFakeTimers();
    const { config } = await withHeldManagedRead();
    await config.localConfigItem.setValue(local);
    let loaded: Awaited<ReturnType<typeof config.loadConfig>> | undefined;
    void config.loadConfig().then((c) => (loaded = c));
    await vi.advanceTimersByTimeAsync(config.MANAGED_READ_TIMEOUT_MS - 1);
    expect(loaded).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(loaded).toMatchObject({ source: 'local', enrollmentToken: 'local' });
  });

  it('applies the late answer through the watchConfig listeners', async () => {
    vi.useFakeTimers();
    const { config, get, answer } = await withHeldManagedRead();
    await config.localConfigItem.setValue(local);
    const changes = vi.fn();
    config.watchConfig(changes);
    const first = config.loadConfig();
    await vi.advanceTimersByTimeAsync(config.MANAGED_READ_TIMEOUT_MS);
    expect(await first).toMatchObject({ source: 'local' });
    expect(changes).not.toHaveBeenCalled();

    // A second start while the first read still hangs waits on the same read, not a new one.
    const second = config.loadConfig();
    await vi.advanceTimersByTimeAsync(config.MANAGED_READ_TIMEOUT_MS);
    expect(await second).toMatchObject({ source: 'local' });
    expect(get).toHaveBeenCalledTimes(1);

    // Policy arrives: the held read answers with it, and so does any read after it.
    get.mockResolvedValue(managed);
    answer(managed);
    await vi.waitFor(() => expect(changes).toHaveBeenCalled());
    expect(changes).toHaveBeenCalledTimes(1);
    // What the listener does (background-main's connect): load again, now with the managed answer.
    expect(await config.loadConfig()).toMatchObject({ source: 'managed', enrollmentToken: 'managed' });
  });

  it('calls no listener when the read answers in time', async () => {
    const { config, answer } = await withHeldManagedRead();
    const changes = vi.fn();
    config.watchConfig(changes);
    const loading = config.loadConfig();
    answer(managed);
    expect(await loading).toMatchObject({ source: 'managed' });
    expect(changes).not.toHaveBeenCalled();
  });
});
