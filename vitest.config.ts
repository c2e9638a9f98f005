import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['shared', 'console-server', 'console-ui', 'extension', 'test'],
  },
});
