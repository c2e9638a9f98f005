import http from 'node:http';
import { Server } from 'socket.io';

/**
 * The baseline: a bare Socket.IO relay with the same namespaces, transport and rooms as Waymark,
 * and nothing else. A device's event goes straight to its class's teachers and the school's
 * console room and is acked at once: no validation, no storage, no redaction. The ceiling for
 * our pipeline on this machine. Loopback only; prints its port.
 */
const server = http.createServer();
const io = new Server(server, { transports: ['websocket'], serveClient: false });

io.of('/device').on('connection', (socket) => {
  const classId = String(socket.handshake.auth.classId);
  void socket.join(`class-devices:${classId}`);
  socket.on('event', (event: { id: string }, ack: (answer: unknown) => void) => {
    io.of('/console')
      .to([`class:${classId}`, 'school:all'])
      .emit('event', { ...event, classId });
    ack({ ok: true, id: event.id });
  });
});

io.of('/console').on('connection', (socket) => {
  const { classId, all } = socket.handshake.auth as { classId?: string; all?: boolean };
  void socket.join(all ? 'school:all' : `class:${classId}`);
});

// RELAY_PORT: restarted on the same address for the reconnect storm.
server.listen(Number(process.env.RELAY_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`relay listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
