import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'console-server',
    include: ['test/**/*.test.ts'],
    // One migrated PGlite per run, which every test database starts from (test/pglite-template.ts).
    globalSetup: ['test/pglite-template.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for something the server does after answering (an alert's e-mail, a
    // device marked offline); 1 s, Vitest's default, is too short on a loaded two-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
