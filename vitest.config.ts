import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'console-server', 'console-ui', 'extension', 'test'],
    // Vitest's default is one worker on a 2-core machine. The files wait on sockets, PGlite, child
    // processes and browsers more than on the CPU, so they run two at a time, end-to-end files
    // among the others (run one at a time after them, the end-to-end files were most of the time
    // `npm test` took).
    maxWorkers: 2,
  },
});
