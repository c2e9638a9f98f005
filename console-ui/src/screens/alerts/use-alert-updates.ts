import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Alert } from '@waymark/shared';
import { openConsoleSocket } from '../../lib/console-socket';
import { ALERTS_KEY } from './api';

/**
 * Keeps every alerts query fresh while the console is open: a new alert, an acknowledgement or an
 * escalation arrives on the console socket and is shown at once (the lists are then asked again,
 * so what is shown is what the server holds).
 */
export function useAlertUpdates(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const socket = openConsoleSocket();
    const refresh = () => void queryClient.invalidateQueries({ queryKey: ALERTS_KEY });
    const show = (alert: Alert) => {
      for (const status of ['open', 'all'] as const) {
        if (status === 'open' && alert.acknowledgedAt) continue;
        queryClient.setQueryData<Alert[]>([...ALERTS_KEY, status], (current) =>
          current ? [alert, ...current.filter((a) => a.id !== alert.id)] : current,
        );
      }
      refresh();
    };
    socket.on('alert', show);
    socket.on('alert-changed', refresh);
    // Anything missed while disconnected.
    socket.on('connect', refresh);
    return () => {
      socket.disconnect();
    };
  }, [enabled, queryClient]);
}
