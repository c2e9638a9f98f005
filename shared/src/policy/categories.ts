import { z } from 'zod';

/** Key-stage profiles (docs/architecture.md, "The policy model"). A device or pupil has exactly one. */
export const PROFILES = ['EYFS', 'KS1', 'KS2', 'KS3', 'KS4', 'KS5', 'staff'] as const;
export const ProfileSchema = z.enum(PROFILES);
export type Profile = z.infer<typeof ProfileSchema>;

/** Profiles that default to an allow-list: everything not listed is blocked. */
export const ALLOW_LIST_PROFILES: readonly Profile[] = ['EYFS', 'KS1', 'KS2'];

/** Categories from the schools' "User Actions" tables (see shared/seeds). */
export const CATEGORIES = [
  'illegal-csam',
  'illegal-terrorism',
  'illegal-hate',
  'extremism',
  'discrimination',
  'pornography',
  'self-harm',
  'grooming',
  'violence',
  'substance-abuse',
  'piracy',
  'gambling',
  'proxy-vpn',
  'social-media',
  'messaging',
  'file-sharing',
  'video',
  'gaming',
] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Illegal categories: URL hidden from all but the DSL, nothing captured, police procedure. */
export const ILLEGAL_CATEGORIES: readonly Category[] = ['illegal-csam', 'illegal-terrorism', 'illegal-hate'];

/**
 * Categories a teacher may mark off task for a lesson (docs/architecture.md, "Live class"). Every
 * device holds their lists whatever its profile does with them, so it can name them in its tab
 * state (an allowed video site is still a video site).
 */
export const OFF_TASK_CATEGORIES = [
  'gaming',
  'social-media',
  'video',
  'messaging',
  'file-sharing',
] as const satisfies readonly Category[];
export const OffTaskCategorySchema = z.enum(OFF_TASK_CATEGORIES);
export type OffTaskCategory = z.infer<typeof OffTaskCategorySchema>;

export function isIllegalCategory(category: string | null | undefined): boolean {
  return category != null && (ILLEGAL_CATEGORIES as readonly string[]).includes(category);
}

export const CATEGORY_LABELS: Record<Category, string> = {
  'illegal-csam': 'Illegal: child sexual abuse material',
  'illegal-terrorism': 'Illegal: terrorist content',
  'illegal-hate': 'Illegal: criminally racist or hate content',
  extremism: 'Extremism and radicalisation',
  discrimination: 'Bullying and discrimination',
  pornography: 'Pornography',
  'self-harm': 'Self-harm, suicide and eating disorders',
  grooming: 'Grooming, sexual exploitation and sexting',
  violence: 'Violence and weapons',
  'substance-abuse': 'Drugs, alcohol and substance abuse',
  piracy: 'Piracy and copyright theft',
  gambling: 'Gambling',
  'proxy-vpn': 'Proxies, VPNs and unblockers',
  'social-media': 'Social media',
  messaging: 'Messaging and chat',
  'file-sharing': 'File sharing',
  video: 'Video streaming',
  gaming: 'Online games',
};
