import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { TAB_TITLE_MAX, TAB_URL_MAX } from './tab-state';

/** Devices from this protocol on send thumbnails of the active tab when their class's screens are shown. */
export const SCREENS_PROTOCOL = 5;
/** A thumbnail is at most this wide (px), this many bytes of JPEG, and one every this many ms. */
export const THUMBNAIL_MAX_WIDTH = 320;
export const THUMBNAIL_MAX_BYTES = 20 * 1024;
export const THUMBNAIL_EVERY_MS = 5000;
/** The base64 text of the largest thumbnail (4 characters for every 3 bytes, padded). */
export const THUMBNAIL_MAX_BASE64 = Math.ceil(THUMBNAIL_MAX_BYTES / 3) * 4;

/** Console → server: show (or stop showing) the screens of a class the console watches. */
export const ShowScreensSchema = z
  .object({ classId: safeText().min(1).max(100), show: z.boolean() })
  .strict();
export type ShowScreens = z.infer<typeof ShowScreensSchema>;

/** Server → device: send thumbnails (every THUMBNAIL_EVERY_MS) or stop. */
export const ScreensMessageSchema = z.object({ send: z.boolean() });
export type ScreensMessage = z.infer<typeof ScreensMessageSchema>;

/** Device → server: a JPEG of the active tab (base64, no data: prefix), and which site it shows. */
export const ThumbnailSchema = z
  .object({
    jpeg: z
      .string()
      .max(THUMBNAIL_MAX_BASE64)
      .regex(/^\/9j\/[A-Za-z0-9+/]*={0,2}$/, 'a base64 JPEG'),
    url: safeText()
      .max(TAB_URL_MAX)
      .refine((u) => /^https?:\/\//i.test(u), { message: 'an http(s) address' }),
    title: safeText().max(TAB_TITLE_MAX).nullable(),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Thumbnail = z.infer<typeof ThumbnailSchema>;

/**
 * Why the server dropped a thumbnail: `not-requested` (no console shows the class's screens, or
 * the school has them off), `too-large` (over THUMBNAIL_MAX_BYTES), `too-fast`, `invalid`,
 * `illegal-category` (its page is in one of the school's illegal categories: the consoles get no
 * picture), `unavailable` (the server could not check its page now).
 */
export const THUMBNAIL_REFUSALS = [
  'not-requested',
  'too-large',
  'too-fast',
  'invalid',
  'illegal-category',
  'unavailable',
] as const;
export type ThumbnailRefusal = (typeof THUMBNAIL_REFUSALS)[number];
export type ThumbnailAck = (
  response: { ok: true } | { ok: false; error: string; code: ThumbnailRefusal },
) => void;

/**
 * Server → the consoles showing the class's screens: one device's thumbnail, or `jpeg: null` with
 * `updateNeeded` when its extension is too old to send one. Never stored.
 */
export const LiveThumbnailSchema = z.object({
  deviceId: safeText(),
  classId: safeText(),
  user: safeText().nullable(),
  deviceName: safeText(),
  pupilName: safeText().nullable(),
  jpeg: z.string().max(THUMBNAIL_MAX_BASE64).nullable(),
  url: safeText().nullable(),
  title: safeText().nullable(),
  updateNeeded: z.boolean(),
  at: safeText(),
});
export type LiveThumbnail = z.infer<typeof LiveThumbnailSchema>;

/** Server → console: the class's screens stopped (the school turned them off, or the lesson ended). */
export const ScreensStoppedSchema = z.object({
  classId: safeText(),
  reason: z.enum(['setting-off', 'outside-lessons']),
});
export type ScreensStopped = z.infer<typeof ScreensStoppedSchema>;
