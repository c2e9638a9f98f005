import { CHECK_SEARCH_USAGE, checkSearch } from './check-search';
import { CHECK_URL_USAGE, checkUrl } from './check-url';
import { DEPLOY_POLICY_USAGE, deployPolicyCommand } from './deploy-policy';
import { EXIT, InputError, UsageError, type CliIo } from './io';
import { SCHOOL_USAGE, schoolCommand } from './school';
import { TRUST_USAGE, trustCommand } from './trust';
import { VERIFY_LOG_USAGE, verifyLogCommand } from './verify-log';

const USAGE = `Usage: waymark <command> [options]

Commands:
  check-url   is this URL allowed or blocked, and which rule decided?
  check-search  does Waymark flag this search or title: categories, risk and the phrase that matched
  verify-log  has the online-safety incident log been tampered with?
  school      add a school to this deployment, with its first admin
  trust       several schools in one deployment: trusts, their schools, trust-level staff
  deploy-policy  device policy that force-installs, configures and hardens Waymark (Chrome, Edge)

Run "waymark <command> --help" for a command's options.
`;

const COMMANDS: Record<
  string,
  { run: (args: string[], io: CliIo) => number | Promise<number>; usage: string }
> = {
  'check-url': { run: checkUrl, usage: CHECK_URL_USAGE },
  'check-search': { run: checkSearch, usage: CHECK_SEARCH_USAGE },
  'verify-log': { run: verifyLogCommand, usage: VERIFY_LOG_USAGE },
  school: { run: schoolCommand, usage: SCHOOL_USAGE },
  trust: { run: trustCommand, usage: TRUST_USAGE },
  'deploy-policy': { run: deployPolicyCommand, usage: DEPLOY_POLICY_USAGE },
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io[name === undefined ? 'stderr' : 'stdout'].write(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`waymark: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`waymark ${name}: ${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`waymark ${name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    throw error;
  }
}
