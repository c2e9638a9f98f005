import { createHash, createPublicKey, verify } from 'node:crypto';
import { extensionIdFromCrxId, extensionIdFromPublicKey } from './extension-id';
import { readZipEntry } from './zip-entry';

/** What the server needs to know about a signed package before offering it to devices. */
interface CrxInfo {
  extensionId: string;
  version: string;
  /** The manifest inside the package. */
  manifest: Record<string, unknown>;
  /** The signing key (DER SubjectPublicKeyInfo). */
  publicKey: Buffer;
  sha256: string;
  sizeBytes: number;
}

export class CrxError extends Error {}

const MAGIC = 'Cr24';
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');

/** Fields of a protobuf message, as raw bytes (length-delimited) or numbers (varint). */
function protobufFields(buf: Buffer): Array<{ field: number; bytes?: Buffer; value?: number }> {
  const fields: Array<{ field: number; bytes?: Buffer; value?: number }> = [];
  let pos = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= buf.length) throw new CrxError('truncated CRX header');
      const byte = buf[pos++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 49) throw new CrxError('malformed CRX header');
    }
  };
  while (pos < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) fields.push({ field, value: varint() });
    else if (wire === 2) {
      const length = varint();
      if (pos + length > buf.length) throw new CrxError('truncated CRX header');
      fields.push({ field, bytes: buf.subarray(pos, pos + length) });
      pos += length;
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new CrxError(`unsupported protobuf wire type ${wire} in CRX header`);
  }
  return fields;
}

/**
 * Reads and checks a CRX3 package as Chrome does (components/crx_file/crx_verifier.cc): the
 * header's signed data names the extension (crx_id); one RSA proof's key must hash to that ID and
 * its signature must cover the signed data and the whole archive. Then the archive's manifest.
 */
export async function parseCrx(file: Buffer): Promise<CrxInfo> {
  if (file.length < 12 || file.toString('binary', 0, 4) !== MAGIC) throw new CrxError('not a CRX file');
  const formatVersion = file.readUInt32LE(4);
  if (formatVersion !== 3) throw new CrxError(`CRX version ${formatVersion}: Chrome accepts only CRX3`);
  const headerSize = file.readUInt32LE(8);
  if (12 + headerSize > file.length) throw new CrxError('truncated CRX header');
  const header = file.subarray(12, 12 + headerSize);
  const archive = file.subarray(12 + headerSize);

  const headerFields = protobufFields(header);
  const signedData = headerFields.find((f) => f.field === 10000)?.bytes;
  if (!signedData) throw new CrxError('the CRX has no signed header data');
  const crxId = protobufFields(signedData).find((f) => f.field === 1)?.bytes;
  if (!crxId || crxId.length !== 16) throw new CrxError('the CRX header names no extension ID');
  const extensionId = extensionIdFromCrxId(crxId);

  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedData.length);
  const signedBytes = Buffer.concat([SIGNATURE_CONTEXT, size, signedData, archive]);
  let publicKey: Buffer | null = null;
  for (const proof of headerFields.filter((f) => f.field === 2 && f.bytes)) {
    const parts = protobufFields(proof.bytes!);
    const key = parts.find((p) => p.field === 1)?.bytes;
    const signature = parts.find((p) => p.field === 2)?.bytes;
    if (!key || !signature || extensionIdFromPublicKey(key) !== extensionId) continue;
    const keyObject = createPublicKey({ key, format: 'der', type: 'spki' });
    if (!verify('sha256', signedBytes, keyObject, signature)) {
      throw new CrxError('the CRX signature does not match its contents (damaged or altered)');
    }
    publicKey = Buffer.from(key);
  }
  if (!publicKey) throw new CrxError('the CRX is not signed by the key its ID comes from');

  let manifest: Record<string, unknown>;
  try {
    const entry = await readZipEntry(archive, 'manifest.json');
    if (!entry) throw new CrxError('the CRX has no manifest.json');
    manifest = JSON.parse(entry.toString('utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof CrxError) throw error;
    throw new CrxError(`the CRX's manifest cannot be read: ${(error as Error).message}`);
  }
  const version = manifest.version;
  if (typeof version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(version)) {
    throw new CrxError('the CRX manifest has no valid version (1 to 4 numbers separated by dots)');
  }
  return {
    extensionId,
    version,
    manifest,
    publicKey,
    sha256: createHash('sha256').update(file).digest('hex'),
    sizeBytes: file.length,
  };
}
