import fs from 'node:fs';
import path from 'node:path';

/** Where Debian's Chromium reads machine policy (Google Chrome: /etc/opt/chrome/policies/managed). */
export const CHROMIUM_MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

export interface InstalledPolicy {
  file: string;
  /** Puts back exactly what was there: the earlier file, or nothing (and no folders we made). */
  restore(): void;
}

/**
 * Installs a JSON policy file in Chromium's machine policy folder, as a technician would, and
 * remembers what it replaces. The restore also runs if the process exits before the test's own
 * clean-up, so a failed run never leaves this machine's browsers managed.
 */
export function installMachinePolicy(
  name: string,
  policy: unknown,
  dir = CHROMIUM_MANAGED_POLICY_DIR,
): InstalledPolicy {
  const file = path.join(dir, name);
  const created: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) created.unshift(d);
  const previous = fs.existsSync(file)
    ? { content: fs.readFileSync(file), mode: fs.statSync(file).mode }
    : null;

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (previous) {
      fs.writeFileSync(file, previous.content);
      fs.chmodSync(file, previous.mode);
    } else {
      fs.rmSync(file, { force: true });
    }
    for (const d of [...created].reverse()) {
      if (fs.existsSync(d) && fs.readdirSync(d).length === 0) fs.rmdirSync(d);
    }
    process.off('exit', restore);
  };
  process.on('exit', restore);

  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, JSON.stringify(policy, null, 2), { mode: 0o644 });
  fs.chmodSync(file, 0o644);
  return { file, restore };
}
