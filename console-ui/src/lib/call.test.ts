import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { endpoint, WireInstantSchema } from '@waymark/shared';
import { ApiError } from './api';
import { call, ContractError } from './call';

const noteContract = {
  save: endpoint({
    method: 'PUT',
    path: '/api/notes/:noteId',
    body: z.object({ text: z.string() }),
    response: z.object({ noteId: z.string(), savedAt: WireInstantSchema }),
  }),
};

/** The browser's fetch answering once with `body` and `status`; the request it was given is kept. */
function answer(body: unknown, status = 200) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => Response.json(body, { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
afterEach(() => vi.unstubAllGlobals());

describe('call', () => {
  it('sends to the contract address with the body, and returns the answer', async () => {
    const fetch = answer({ noteId: 'a b', savedAt: '2026-12-07T10:00:00.000Z' });
    const saved = await call(noteContract.save, { params: { noteId: 'a b' }, body: { text: 'hi' } });
    expect(saved.savedAt).toBe('2026-12-07T10:00:00.000Z');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/notes/a%20b');
    expect(init).toMatchObject({ method: 'PUT', body: '{"text":"hi"}' });
  });

  it('in tests, refuses an answer outside the contract and names what was wrong', async () => {
    expect(import.meta.env.MODE).toBe('test');
    answer({ noteId: 'n1', savedAt: 'last Tuesday' });
    const failed = call(noteContract.save, { params: { noteId: 'n1' }, body: { text: 'hi' } });
    await expect(failed).rejects.toBeInstanceOf(ContractError);
    await expect(failed).rejects.toThrow(
      /PUT \/api\/notes\/:noteId answered outside its contract: .*savedAt/,
    );
  });

  it('throws ApiError with the status and the server message on a refusal', async () => {
    answer({ error: 'no such note' }, 404);
    const failed = call(noteContract.save, { params: { noteId: 'n1' }, body: { text: 'hi' } });
    await expect(failed).rejects.toEqual(new ApiError(404, 'no such note'));
    await expect(failed).rejects.toMatchObject({ status: 404 });
  });
});
