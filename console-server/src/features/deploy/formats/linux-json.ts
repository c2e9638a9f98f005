import type { JsonValue } from '../browser-settings';
import { managedConfigObject } from '../managed-config';
import type { PolicyDocument } from './policy-document';

/**
 * Chrome, Chromium and Edge on Linux read every `*.json` in their `policies/managed` folder. JSON
 * has no comments, so the reasons travel in the companion README block.
 */
export function linuxPolicyJson(doc: PolicyDocument): string {
  const policy: Record<string, JsonValue> = {};
  for (const setting of doc.browserSettings) policy[setting.name] = setting.value;
  policy['3rdparty'] = { extensions: { [doc.extensionId]: managedConfigObject(doc.managed) } };
  return `${JSON.stringify(policy, null, 2)}\n`;
}
