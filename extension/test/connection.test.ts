import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as SocketIoClient from 'socket.io-client';
import type { EffectiveConfig } from '../lib/config';

// Counts the sockets opened (the library itself, with auto-connect off so nothing dials out).
const opened = vi.hoisted(() => [] as Array<{ url: string; auth: Record<string, unknown> }>);
vi.mock('socket.io-client', async (importOriginal) => {
  const actual = await importOriginal<typeof SocketIoClient>();
  return {
    ...actual,
    io: (url: string, options: { auth: Record<string, unknown> }) => {
      opened.push({ url, auth: options.auth });
      return actual.io(url, { ...options, autoConnect: false });
    },
  };
});
const { ServerConnection } = await import('../lib/connection');

const handlers = {
  onPolicy: () => {},
  onRequestStatus: () => {},
  onConnect: () => {},
  onWatching: () => {},
  onAction: () => {},
  onFilterCheck: () => {},
};
const config = (extra: Partial<EffectiveConfig> = {}): EffectiveConfig => ({
  serverUrl: 'https://waymark.school.example',
  enrollmentToken: 'enrol',
  source: 'managed',
  ...extra,
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Waymark',
    version: '0.1.0',
  });
  opened.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('the connection to the school server', () => {
  it('opens one socket when asked twice at once with the same configuration (a force-install’s start)', async () => {
    const connection = new ServerConnection(handlers);
    await Promise.all([connection.connect(config(), null), connection.connect(config(), null)]);
    await connection.connect(config(), null);
    expect(opened).toHaveLength(1);
    connection.disconnect();
  });

  it('reconnects when the configuration changes, and only the latest of overlapping calls connects', async () => {
    const connection = new ServerConnection(handlers);
    await connection.connect(config(), null);
    await Promise.all([
      connection.connect(config({ fixedProfile: 'KS1' }), null),
      connection.connect(config({ fixedProfile: 'KS2' }), null),
    ]);
    expect(opened.map((o) => o.auth.fixedProfile)).toEqual([undefined, 'KS2']);
    connection.disconnect();
    await connection.connect(config({ fixedProfile: 'KS2' }), null);
    expect(opened).toHaveLength(3);
    connection.disconnect();
  });
});
