import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'console-ui', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
