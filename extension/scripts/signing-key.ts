import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface SigningKey {
  path: string;
  privateKey: KeyObject;
  /** DER SubjectPublicKeyInfo, base64: the manifest's `key`, which fixes the extension ID. */
  publicKeyBase64: string;
  extensionId: string;
}

/** The extension ID Chrome derives from a public key: SHA-256, first 16 bytes, hex written a–p. */
function extensionIdOf(spkiDer: Buffer): string {
  const hex = createHash('sha256').update(spkiDer).digest().subarray(0, 16).toString('hex');
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

function describe(keyPath: string, privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new Error(`${keyPath} is a ${privateKey.asymmetricKeyType} key: CRX3 packages are signed with RSA`);
  }
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    path: keyPath,
    privateKey,
    publicKeyBase64: der.toString('base64'),
    extensionId: extensionIdOf(der),
  };
}

/** The school's key, read from a PEM file. A missing key is an error, never silently replaced. */
export function loadSigningKey(keyPath: string): SigningKey {
  let pem: Buffer;
  try {
    pem = fs.readFileSync(keyPath);
  } catch {
    throw new Error(
      `cannot read the signing key ${keyPath}. Give the school's key with --key (or WAYMARK_SIGNING_KEY), or create one once with --new-key <file>.`,
    );
  }
  try {
    return describe(keyPath, createPrivateKey(pem));
  } catch (error) {
    throw new Error(`${keyPath} is not a private key in PEM form: ${(error as Error).message}`);
  }
}

/**
 * A new 2048-bit RSA key (what Chrome's own "Pack extension" makes), written with owner-only
 * permissions. Refuses to overwrite a key, or to write inside the repository: a key committed by
 * mistake would let anyone sign updates that every school device accepts.
 */
export function createSigningKey(keyPath: string, repoRoot: string): SigningKey {
  const absolute = path.resolve(keyPath);
  const relative = path.relative(path.resolve(repoRoot), absolute);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new Error(
      `${keyPath} is inside the repository: keep the school's signing key somewhere safe outside it`,
    );
  }
  if (fs.existsSync(absolute)) throw new Error(`${keyPath} already exists: use it with --key`);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  fs.writeFileSync(absolute, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return describe(keyPath, privateKey);
}
