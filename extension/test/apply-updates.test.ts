import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyUpdatesWhenReady } from '../lib/apply-updates';

beforeEach(() => fakeBrowser.reset());

describe('updates', () => {
  it('reloads into a downloaded update at once instead of waiting for an idle worker', async () => {
    const reload = vi.spyOn(fakeBrowser.runtime, 'reload').mockImplementation(() => undefined);
    applyUpdatesWhenReady();
    expect(reload).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onUpdateAvailable.trigger({ version: '0.2.0' });
    expect(reload).toHaveBeenCalledOnce();
  });
});
