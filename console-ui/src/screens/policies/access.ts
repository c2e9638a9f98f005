import { can } from '@waymark/shared';
import { useSession } from '../../lib/session';

/** What the signed-in person may do on the policies screens (the Layout has loaded the session). */
export function usePolicyAccess(): { canEdit: boolean; canReadLog: boolean } {
  const role = useSession().data?.role;
  return { canEdit: can(role, 'edit-policies'), canReadLog: can(role, 'view-change-log') };
}
