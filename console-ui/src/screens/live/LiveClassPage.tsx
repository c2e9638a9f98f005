import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, CATEGORY_LABELS, type StoredEvent } from '@waymark/shared';
import { endpoints } from '../../lib/api';
import { openConsoleSocket } from '../../lib/console-socket';
import { mergeEvents } from '../../lib/event-feed';
import { useSession } from '../../lib/session';
import { RequestActions } from './RequestActions';

const KIND_LABELS: Record<StoredEvent['kind'], string> = {
  blocked: 'Blocked',
  search: 'Search',
  'unblock-request': 'Request',
  concern: 'Concern',
  heartbeat: 'Heartbeat',
  tamper: 'Tamper',
};

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function LiveClassPage() {
  const { classId = '' } = useParams();
  const classes = useQuery({ queryKey: ['classes'], queryFn: endpoints.classes });
  const klass = classes.data?.find((c) => c.id === classId);
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const session = useSession();
  const canDecideForwarded = session.data ? can(session.data.role, 'watch-all-classes') : false;
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const socket = openConsoleSocket();
    socket.on('connect', () => {
      setConnected(true);
      void socket.emitWithAck('watch-class', { classId }).then((ack) => {
        if (ack.ok) setEvents((current) => mergeEvents(current, ack.recent));
        else setError(ack.error);
      });
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (e) => setError(e.message));
    socket.on('event', (event) => {
      if (event.classId === classId) setEvents((current) => mergeEvents(current, [event]));
    });
    socket.on('request-status', (answer) => {
      setEvents((current) =>
        current.map((e) => (e.id === answer.requestId ? { ...e, requestStatus: answer.status } : e)),
      );
    });
    return () => {
      socket.disconnect();
    };
  }, [classId]);

  return (
    <section aria-labelledby="live-heading">
      <p>
        <Link to="/">← Classes</Link>
      </p>
      <h1 id="live-heading">{klass ? `${klass.name} – live` : 'Live class'}</h1>
      <p className="status" role="status">
        {connected ? 'Live: new events appear here as they happen.' : 'Connecting…'}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {events.length === 0 ? (
        <p>No events yet this lesson.</p>
      ) : (
        <table className="feed">
          <caption className="visually-hidden">
            Events from {klass?.name ?? 'this class'}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">What</th>
              <th scope="col">Pupil</th>
              <th scope="col">Device</th>
              <th scope="col">Page</th>
              <th scope="col">Why / request</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-testid="feed-event" className={`severity-${e.severity}`}>
                <td>{time.format(new Date(e.occurredAt))}</td>
                <td>{KIND_LABELS[e.kind]}</td>
                <td>{e.pupilName ?? e.user ?? 'Not signed in'}</td>
                <td>{e.deviceName}</td>
                <td className="url">{e.urlHidden ? 'Hidden (illegal content: DSL only)' : (e.url ?? '')}</td>
                <td>
                  {e.kind === 'unblock-request' ? (
                    <RequestActions event={e} canDecideForwarded={canDecideForwarded} />
                  ) : e.category ? (
                    CATEGORY_LABELS[e.category]
                  ) : (
                    (e.rule ?? '')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
