import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    // One migrated PGlite per run, which the servers' new databases start from
    // (console-server/test/pglite-template.ts; server processes inherit WAYMARK_PGLITE_TEMPLATE).
    globalSetup: ['../console-server/test/pglite-template.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run beside the unit projects' files, two at a time in all (vitest.config.ts): an
    // end-to-end file spends most of its time waiting on a browser, a server and the conditions
    // it polls for, not on the CPU. Each file has its own server, browser, ports and folders, and
    // the force-install file's machine policy is seen by its own Chromium only (machine-policy.ts).
    // expect.poll waits on a browser and a server; Vitest's 1 s default is too short under load.
    expect: { poll: { timeout: 15_000 } },
  },
});
