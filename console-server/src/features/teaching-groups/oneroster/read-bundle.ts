import path from 'node:path';
import yauzl from 'yauzl';
import type { OneRosterImportBody } from '@waymark/shared';
import { DomainError } from '../../../errors/domain-error';

/** A OneRoster file past this size is not a school's roster. */
const MAX_FILE_BYTES = 40 * 1024 * 1024;
const MAX_FILES = 40;

/**
 * The CSV files of a OneRoster bundle, by lower-case base name (`users.csv`), from its ZIP or from
 * the files sent one by one. yauzl checks each entry's sizes as it inflates.
 */
export async function readBundle(body: OneRosterImportBody): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (body.files) {
    for (const [name, text] of Object.entries(body.files)) files.set(path.basename(name).toLowerCase(), text);
    return files;
  }
  const zip = Buffer.from(body.zipBase64!, 'base64');
  await new Promise<void>((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (openError, archive) => {
      if (openError)
        return reject(
          new DomainError('invalid', `not a ZIP file this importer can read: ${openError.message}`),
        );
      const fail = (error: Error) => {
        archive.close();
        reject(new DomainError('invalid', `the ZIP file could not be read: ${error.message}`));
      };
      archive.on('error', fail);
      archive.on('end', () => resolve());
      archive.on('entry', (entry: yauzl.Entry) => {
        const name = path.basename(entry.fileName).toLowerCase();
        if (entry.fileName.endsWith('/') || !name.endsWith('.csv')) return archive.readEntry();
        if (files.size >= MAX_FILES) return fail(new Error('too many files'));
        if (entry.uncompressedSize > MAX_FILE_BYTES) return fail(new Error(`${name} is too large`));
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', fail);
          stream.on('end', () => {
            files.set(name, Buffer.concat(chunks).toString('utf8'));
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
  return files;
}
