/**
 * Access that has just ended: every open console of an account (password reset, role change,
 * account disabled) or of one session (sign-out). The service that changes the account announces
 * it here after its commit; the console namespace ends those sockets on every process.
 */
type Revocation = { staffId: string } | { sessionKey: string };

export interface AccessRevocations {
  revoke(revocation: Revocation): void;
  subscribe(listener: (revocation: Revocation) => void): () => void;
}

export function createAccessRevocations(): AccessRevocations {
  const listeners = new Set<(revocation: Revocation) => void>();
  return {
    revoke(revocation) {
      for (const listener of listeners) listener(revocation);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
