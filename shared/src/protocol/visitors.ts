import { z } from 'zod';
import { ProfileSchema } from '../policy/categories';
import { safeText } from '../text/safe-text';

/** A visitor pass lasts at most this long ("a temporary log in" for a visitor, not a term's access). */
export const VISITOR_PASS_MAX_HOURS = 72;

/** A visitor pass (`POST /api/visitor-passes`): a named visitor, the profile they browse with, until when. */
export const IssueVisitorPassBodySchema = z.object({
  visitorName: z.string().trim().min(2).max(100),
  profile: ProfileSchema,
  /** When the pass ends: in the future, at most VISITOR_PASS_MAX_HOURS from now (checked on arrival). */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type IssueVisitorPassBody = z.infer<typeof IssueVisitorPassBodySchema>;

/** A pass as listed; its token is shown only once, when issued. */
export const VisitorPassSchema = z.object({
  id: z.string(),
  visitorName: z.string(),
  profile: ProfileSchema,
  expiresAt: z.string(),
  issuedByName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Whether a device has enrolled with it. */
  used: z.boolean(),
});
export type VisitorPass = z.infer<typeof VisitorPassSchema>;

export const IssuedVisitorPassSchema = VisitorPassSchema.extend({ token: z.string() });
export type IssuedVisitorPass = z.infer<typeof IssuedVisitorPassSchema>;

/**
 * What a visitor's device is told with its policy: whose pass it is, when it ends (the device
 * stops by itself then, online or not), and the acceptable-use notice it shows before the first page.
 */
export const DeviceVisitorPassSchema = z.object({
  id: z.string(),
  name: z.string(),
  expiresAt: z.string(),
  notice: z.string().max(5000),
});
export type DeviceVisitorPass = z.infer<typeof DeviceVisitorPassSchema>;

/** The school's own acceptable-use notice for visitors: long enough to say something, short enough to read. */
export const VISITOR_NOTICE_MIN = 40;
export const VISITOR_NOTICE_MAX = 5000;

/** `PUT /api/visitor-passes/notice`: the school's own notice, or null to go back to Waymark's default. */
export const VisitorNoticeBodySchema = z.object({
  notice: safeText().trim().min(VISITOR_NOTICE_MIN).max(VISITOR_NOTICE_MAX).nullable(),
});
export type VisitorNoticeBody = z.infer<typeof VisitorNoticeBodySchema>;

/** `GET /api/visitor-passes/notice`: the school's own notice (null when it has none) and the default shown then. */
export const VisitorNoticeSchema = z.object({
  notice: z.string().nullable(),
  defaultNotice: z.string(),
});
export type VisitorNotice = z.infer<typeof VisitorNoticeSchema>;
