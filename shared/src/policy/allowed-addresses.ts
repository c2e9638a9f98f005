import { z } from 'zod';
import { safeText } from '../text/safe-text';
import { parseAddressRange, type AddressRange } from './raw-address';

/**
 * The edit guard for a profile's allowed addresses (the school's own servers, opened by address):
 * what a technician types is checked here, by the console as they type and by the server on save.
 * Devices take the stored list as it is (`PolicySchema`), so a guard added here never refuses a
 * policy already saved.
 */

/**
 * The widest range a school may allow: 10.0.0.0/8, the widest private range. Anything wider lets
 * whole swathes of the internet through by address, round every category and site rule.
 */
const WIDEST_ALLOWED_PREFIX = 8;

const MAX_ALLOWED_ADDRESSES = 200;

type AddressEntryProblem =
  | { kind: 'not-an-address' }
  | { kind: 'too-wide'; bits: number }
  | { kind: 'not-range-start'; start: string };

function dotted(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** What is wrong with one entry, or null when it is an address or a range a school may allow. */
export function addressEntryProblem(value: string): AddressEntryProblem | null {
  const range = parseAddressRange(value);
  if (!range) return { kind: 'not-an-address' };
  const [address = '', bits] = value.trim().split('/');
  if (range.v === 4 && bits !== undefined) {
    if (Number(bits) < WIDEST_ALLOWED_PREFIX) return { kind: 'too-wide', bits: Number(bits) };
    const start = dotted(range.first);
    if (start !== address) return { kind: 'not-range-start', start: `${start}/${Number(bits)}` };
  }
  return null;
}

/** The same address or range written twice (`10.0.0.1` and `10.0.0.1/32`, or two spellings of an IPv6 address). */
function rangeKey(range: AddressRange): string {
  return range.v === 6 ? `6:${range.address}` : `4:${range.first}-${range.last}`;
}

function addressProblemMessage(value: string, problem: AddressEntryProblem): string {
  switch (problem.kind) {
    case 'not-an-address':
      return `“${value}” is not an address: give an IPv4 address (192.168.1.20), an IPv4 range (10.0.0.0/8) or an IPv6 address`;
    case 'too-wide':
      return `“${value}” is too wide: a /${problem.bits} range would let whole parts of the internet through by address; the widest allowed is /${WIDEST_ALLOWED_PREFIX}`;
    case 'not-range-start':
      return `“${value}” does not start its range: write ${problem.start}`;
  }
}

/** The allowed addresses as a profile edit gives them: each one valid, none too wide, none twice. */
export const AllowedAddressesEditSchema = z
  .array(safeText().trim())
  .max(MAX_ALLOWED_ADDRESSES, `at most ${MAX_ALLOWED_ADDRESSES} allowed addresses`)
  .superRefine((entries, ctx) => {
    const duplicates = duplicateAddressOf(entries);
    entries.forEach((value, index) => {
      const problem = addressEntryProblem(value);
      const first = duplicates.get(index);
      if (problem)
        ctx.addIssue({ code: 'custom', path: [index], message: addressProblemMessage(value, problem) });
      else if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `“${value}” is already listed as “${entries[first]}”`,
        });
    });
  });

/** Two entries naming the same address or range: the index of the first, for each later one. */
export function duplicateAddressOf(entries: readonly string[]): Map<number, number> {
  const seen = new Map<string, number>();
  const duplicates = new Map<number, number>();
  entries.forEach((value, index) => {
    const range = parseAddressRange(value);
    if (!range || addressEntryProblem(value)) return;
    const key = rangeKey(range);
    const first = seen.get(key);
    if (first !== undefined) duplicates.set(index, first);
    else seen.set(key, index);
  });
  return duplicates;
}
