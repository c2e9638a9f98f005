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
    // One Chromium and one server at a time: the machine has two cores.
    fileParallelism: false,
    // expect.poll waits on a browser and a server; Vitest's 1 s default is too short under load.
    expect: { poll: { timeout: 15_000 } },
  },
});
