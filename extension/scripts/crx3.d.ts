// crx3 (ahwayakchih/crx3) ships no types: the part of its API the packaging script uses.
declare module 'crx3' {
  interface Crx3Options {
    keyPath: string;
    crxPath: string;
    zipPath?: string;
    xmlPath?: string;
  }
  interface Crx3Result {
    /** The extension ID (32 letters a–p) derived from the signing key. */
    appId: string;
  }
  function crx3(files: string[] | NodeJS.ReadableStream, options: Crx3Options): Promise<Crx3Result>;
  export = crx3;
}
