import { and, eq, sql } from 'drizzle-orm';
import {
  browserOfTarget,
  ProxyChoiceSchema,
  type DeployPolicyBody,
  type DeployPolicyFile,
  type DeployStatus,
  type DeployWarning,
  type EnrollmentTokenCheck,
  type Profile,
  type ProxyChoice,
} from '@waymark/shared';
import { hashSecret } from '../auth-and-accounts';
import type { Database } from '../../db/open-database';
import { classes, devices, enrollmentTokens, pupils, schools, staff } from '../../db/schema';
import { compareVersions } from '../devices-and-enrollment';
import { generatePolicy } from './generate-policy';
import type { ReleaseStore } from './release-store';

/**
 * Deployment for the technician: what is published and what devices run, and policy files for
 * each target with the school's server, token and the published package's ID filled in.
 */
export function createDeployService({ db, releases }: { db: Database; releases: ReleaseStore }) {
  /** The e-mail domains the school's pupils and staff use, most common first. */
  async function accountDomains(schoolId: string): Promise<string[]> {
    const domain = (column: typeof pupils.email | typeof staff.email) =>
      sql<string>`lower(split_part(${column}, '@', 2))`;
    const rows = [
      ...(await db
        .select({ domain: domain(pupils.email), count: sql<number>`count(*)::int` })
        .from(pupils)
        .where(eq(pupils.schoolId, schoolId))
        .groupBy(domain(pupils.email))),
      ...(await db
        .select({ domain: domain(staff.email), count: sql<number>`count(*)::int` })
        .from(staff)
        .where(eq(staff.schoolId, schoolId))
        .groupBy(domain(staff.email))),
    ];
    const counts = new Map<string, number>();
    for (const row of rows) if (row.domain) counts.set(row.domain, (counts.get(row.domain) ?? 0) + row.count);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d);
  }

  /** Whether a token value is one of this school's, and usable: only its hash is stored, so this is how it is found. */
  async function checkToken(
    schoolId: string,
    token: string,
    now = new Date(),
  ): Promise<EnrollmentTokenCheck> {
    const [row] = await db
      .select()
      .from(enrollmentTokens)
      .where(and(eq(enrollmentTokens.schoolId, schoolId), eq(enrollmentTokens.tokenHash, hashSecret(token))));
    if (!row) return { status: 'unknown' };
    if (row.revokedAt) return { status: 'revoked', label: row.label };
    if (row.expiresAt && row.expiresAt <= now) return { status: 'expired', label: row.label };
    if (row.maxUses !== null && row.uses >= row.maxUses) return { status: 'used-up', label: row.label };
    return {
      status: 'valid',
      label: row.label,
      uses: row.uses,
      maxUses: row.maxUses,
      expiresAt: row.expiresAt?.toISOString() ?? null,
    };
  }

  /**
   * The profile a token's devices enforce with no pupil signed in: its class's, its own, or (with
   * neither) the strictest pupil profile. Null for a token that is not the school's.
   */
  async function profileOfToken(schoolId: string, token: string): Promise<Profile | null> {
    const [row] = await db
      .select({ profile: enrollmentTokens.profile, classProfile: classes.profile })
      .from(enrollmentTokens)
      .leftJoin(classes, eq(classes.id, enrollmentTokens.classId))
      .where(and(eq(enrollmentTokens.schoolId, schoolId), eq(enrollmentTokens.tokenHash, hashSecret(token))));
    if (!row) return null;
    return row.classProfile ?? row.profile ?? 'EYFS';
  }

  /** The school's proxy choice; a stored one the schema does not take fails loudly, never reaches a file. */
  async function proxyChoice(schoolId: string): Promise<ProxyChoice> {
    const [row] = await db
      .select({ proxy: schools.proxyChoice })
      .from(schools)
      .where(eq(schools.id, schoolId));
    const parsed = ProxyChoiceSchema.safeParse(row?.proxy);
    if (!parsed.success)
      throw new Error(`school ${schoolId}'s stored proxy choice is invalid: ${parsed.error.message}`);
    return parsed.data;
  }

  return {
    accountDomains,
    checkToken,
    proxyChoice,

    /** Stores the school's proxy choice: every policy file made from now on locks it. */
    async saveProxyChoice(schoolId: string, proxy: ProxyChoice): Promise<ProxyChoice> {
      const checked = ProxyChoiceSchema.parse(proxy);
      await db.update(schools).set({ proxyChoice: checked }).where(eq(schools.id, schoolId));
      return checked;
    },

    async status(schoolId: string, serverUrl: string): Promise<DeployStatus> {
      const listing = await releases.list();
      const { id, published } = await releases.extensionIdFor('chrome');
      const versionRows = await db
        .select({
          version: devices.extensionVersion,
          devices: sql<number>`count(*)::int`,
          online: sql<number>`count(*) filter (where ${devices.online})::int`,
        })
        .from(devices)
        .where(eq(devices.schoolId, schoolId))
        .groupBy(devices.extensionVersion);
      const newestPublished = [listing.latest.chrome?.version, listing.latest.edge?.version]
        .filter((v): v is string => Boolean(v))
        .sort(compareVersions)
        .at(-1);
      const versions = versionRows
        .map((row) => ({
          ...row,
          current:
            row.version !== null && (!newestPublished || compareVersions(row.version, newestPublished) >= 0),
        }))
        .sort((a, b) =>
          b.version === null ? -1 : a.version === null ? 1 : compareVersions(b.version, a.version),
        );
      return {
        releases: listing.releases,
        latest: listing.latest,
        extensionId: id,
        extensionIdSource: published ? 'published' : 'development',
        problems: listing.problems,
        serverUrl,
        accountDomains: await accountDomains(schoolId),
        proxy: await proxyChoice(schoolId),
        classes: await db
          .select({ id: classes.id, name: classes.name, profile: classes.profile })
          .from(classes)
          .where(eq(classes.schoolId, schoolId))
          .orderBy(classes.name),
        versions,
        devices: versionRows.reduce((sum, row) => sum + row.devices, 0),
      };
    },

    async policy(schoolId: string, body: DeployPolicyBody): Promise<DeployPolicyFile & { bytes: Buffer }> {
      const browser = browserOfTarget(body.target);
      const { id, published } = await releases.extensionIdFor(browser);
      const generated = generatePolicy(body, id, await proxyChoice(schoolId));
      const token = await checkToken(schoolId, body.enrollmentToken);
      const warnings: DeployWarning[] = [];
      if (!published) {
        warnings.push({
          code: 'unpublished',
          extensionId: id,
          message: `No signed package is published on this server yet, so this file names the development build (${id}). Publish the school's package first (npm run package), then generate the file again.`,
        });
      }
      const latest = (await releases.list()).latest[browser];
      if (body.target === 'google-admin' && latest && latest.manifestUpdateUrl !== generated.updateUrl) {
        warnings.push({
          code: 'package-update-url',
          fileName: latest.fileName,
          packageUpdateUrl: latest.manifestUpdateUrl,
          updateUrl: generated.updateUrl,
          message: `The Admin console updates extensions from the update_url inside the package, and ${latest.fileName} ${latest.manifestUpdateUrl ? `has ${latest.manifestUpdateUrl}` : 'has none'}. Package it with --update-url ${generated.updateUrl}.`,
        });
      }
      if (token.status === 'unknown') {
        warnings.push({
          code: 'token-unknown',
          message: 'This enrollment token is not one of the school’s: devices will not enroll with it.',
        });
      } else if (token.status !== 'valid') {
        warnings.push({
          code: 'token-unusable',
          label: token.label,
          status: token.status,
          message: `The enrollment token “${token.label}” is ${token.status}: devices will not enroll with it.`,
        });
      }
      if (!body.accountDomains?.length) {
        warnings.push({
          code: 'no-domains',
          message:
            'No account domains were given, so browser sign-in is not restricted to the school’s accounts.',
        });
      }
      if (body.serverUrl.startsWith('http://')) {
        warnings.push({
          code: 'plain-http',
          message:
            'The server address is plain http: use https for real devices (tokens and reports travel over it).',
        });
      }
      const tokenProfile = await profileOfToken(schoolId, body.enrollmentToken);
      if (body.fixedProfile && tokenProfile && tokenProfile !== body.fixedProfile) {
        warnings.push({
          code: 'profile-mismatch',
          tokenProfile,
          fixedProfile: body.fixedProfile,
          message: `This token gives devices ${tokenProfile}, not ${body.fixedProfile}: they will enforce ${tokenProfile} and be reported as tampering. Choose a token made for ${body.fixedProfile}.`,
        });
      }
      return { ...generated, token, warnings };
    },
  };
}
export type DeployService = ReturnType<typeof createDeployService>;
