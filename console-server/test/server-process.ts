import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * As `npm start` runs the server (console-server/package.json): a 32 MB young generation, so the
 * garbage of each event dies young instead of filling the old generation, whose collections stop
 * the server for tens of milliseconds with 10,000 sockets in it (README, Benchmarks).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the real console server (`console-server/src/main.ts`) as its own process, on PGlite in
 * `dataDir` unless `env` sets DATABASE_URL.
 */
export function startServerProcess(
  dataDir: string,
  port = 0,
  env: Record<string, string> = {},
  /** Extra options for node itself, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
  nodeOptions: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...nodeOptions, '--import', 'tsx', SERVER_MAIN],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WAYMARK_DATA_DIR: dataDir,
        DATABASE_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Console:\s+http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const actualPort = Number(match[1]);
        resolve({
          url: `http://127.0.0.1:${actualPort}`,
          port: actualPort,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
