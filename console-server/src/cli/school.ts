import { parseArgs } from 'node:util';
import { CountrySchema } from '@waymark/shared';
import { createSchool, SetupError } from '../features/trust';
import { DATABASE_OPTIONS, DATABASE_USAGE, openCliDatabase } from './cli-database';
import { type CliIo, EXIT, InputError, UsageError } from './io';

export const SCHOOL_USAGE = `Usage: waymark school create <school-id> --name <name> --admin-email <e-mail>
         --admin-name <name> [--admin-password <password>] [--trust <trust-id>]
         [--time-zone <IANA zone>] [--sign-in-domain <host>]... [--country england|wales]

Adds a school to this deployment: the starter policy for every key stage and its first school
admin, who then adds the school's staff, classes and devices from the console. The admin's
password is generated and printed when not given. --trust puts it in a trust (waymark trust).
--country wales: Hwb and its Microsoft 365 sign-in domains on every profile, pupils' pages in
Welsh by default, and Meic first among the help sites block pages show (default england).

${DATABASE_USAGE}
`;

export async function schoolCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        ...DATABASE_OPTIONS,
        name: { type: 'string' },
        trust: { type: 'string' },
        'time-zone': { type: 'string' },
        'sign-in-domain': { type: 'string', multiple: true },
        country: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        'admin-password': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(SCHOOL_USAGE);
    return EXIT.ok;
  }
  const [action, id] = positionals;
  if (action !== 'create') throw new UsageError(action ? `unknown action "${action}"` : 'which action?');
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`create needs ${what}`);
    return value;
  };
  const country = CountrySchema.safeParse(values.country ?? 'england');
  if (!country.success) throw new UsageError(`--country must be one of ${CountrySchema.options.join(', ')}`);
  const school = {
    id: need(id, 'a school id'),
    name: need(values.name, '--name'),
    trustId: values.trust,
    timeZone: values['time-zone'],
    signInDomains: values['sign-in-domain'],
    country: country.data,
    admin: {
      email: need(values['admin-email'], '--admin-email'),
      name: need(values['admin-name'], '--admin-name'),
      password: values['admin-password'],
    },
  };
  const database = await openCliDatabase(values);
  try {
    const admin = await createSchool(database.db, school);
    io.stdout.write(
      `Created the school ${school.id}${school.trustId ? ` in the trust ${school.trustId}` : ''}, ` +
        `with the admin ${admin.email}.` +
        (country.data === 'wales' ? " Welsh school: Hwb on every profile, pupils' pages in Welsh." : '') +
        (admin.generated ? ` Password: ${admin.password} (pass it on once, privately).` : '') +
        '\n',
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SetupError) throw new InputError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
