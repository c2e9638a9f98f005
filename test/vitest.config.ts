import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run two at a time beside the unit projects (the root's maxWorkers): each file has its own
    // server process, data folder, origin server on port 0 and Chromium profile, and the machine-policy
    // tests mount their /etc/chromium copy in a private namespace, so no two files share state.
  },
});
