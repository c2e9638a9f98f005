import { createHash } from 'node:crypto';

/**
 * A Chrome extension's ID from its public key (DER SubjectPublicKeyInfo): the first 16 bytes of
 * the key's SHA-256, in hexadecimal written with the letters a–p. The same key always gives the
 * same ID, which is why the school keeps its signing key.
 */
export function extensionIdFromPublicKey(spkiDer: Buffer): string {
  return extensionIdFromCrxId(createHash('sha256').update(spkiDer).digest().subarray(0, 16));
}

export function extensionIdFromCrxId(crxId: Buffer): string {
  return [...crxId.toString('hex')].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}
