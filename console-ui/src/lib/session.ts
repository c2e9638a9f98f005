import { useQuery } from '@tanstack/react-query';
import { ApiError, endpoints } from './api';

/** The signed-in staff member, or null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () =>
      endpoints
        .me()
        .catch((e: unknown) => (e instanceof ApiError && e.status === 401 ? null : Promise.reject(e))),
    staleTime: 60_000,
  });
}
