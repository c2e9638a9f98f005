import yauzl from 'yauzl';

/** Stops reading an archive's entry past this size: a manifest is a few kilobytes. */
const MAX_ENTRY_BYTES = 1024 * 1024;

/**
 * One file's bytes from a ZIP archive, or null when it has no such entry. yauzl reads the central
 * directory (ZIP64 included) and checks each entry's sizes as it inflates.
 */
export function readZipEntry(zip: Buffer, name: string): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (openError, archive) => {
      if (openError) return reject(openError);
      const fail = (error: Error) => {
        archive.close();
        reject(error);
      };
      archive.on('error', fail);
      archive.on('end', () => resolve(null));
      archive.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return archive.readEntry();
        if (entry.uncompressedSize > MAX_ENTRY_BYTES)
          return fail(new Error(`ZIP entry ${name} is too large`));
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', fail);
          stream.on('end', () => {
            archive.close();
            resolve(Buffer.concat(chunks));
          });
        });
      });
      archive.readEntry();
    });
  });
}
