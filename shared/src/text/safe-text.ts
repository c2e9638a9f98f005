import { z } from 'zod';

/** A NUL, or half of a surrogate pair without its other half: text PostgreSQL refuses to store. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

/** The same text with every NUL and unpaired surrogate replaced by U+FFFD (what a decoder shows). */
export function toSafeText(text: string): string {
  return text.replace(UNSAFE_ALL, '\uFFFD');
}

/**
 * Every text field of the shared schemas: a string without NUL bytes or unpaired surrogates, which
 * the database cannot store (a 500, or a device's report retried for ever). The 400 names the field.
 */
export function safeText() {
  return z.string().refine(isSafeText, {
    error: 'contains a NUL character or an unpaired surrogate (text that cannot be stored)',
  });
}

/** The largest value of the database's `integer` columns (a policy version, a count). */
export const MAX_INT4 = 2_147_483_647;
