/**
 * Why the server refused a request, on both channels: the `code` of an HTTP error body and of a
 * console socket ack (the `error` text beside it is for people). `illegal-category` is a
 * `forbidden` the console explains with the school's procedure; `signed-out` asks for a new sign-in.
 */
export const REFUSAL_CODES = [
  'not-found',
  'forbidden',
  'conflict',
  'invalid',
  'illegal-category',
  'signed-out',
  'internal',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
