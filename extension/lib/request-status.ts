import { storage } from 'wxt/utils/storage';
import type { RequestStatusMessage } from '@waymark/shared';

/** Answers to this device's unblock requests, by request id; the block page watches it. */
export const requestStatusesItem = storage.defineItem<Record<string, RequestStatusMessage>>(
  'local:requestStatuses',
  {
    fallback: {},
  },
);

export async function recordRequestStatus(message: RequestStatusMessage): Promise<void> {
  const all = await requestStatusesItem.getValue();
  // Keep the last 50: a block page only needs the answer to a recent request.
  const kept = Object.entries({ ...all, [message.requestId]: message }).slice(-50);
  await requestStatusesItem.setValue(Object.fromEntries(kept));
}
