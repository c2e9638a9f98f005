import { can, type Capability, type Role } from '@waymark/shared';

/** Who may open each screen a compliance item points to (as the navigation decides). */
const SCREEN_ACCESS: Record<string, Capability[]> = {
  '/devices': ['manage-devices'],
  '/devices/deploy': ['manage-devices'],
  '/policies': ['edit-policies', 'view-change-log'],
  '/alerts': ['alert-settings'],
  '/incidents': ['raise-incident', 'work-incident-log'],
  '/reports': ['view-reports'],
  '/visitors': ['issue-visitor-passes'],
  '/compliance/review': ['view-compliance'],
};

export function canOpen(role: Role | undefined, path: string): boolean {
  return (SCREEN_ACCESS[path] ?? []).some((capability) => can(role, capability));
}
