/** The most a single import may carry (the server takes 50 million characters per file). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A UT1 list file inside a chosen folder: `…/<category>/domains` or `…/<category>/urls`. */
const UT1_FILE = /(?:^|\/)[^/]+\/(?:domains|urls)$/;

/** The path of a file inside a folder the person chose (`webkitRelativePath`), else its name. */
function pathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

export function ut1Files(files: readonly File[]): File[] {
  return files.filter((f) => UT1_FILE.test(pathOf(f)));
}

export function totalBytes(files: readonly File[]): number {
  return files.reduce((sum, f) => sum + f.size, 0);
}

/** The UT1 files' contents by their path, as the import API takes them. */
export async function readUt1(files: readonly File[]): Promise<Record<string, string>> {
  const entries = await Promise.all(ut1Files(files).map(async (f) => [pathOf(f), await f.text()] as const));
  return Object.fromEntries(entries);
}
