import { makePgliteTemplate } from './pglite-template';

/**
 * Vitest global set-up (console-server and e2e projects): makes the migrated PGlite template once
 * per run and names it in WAYMARK_PGLITE_TEMPLATE, which the test workers inherit. The harness's
 * servers, the CLI and server processes started by tests read it (console-server/src/config.ts).
 * `WAYMARK_PGLITE_TEMPLATE=off` runs every test database through the real migrations instead.
 */
export default async function setup(): Promise<void> {
  if (process.env.WAYMARK_PGLITE_TEMPLATE === 'off') {
    delete process.env.WAYMARK_PGLITE_TEMPLATE;
    return;
  }
  process.env.WAYMARK_PGLITE_TEMPLATE = await makePgliteTemplate();
}
