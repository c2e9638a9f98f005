import { parseArgs } from 'node:util';
import { TrustRoleSchema } from '@waymark/shared';
import { addTrustStaff, createTrust, listTrusts, setSchoolTrust, SetupError } from '../features/trust';
import { DATABASE_OPTIONS, DATABASE_USAGE, openCliDatabase } from './cli-database';
import { type CliIo, EXIT, InputError, UsageError } from './io';

export const TRUST_USAGE = `Usage: waymark trust <action> [options]

Several schools in one deployment: a multi-academy trust or a local authority. Each school's data,
rooms and accounts stay its own; trust-level staff see across the schools of their trust only.

Actions:
  list                                    every trust with its schools
  create <trust-id> --name <name>         a new trust
  add-school <trust-id> <school-id>       put an existing school in the trust
  remove-school <school-id>               take a school out of its trust
  add-staff <trust-id> --school <school-id> --email <e-mail> --name <name>
            --role trust-dsl|trust-reporter [--password <password>]
                                          a trust-level account, based at one school of the trust
                                          (the password is generated and printed when not given)

${DATABASE_USAGE}
`;

export async function trustCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        ...DATABASE_OPTIONS,
        name: { type: 'string' },
        school: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(TRUST_USAGE);
    return EXIT.ok;
  }
  const [action, ...rest] = positionals;
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`${action} needs ${what}`);
    return value;
  };
  const database = await openCliDatabase(values);
  try {
    switch (action) {
      case 'list': {
        const { trusts, standalone } = await listTrusts(database.db);
        for (const trust of trusts) {
          io.stdout.write(`${trust.id}  ${trust.name}\n`);
          for (const s of trust.schools) io.stdout.write(`  ${s.id}  ${s.name}\n`);
        }
        if (standalone.length) {
          io.stdout.write('Schools in no trust:\n');
          for (const s of standalone) io.stdout.write(`  ${s.id}  ${s.name}\n`);
        }
        return EXIT.ok;
      }
      case 'create': {
        const id = need(rest[0], 'a trust id');
        await createTrust(database.db, { id, name: need(values.name, '--name') });
        io.stdout.write(`Created the trust ${id}.\n`);
        return EXIT.ok;
      }
      case 'add-school': {
        const trustId = need(rest[0], 'a trust id');
        const schoolId = need(rest[1], 'a school id');
        await setSchoolTrust(database.db, schoolId, trustId);
        io.stdout.write(`${schoolId} is now in the trust ${trustId}.\n`);
        return EXIT.ok;
      }
      case 'remove-school': {
        const schoolId = need(rest[0], 'a school id');
        await setSchoolTrust(database.db, schoolId, null);
        io.stdout.write(`${schoolId} is now in no trust.\n`);
        return EXIT.ok;
      }
      case 'add-staff': {
        const role = TrustRoleSchema.safeParse(values.role);
        if (!role.success) throw new UsageError('--role must be trust-dsl or trust-reporter');
        const account = await addTrustStaff(database.db, {
          trustId: need(rest[0], 'a trust id'),
          schoolId: need(values.school, '--school'),
          email: need(values.email, '--email'),
          name: need(values.name, '--name'),
          role: role.data,
          password: values.password,
        });
        io.stdout.write(
          `Created ${account.email} (${role.data}).` +
            (account.generated ? ` Password: ${account.password} (pass it on once, privately).` : '') +
            '\n',
        );
        return EXIT.ok;
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'which action?');
    }
  } catch (error) {
    if (error instanceof SetupError) throw new InputError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}
