import fs from 'node:fs/promises';
import path from 'node:path';
import { DEVELOPMENT_EXTENSION_ID, type ExtensionBrowser, type ExtensionRelease } from '@waymark/shared';
import { compareVersions } from '../devices-and-enrollment';
import { CrxError, parseCrx } from './crx-file';

interface ReleaseListing {
  releases: ExtensionRelease[];
  latest: Partial<Record<ExtensionBrowser, ExtensionRelease>>;
  /** Packages devices would refuse, said in words a technician can act on. */
  problems: string[];
}

/** `waymark-1.2.0-edge.crx` is the Edge build; any other `.crx` is Chrome's. */
function browserOfPackage(fileName: string): ExtensionBrowser {
  return /-edge\.crx$/i.test(fileName) ? 'edge' : 'chrome';
}

/**
 * The signed packages in the releases folder (`npm run package` writes there; so can a
 * technician copying files in). Publishing is putting a newer `.crx` in the folder: the next
 * update check sees it, no restart needed. Each package is read and its signature checked once
 * (cached by name, size and modification time); a package that fails is reported, never offered.
 */
export function createReleaseStore(releasesDir: string | null) {
  const dir = releasesDir ? path.resolve(releasesDir) : null;
  const cache = new Map<string, { stamp: string; release: ExtensionRelease | null; problem?: string }>();

  async function list(): Promise<ReleaseListing> {
    if (!dir) return { releases: [], latest: {}, problems: [] };
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((name) => name.toLowerCase().endsWith('.crx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { releases: [], latest: {}, problems: [] };
      throw error;
    }
    const releases: ExtensionRelease[] = [];
    const problems: string[] = [];
    for (const name of names.sort()) {
      const file = path.join(dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) continue;
      const stamp = `${stat.size}:${stat.mtimeMs}`;
      let entry = cache.get(name);
      if (entry?.stamp !== stamp) {
        try {
          const info = await parseCrx(await fs.readFile(file));
          const updateUrl = info.manifest.update_url;
          const minimum = info.manifest.minimum_chrome_version;
          entry = {
            stamp,
            release: {
              browser: browserOfPackage(name),
              fileName: name,
              extensionId: info.extensionId,
              version: info.version,
              sizeBytes: info.sizeBytes,
              sha256: info.sha256,
              publishedAt: stat.mtime.toISOString(),
              manifestUpdateUrl: typeof updateUrl === 'string' ? updateUrl : null,
              minimumBrowserVersion: typeof minimum === 'string' ? minimum : null,
            },
          };
        } catch (error) {
          if (!(error instanceof CrxError)) throw error;
          entry = { stamp, release: null, problem: `${name}: ${error.message}` };
        }
        cache.set(name, entry);
      }
      if (entry.release) releases.push(entry.release);
      else problems.push(entry.problem!);
    }

    const latest: Partial<Record<ExtensionBrowser, ExtensionRelease>> = {};
    for (const release of releases) {
      const current = latest[release.browser];
      const order = current ? compareVersions(release.version, current.version) : 1;
      if (order > 0 || (order === 0 && current && release.publishedAt > current.publishedAt)) {
        latest[release.browser] = release;
      }
    }
    for (const release of releases) {
      const newest = latest[release.browser]!;
      if (release.extensionId !== newest.extensionId) {
        problems.push(
          `${release.fileName} is signed with a different key (ID ${release.extensionId}) from the newest ${release.browser} package ${newest.fileName} (ID ${newest.extensionId}): devices will not take it as an update.`,
        );
      }
    }
    if (latest.chrome && latest.edge && latest.chrome.extensionId !== latest.edge.extensionId) {
      problems.push(
        `The Chrome and Edge packages have different IDs (${latest.chrome.extensionId}, ${latest.edge.extensionId}): sign both with the school's one key.`,
      );
    }
    releases.sort((a, b) => compareVersions(b.version, a.version) || a.browser.localeCompare(b.browser));
    return { releases, latest, problems };
  }

  return {
    dir,
    list,
    /** The ID policies for this browser name: its newest package's, the other browser's, or the development build's. */
    async extensionIdFor(browser: ExtensionBrowser): Promise<{ id: string; published: boolean }> {
      const { latest } = await list();
      const release = latest[browser] ?? latest[browser === 'chrome' ? 'edge' : 'chrome'];
      return release
        ? { id: release.extensionId, published: true }
        : { id: DEVELOPMENT_EXTENSION_ID, published: false };
    },
    /** A package by file name, only if it is one of the listed (valid) releases. */
    async package(fileName: string): Promise<{ file: string; release: ExtensionRelease } | null> {
      const { releases } = await list();
      const release = releases.find((r) => r.fileName === fileName);
      return release && dir ? { file: path.join(dir, release.fileName), release } : null;
    },
  };
}
export type ReleaseStore = ReturnType<typeof createReleaseStore>;
