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
  // Live class: tab state straight to the class's teachers; an action acked by each device.
  socket.on('tab-state', (state: unknown, ack?: (answer: unknown) => void) => {
    io.of('/console').to(`class:${classId}`).emit('tab-state', { deviceId: socket.id, classId, state });
    ack?.({ ok: true });
  });
});

io.of('/console').on('connection', (socket) => {
  const { classId, all } = socket.handshake.auth as { classId?: string; all?: boolean };
  void socket.join(all ? 'school:all' : `class:${classId}`);
  socket.on('act', (body: { action: unknown }, ack: (answer: unknown) => void) => {
    io.of('/device')
      .to(`class-devices:${classId}`)
      .timeout(5000)
      .emitWithAck('action', body.action)
      .then(
        (answers: unknown[]) => ack({ applied: answers.length }),
        () => ack({ applied: 0 }),
      );
  });
});

// RELAY_PORT: restarted on the same address for the reconnect storm.
server.listen(Number(process.env.RELAY_PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`relay listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));
