import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'console-server', 'console-ui', 'extension', 'test'],
    // Vitest's default is one worker on a 2-core machine. The unit projects' files wait on sockets,
    // PGlite and child processes more than on the CPU, so they run two at a time; the end-to-end
    // files keep to one at a time after them (test/vitest.config.ts), as two Chromiums at once
    // starve each other on two cores.
    maxWorkers: 2,
  },
});
