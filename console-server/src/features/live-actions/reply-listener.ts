import type { Socket } from 'socket.io';
import { describeZodError, MessageReplySchema, type LiveReply, type MessageReplyAck } from '@waymark/shared';
import type { DeviceIdentity } from '../devices-and-enrollment';
import type { ConsoleNamespace } from '../../sockets/console-namespace';
import { rooms } from '../../sockets/rooms';
import type { LiveActionService } from './action-service';

/** A pupil's one reply to a teacher's message: recorded, then shown to the class's watchers. */
export function createReplyListener({
  actionService,
  consoles,
}: {
  actionService: LiveActionService;
  consoles: ConsoleNamespace;
}) {
  return {
    listen(socket: Socket) {
      const { device } = socket.data as { device: DeviceIdentity };
      socket.on('message-reply', async (raw: unknown, rawAck: unknown) => {
        const ack: MessageReplyAck = typeof rawAck === 'function' ? (rawAck as MessageReplyAck) : () => {};
        const parsed = MessageReplySchema.safeParse(raw);
        if (!parsed.success)
          return ack({
            ok: false,
            error: `invalid reply: ${describeZodError(parsed.error)}`,
            code: 'invalid',
          });
        try {
          const saved = await actionService.reply(parsed.data.actionId, device.deviceId, parsed.data.text);
          if (!saved.ok)
            return ack({
              ok: false,
              error:
                saved.code === 'already-replied'
                  ? 'a message is answered once'
                  : 'no such message to this device',
              code: saved.code,
            });
          ack({ ok: true });
          const reply: LiveReply = {
            actionId: parsed.data.actionId,
            classId: saved.classId,
            deviceId: device.deviceId,
            deviceName: device.deviceName,
            user: device.user,
            pupilName: device.pupilName,
            text: parsed.data.text,
            at: saved.at.toISOString(),
          };
          consoles.to(rooms.class(saved.classId)).emit('message-reply', reply);
        } catch (error) {
          console.error('waymark: could not record a reply', error);
          ack({ ok: false, error: 'the server could not record the reply; try again', code: 'unavailable' });
        }
      });
    },
  };
}
