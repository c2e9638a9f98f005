import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'console-server', 'console-ui', 'extension', 'test'],
    // Vitest's default is one worker on a 2-core machine; most files wait on sockets, child processes
    // and Chromium rather than on the CPU, so two at a time roughly halves the wall time.
    maxWorkers: 2,
  },
});
