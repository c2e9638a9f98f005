import type { DeviceHealthRow } from '@waymark/shared';

/** Which devices the list shows; the health summary links to each of these. */
export const SHOW_OPTIONS = [
  'all',
  'attention',
  'online',
  'offline',
  'silent',
  'old-extension',
  'old-policy',
  'tamper',
  'hardening',
] as const;
export type Show = (typeof SHOW_OPTIONS)[number];

/** The `class` value for devices that belong to no class. */
export const NO_CLASS = 'none';

export interface DeviceFilter {
  show: Show;
  /** A class id, NO_CLASS, or '' for every class. */
  classId: string;
  /** Matched against the name, asset tag, IP address, class and extension version. */
  query: string;
}

const needsAttention = (d: DeviceHealthRow) =>
  d.silent || d.oldExtension || d.oldPolicy || d.tamperCount > 0 || d.missingHardening.length > 0;

const SHOWS: Record<Show, (d: DeviceHealthRow) => boolean> = {
  all: () => true,
  attention: needsAttention,
  online: (d) => d.online,
  offline: (d) => !d.online,
  silent: (d) => d.silent,
  'old-extension': (d) => d.oldExtension,
  'old-policy': (d) => d.oldPolicy,
  tamper: (d) => d.tamperCount > 0,
  hardening: (d) => d.missingHardening.length > 0,
};

export function matchesFilter(device: DeviceHealthRow, filter: DeviceFilter): boolean {
  if (!SHOWS[filter.show](device)) return false;
  if (
    filter.classId === NO_CLASS
      ? device.classId !== null
      : filter.classId && device.classId !== filter.classId
  )
    return false;
  const words = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [device.name, device.assetTag, device.lastIp, device.className, device.extensionVersion]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The filter lives in the address, so a summary count links straight to its devices. */
export function readFilter(params: URLSearchParams): DeviceFilter {
  const show = params.get('show') ?? 'all';
  return {
    show: (SHOW_OPTIONS as readonly string[]).includes(show) ? (show as Show) : 'all',
    classId: params.get('class') ?? '',
    query: params.get('q') ?? '',
  };
}

export function filterParams(filter: DeviceFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.show !== 'all') params.set('show', filter.show);
  if (filter.classId) params.set('class', filter.classId);
  if (filter.query) params.set('q', filter.query);
  return params;
}
