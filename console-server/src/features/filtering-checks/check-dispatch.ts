import type { Namespace } from 'socket.io';
import {
  describeZodError,
  FILTER_CHECK_PROTOCOL,
  FilterCheckAnswerSchema,
  type FilterCheckAnswer,
  type FilterCheckRequest,
  type Profile,
} from '@waymark/shared';
import { rooms } from '../../sockets/rooms';

/** How long a device has to answer a check before it counts as not checked. */
const CHECK_ANSWER_MS = 10_000;

/** What the connection says of a device now: its class and profile come from the server's records. */
interface ConnectedDevice {
  profile: Profile;
  classId: string | null;
  className: string | null;
  deviceName: string;
  user: string | null;
}

type DeviceAnswer =
  | { status: 'offline' }
  | { status: 'update-needed'; device: ConnectedDevice }
  | { status: 'no-answer'; device: ConnectedDevice; error: string }
  | { status: 'answered'; device: ConnectedDevice; answer: Extract<FilterCheckAnswer, { ok: true }> };

interface SocketData {
  device?: ConnectedDevice & { deviceId: string };
  protocolVersion?: number;
}

/**
 * Asks one device (on whichever process holds its socket) what it does with each address. The
 * answer is validated here: a device's word is network input like any other.
 */
export async function askDevice(
  devices: Namespace,
  deviceId: string,
  request: FilterCheckRequest,
  answerMs = CHECK_ANSWER_MS,
): Promise<DeviceAnswer> {
  const sockets = await devices.in(rooms.device(deviceId)).fetchSockets();
  if (sockets.length === 0) return { status: 'offline' };
  // The newest connection speaks for the device (an old one may linger until its timeout).
  const data = sockets[sockets.length - 1]!.data as SocketData;
  if (!data.device) return { status: 'offline' };
  const device: ConnectedDevice = {
    profile: data.device.profile,
    classId: data.device.classId,
    className: data.device.className,
    deviceName: data.device.deviceName,
    user: data.device.user,
  };
  if ((data.protocolVersion ?? 0) < FILTER_CHECK_PROTOCOL) return { status: 'update-needed', device };
  let answers: unknown[];
  try {
    answers = (await devices
      .to(rooms.checkableDevice(deviceId))
      .timeout(answerMs)
      .emitWithAck('filter-check', request)) as unknown[];
  } catch {
    return { status: 'no-answer', device, error: 'no answer from the device in time' };
  }
  if (answers.length === 0) return { status: 'offline' };
  const parsed = FilterCheckAnswerSchema.safeParse(answers[answers.length - 1]);
  if (!parsed.success)
    return {
      status: 'no-answer',
      device,
      error: `not a valid answer: ${describeZodError(parsed.error)}`.slice(0, 300),
    };
  if (!parsed.data.ok) return { status: 'no-answer', device, error: parsed.data.error.slice(0, 300) };
  return { status: 'answered', device, answer: parsed.data };
}
