import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './paths';

/** Where Debian's Chromium reads configuration, machine policy included (`policies/managed/*.json`). */
const CHROMIUM_ETC_DIR = '/etc/chromium';

export interface MachinePolicyChromium {
  /** An executable that starts Chromium under the policy: pass it to Playwright as `executablePath`. */
  executablePath: string;
  /** Removes the private copy of /etc/chromium and the launcher. */
  remove(): void;
}

/**
 * Chromium under a machine policy, as a technician would install it in
 * /etc/chromium/policies/managed, but seen by this one browser only: the launcher starts Chromium in
 * a private mount namespace where a copy of /etc/chromium holding the policy is mounted over the
 * real one. Nothing on the machine changes, so other Chromiums (another test run's, a person's)
 * are never managed by it. Needs root (a mount namespace), as installing machine policy does.
 */
export function chromiumUnderMachinePolicy(name: string, policy: unknown): MachinePolicyChromium {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-machine-policy-'));
  const etc = path.join(dir, 'etc-chromium');
  if (fs.existsSync(CHROMIUM_ETC_DIR)) fs.cpSync(CHROMIUM_ETC_DIR, etc, { recursive: true });
  const managed = path.join(etc, 'policies/managed');
  fs.rmSync(managed, { recursive: true, force: true });
  fs.mkdirSync(managed, { recursive: true });
  fs.writeFileSync(path.join(managed, name), JSON.stringify(policy, null, 2), { mode: 0o644 });

  // The real folder must exist to be mounted over; Debian's chromium package creates it.
  fs.mkdirSync(CHROMIUM_ETC_DIR, { recursive: true });
  const launcher = path.join(dir, 'chromium-under-policy.sh');
  fs.writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      // Playwright talks to Chromium over inherited pipes (fds 3 and 4); exec keeps them.
      `exec unshare --mount --propagation private sh -c 'mount --bind "$0" ${CHROMIUM_ETC_DIR} && exec ${CHROMIUM} "$@"' ${JSON.stringify(etc)} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  return {
    executablePath: launcher,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
