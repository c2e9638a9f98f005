import type { JsonValue } from '../browser-settings';
import type { PolicyDocument } from './policy-document';

/**
 * The Google Admin console's "Policy for extensions" box takes JSON mapping each managed
 * configuration key to `{ "Value": … }` (https://www.chromium.org/administrators/configuring-policy-for-extensions).
 * The browser settings are set in the Admin console itself: the README block says where.
 */
export function googleAdminJson(doc: PolicyDocument): string {
  const config: Record<string, { Value: JsonValue }> = {};
  for (const setting of doc.managed) config[setting.key] = { Value: setting.value };
  return `${JSON.stringify(config, null, 2)}\n`;
}
