#!/usr/bin/env node
// The `waymark` command. Thin: loads the TypeScript CLI through tsx and exits with its code.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
