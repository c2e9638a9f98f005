import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEPLOY_TARGETS,
  DeployPolicyBodySchema,
  ExtensionIdSchema,
  ProxyChoiceSchema,
  type ProxyChoice,
  browserOfTarget,
  describeZodError,
} from '@waymark/shared';
import { loadConfig } from '../config';
import { createReleaseStore, generatePolicy } from '../features/deploy';
import { DEMO_ENROLLMENT_TOKENS } from '../seed/demo-school';
import { type CliIo, EXIT, InputError, UsageError } from './io';

const DEMO_SERVER_URL = 'http://localhost:8080';
/** The demo school's pupils' and staff's e-mail domains (as the console's Deploy page finds them). */
const DEMO_ACCOUNT_DOMAINS = ['pupils.demo.waymark.test', 'demo.waymark.test'];

export const DEPLOY_POLICY_USAGE = `Usage: waymark deploy-policy --target <target> [--server-url URL] [--token T] [--out FILE]
                              [--domain D]... [--locale en|cy] [--profile P]
                              [--proxy-mode M [--proxy-server H:P | --proxy-pac-url URL]]
                              [--releases-dir DIR | --extension-id ID] [--explain]

One complete device-policy file that force-installs Waymark from the school's server, configures
it (server and enrollment token) and hardens the browser, with every setting's reason in it (in
comments, or in a README block for JSON). Targets:
  ${DEPLOY_TARGETS.join(', ')}

  --server-url URL   the console server as devices reach it (default: the demo's ${DEMO_SERVER_URL})
  --token T          an enrollment token (default: the demo's ${DEMO_ENROLLMENT_TOKENS.year2})
  --out FILE         write the file here instead of standard output; a JSON file gets FILE.README.md
                     beside it, explaining each setting
  --domain D         an e-mail domain of the school's accounts (repeat for more): browser sign-in is
                     restricted to them (default with the demo: the demo school's domains)
  --locale en|cy     the block pages' language;  --profile P  a fixed profile for shared devices
  --proxy-mode M     the proxy the file locks: system (default: the operating system's, as the
                     school's network sets it), direct, fixed_servers (with --proxy-server) or
                     pac_script (with --proxy-pac-url)
  --releases-dir DIR the signed packages whose extension ID the file names (default: the server's
                     releases folder, WAYMARK_RELEASES_DIR); or give --extension-id
  --explain          print why each setting is there instead of the file
Exit codes: 0 written, 1 invalid input, 2 bad arguments.
`;

/** The proxy the file locks, from --proxy-mode and the one flag that mode takes. */
function proxyFromFlags(mode = 'system', server?: string, pacUrl?: string): ProxyChoice {
  if (server !== undefined && mode !== 'fixed_servers')
    throw new UsageError('--proxy-server goes with --proxy-mode fixed_servers');
  if (pacUrl !== undefined && mode !== 'pac_script')
    throw new UsageError('--proxy-pac-url goes with --proxy-mode pac_script');
  const parsed = ProxyChoiceSchema.safeParse({ mode, server, pacUrl });
  if (!parsed.success) {
    const flag = { mode: '--proxy-mode', server: '--proxy-server', pacUrl: '--proxy-pac-url' };
    const issue = parsed.error.issues[0]!;
    const key = (issue.path[0] ?? 'mode') as keyof typeof flag;
    throw new UsageError(
      `${flag[key] ?? '--proxy-mode'}: ${issue.code === 'invalid_type' && key !== 'mode' ? `give ${flag[key]} with --proxy-mode ${mode}` : issue.message}`,
    );
  }
  return parsed.data;
}

export async function deployPolicyCommand(args: string[], io: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        target: { type: 'string' },
        'server-url': { type: 'string' },
        token: { type: 'string' },
        out: { type: 'string' },
        domain: { type: 'string', multiple: true },
        locale: { type: 'string' },
        profile: { type: 'string' },
        'proxy-mode': { type: 'string' },
        'proxy-server': { type: 'string' },
        'proxy-pac-url': { type: 'string' },
        'releases-dir': { type: 'string' },
        'extension-id': { type: 'string' },
        explain: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    io.stdout.write(DEPLOY_POLICY_USAGE);
    return EXIT.ok;
  }
  if (!values.target) throw new UsageError('give --target');
  if (values['releases-dir'] && values['extension-id']) {
    throw new UsageError('give --releases-dir or --extension-id, not both');
  }
  const demo = values['server-url'] === undefined && values.token === undefined;
  const parsed = DeployPolicyBodySchema.safeParse({
    target: values.target,
    serverUrl: values['server-url'] ?? DEMO_SERVER_URL,
    enrollmentToken: values.token ?? DEMO_ENROLLMENT_TOKENS.year2,
    accountDomains: values.domain ?? (demo ? DEMO_ACCOUNT_DOMAINS : undefined),
    locale: values.locale,
    fixedProfile: values.profile,
  });
  if (!parsed.success) throw new UsageError(describeZodError(parsed.error));
  const body = parsed.data;
  const proxy = proxyFromFlags(values['proxy-mode'], values['proxy-server'], values['proxy-pac-url']);

  const warnings: string[] = [];
  let extensionId: string;
  if (values['extension-id']) {
    const id = ExtensionIdSchema.safeParse(values['extension-id']);
    if (!id.success) throw new UsageError(`--extension-id: ${describeZodError(id.error)}`);
    extensionId = id.data;
  } else {
    const releasesDir = values['releases-dir']
      ? path.resolve(values['releases-dir'])
      : loadConfig().releasesDir;
    const releases = createReleaseStore(releasesDir);
    const found = await releases.extensionIdFor(browserOfTarget(body.target));
    extensionId = found.id;
    if (!found.published) {
      warnings.push(
        `no signed package in ${releasesDir}: the file names the development build (${extensionId}). Run "npm run package" first, or give --extension-id.`,
      );
    }
    for (const problem of (await releases.list()).problems) warnings.push(problem);
  }
  if (demo)
    warnings.push(
      `no --server-url or --token: using the demo school’s (${body.serverUrl}, ${body.enrollmentToken}).`,
    );
  if (!body.accountDomains?.length)
    warnings.push('no --domain: browser sign-in is not restricted to the school’s accounts.');

  const file = generatePolicy(body, extensionId, proxy);
  for (const warning of warnings) io.stderr.write(`waymark deploy-policy: ${warning}\n`);
  if (values.explain) {
    io.stdout.write(file.readme);
    return EXIT.ok;
  }
  if (!values.out) {
    io.stdout.write(file.bytes);
    return EXIT.ok;
  }
  try {
    fs.writeFileSync(values.out, file.bytes);
    const withComments = file.fileName.endsWith('.reg') || file.fileName.endsWith('.mobileconfig');
    if (!withComments) fs.writeFileSync(`${values.out}.README.md`, file.readme);
    io.stderr.write(
      `waymark deploy-policy: wrote ${values.out}${withComments ? '' : ` and ${values.out}.README.md`}. ${file.install}\n`,
    );
  } catch (error) {
    throw new InputError(`cannot write ${values.out}: ${(error as Error).message}`);
  }
  return EXIT.ok;
}
