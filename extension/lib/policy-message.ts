import { PolicyMessageSchema, type PolicyMessage } from '@waymark/shared';

/**
 * A policy as the server (or the device's own cache) gave it, checked against the shared schema
 * before anything is applied: a malformed message is refused and the last good policy stays in force.
 */
export function validPolicyMessage(message: unknown): PolicyMessage | null {
  const parsed = PolicyMessageSchema.safeParse(message);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues[0];
  console.error(
    `waymark: refused a malformed policy (${where?.path.join('.') || 'message'}: ${where?.message}); the last good policy stays`,
  );
  return null;
}
