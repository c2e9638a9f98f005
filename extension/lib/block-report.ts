import { v7 as uuidv7 } from 'uuid';
import { evaluateUrl, type Decision, type DeviceEventInput, type PolicyMessage } from '@waymark/shared';

/** Why a URL was blocked, by the same rules the DNR rules came from. */
export function explainBlock(url: string, message: PolicyMessage | null, now = new Date()): Decision | null {
  if (!message || url === '') return null;
  return evaluateUrl(message.policy, url, { now, classIds: message.classIds });
}

/** The blocked-attempt event the block page reports: DfE fields the device knows, the server adds the rest. */
export function blockedEvent(
  url: string,
  decision: Decision | null,
  message: PolicyMessage,
  frame: 'main_frame' | 'sub_frame',
): DeviceEventInput {
  return {
    id: uuidv7(),
    kind: 'blocked',
    occurredAt: new Date().toISOString(),
    profile: message.policy.profile,
    policyVersion: message.policy.version,
    url,
    category: decision?.category ?? null,
    rule: decision?.rule ?? 'blocked by the device policy',
    frame,
  };
}
