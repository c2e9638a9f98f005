import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { ProfileSchema } from '../policy/categories';
import { ProxyChoiceSchema } from './proxy-choice';

/**
 * Where a technician deploys Waymark: the browser and the tool that carries the policy. Linux
 * targets are JSON policy files, Windows targets `.reg` files (Group Policy preferences, Intune
 * scripts), macOS targets configuration profiles for an MDM, and Google Admin the managed
 * configuration pasted into the Admin console.
 */
export const DEPLOY_TARGETS = [
  'chrome-linux',
  'edge-linux',
  'chrome-windows',
  'edge-windows',
  'chrome-macos',
  'edge-macos',
  'google-admin',
] as const;
export const DeployTargetSchema = z.enum(DEPLOY_TARGETS);
export type DeployTarget = z.infer<typeof DeployTargetSchema>;

export const EXTENSION_BROWSERS = ['chrome', 'edge'] as const;
export type ExtensionBrowser = (typeof EXTENSION_BROWSERS)[number];

/** The browser a target's policy is for (Google Admin manages Chrome and ChromeOS). */
export function browserOfTarget(target: DeployTarget): ExtensionBrowser {
  return target.startsWith('edge-') ? 'edge' : 'chrome';
}

/**
 * The ID of the development build (the public key in extension/wxt.config.ts). A school's own
 * package, signed with the school's key, has a different ID: policies use the published one.
 */
export const DEVELOPMENT_EXTENSION_ID = 'kpibmoodjikkppkgpkmppfbpcedhpdbl';

/** Chrome extension IDs: 32 letters a–p (the SHA-256 of the public key, hex mapped to a–p). */
export const ExtensionIdSchema = safeText().regex(/^[a-p]{32}$/, 'an extension ID is 32 letters a–p');

const accountDomain = safeText()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'an e-mail domain such as school.org.uk',
  );

/** A policy file for one target (`POST /api/deploy/policy`, and the `deploy-policy` CLI). */
export const DeployPolicyBodySchema = z
  .object({
    target: DeployTargetSchema,
    /** The console server devices connect to, as they reach it (https in production). */
    serverUrl: z
      .url({ protocol: /^https?$/, error: 'the server address must be a full http(s) URL' })
      .max(500)
      .refine((url) => !/[?#]/.test(url), 'the server address has no query or fragment'),
    /** An enrollment token's value (only its hash is stored, so the technician supplies it). */
    enrollmentToken: safeText()
      .trim()
      .min(1, 'give an enrollment token')
      .max(200)
      .regex(/^[\x21-\x7e]+$/, 'an enrollment token is printable characters without spaces'),
    /** E-mail domains pupils and staff sign in with; browser sign-in is restricted to them. */
    accountDomains: z.array(accountDomain).max(20).optional(),
    /** Language of the block pages, for Welsh-medium schools. */
    locale: z.enum(['en', 'cy']).optional(),
    /**
     * For shared devices: the profile they should enforce. The server decides from the enrollment
     * token and class; a device that asks for another is reported, so this must match the token's.
     */
    fixedProfile: ProfileSchema.optional(),
  })
  .strict();
export type DeployPolicyBody = z.infer<typeof DeployPolicyBodySchema>;

/** One setting in a generated file, with the reason it is there. */
export const DeploySettingExplainedSchema = z.object({
  /** The policy name (Chrome/Edge) or managed-configuration key. */
  name: safeText(),
  /** The value, as the technician would read it. */
  value: safeText(),
  why: safeText(),
  /** Where the same setting lives in the Google Admin console (google-admin target only). */
  adminConsole: safeText().optional(),
});
export type DeploySettingExplained = z.infer<typeof DeploySettingExplainedSchema>;

const UNUSABLE_TOKEN = z.enum(['revoked', 'expired', 'used-up']);

/** A warning about a generated file: a code the console words in each language, and the English. */
export const DeployWarningSchema = z.discriminatedUnion('code', [
  z.object({ message: safeText(), code: z.literal('unpublished'), extensionId: safeText() }),
  z.object({
    message: safeText(),
    code: z.literal('package-update-url'),
    fileName: safeText(),
    packageUpdateUrl: safeText().nullable(),
    updateUrl: safeText(),
  }),
  z.object({ message: safeText(), code: z.literal('token-unknown') }),
  z.object({
    message: safeText(),
    code: z.literal('token-unusable'),
    label: safeText(),
    status: UNUSABLE_TOKEN,
  }),
  z.object({ message: safeText(), code: z.literal('no-domains') }),
  z.object({ message: safeText(), code: z.literal('plain-http') }),
  z.object({
    message: safeText(),
    code: z.literal('profile-mismatch'),
    tokenProfile: ProfileSchema,
    fixedProfile: ProfileSchema,
  }),
]);
export type DeployWarning = z.infer<typeof DeployWarningSchema>;

/** Whether a policy file's token is one of the school's live tokens, and which. */
export const EnrollmentTokenCheckSchema = z.union([
  z.object({
    status: z.literal('valid'),
    label: safeText(),
    uses: z.number().int(),
    maxUses: z.number().int().nullable(),
    expiresAt: safeText().nullable(),
  }),
  z.object({ status: UNUSABLE_TOKEN, label: safeText() }),
  z.object({ status: z.literal('unknown') }),
]);
export type EnrollmentTokenCheck = z.infer<typeof EnrollmentTokenCheckSchema>;

/** `POST /api/deploy/policy`: a policy file for one target, explained. */
export const DeployPolicyFileSchema = z.object({
  target: DeployTargetSchema,
  fileName: safeText(),
  mediaType: safeText(),
  /** The file as text, for the preview. */
  text: safeText(),
  /** The exact bytes to save (a `.reg` file is UTF-16LE with a byte-order mark), base64. */
  contentBase64: z.base64(),
  extensionId: safeText(),
  updateUrl: safeText(),
  /** The proxy the file locks (`ProxySettings`): the school's choice when it was made. */
  proxy: ProxyChoiceSchema,
  /** Where the file goes and how it is applied, in a sentence or two. */
  install: safeText(),
  settings: z.array(DeploySettingExplainedSchema),
  /** The same explanation as a README block (for formats that cannot carry comments). */
  readme: safeText(),
  /** Things the technician should know before deploying (no package published yet, …). */
  warnings: z.array(DeployWarningSchema),
  /** Whether the token is one of the school's live tokens, and which. */
  token: EnrollmentTokenCheckSchema,
});
export type DeployPolicyFile = z.infer<typeof DeployPolicyFileSchema>;

/** A signed package the server serves for self-hosted updates. */
export const ExtensionReleaseSchema = z.object({
  browser: z.enum(EXTENSION_BROWSERS),
  fileName: safeText(),
  extensionId: safeText(),
  version: safeText(),
  sizeBytes: z.number().int().nonnegative(),
  sha256: safeText(),
  publishedAt: safeText(),
  /** `update_url` inside the package's manifest, if it was packed with one. */
  manifestUpdateUrl: safeText().nullable(),
  /** The manifest's `minimum_chrome_version`: older browsers are not offered the package. */
  minimumBrowserVersion: safeText().nullable(),
});
export type ExtensionRelease = z.infer<typeof ExtensionReleaseSchema>;

/** `GET /api/deploy/status`: what is published, what devices run, and the defaults for the form. */
export const DeployStatusSchema = z.object({
  releases: z.array(ExtensionReleaseSchema),
  latest: z.partialRecord(z.enum(EXTENSION_BROWSERS), ExtensionReleaseSchema),
  /** The ID generated policies name: the published package's, or the development build's. */
  extensionId: safeText(),
  extensionIdSource: z.enum(['published', 'development']),
  /** Problems with the releases folder (unreadable or mis-signed packages). */
  problems: z.array(safeText()),
  /** The server's address as this request reached it: the default for the form. */
  serverUrl: safeText(),
  accountDomains: z.array(safeText()),
  /** The school's proxy choice, which every policy file made here locks (`ProxySettings`). */
  proxy: ProxyChoiceSchema,
  classes: z.array(z.object({ id: safeText(), name: safeText(), profile: safeText() })),
  versions: z.array(
    z.object({
      version: safeText().nullable(),
      devices: z.number().int(),
      online: z.number().int(),
      current: z.boolean(),
    }),
  ),
  devices: z.number().int(),
});
export type DeployStatus = z.infer<typeof DeployStatusSchema>;
