/**
 * Socket.IO room names, in one place so the server never spells them two ways. Every name holds
 * either the school's id or a primary key that is unique across the whole deployment (class and
 * device ids), so with several schools (a trust) on one server, or several processes sharing rooms
 * through the PostgreSQL adapter, no room is ever shared by two schools.
 */
export const rooms = {
  class: (classId: string) => `class:${classId}`,
  /** Everyone who may watch every class of a school (the DSL). */
  schoolAll: (schoolId: string) => `school:${schoolId}:all`,
  /** Trust-level safeguarding staff: alerts from every school of their trust. */
  trustAll: (trustId: string) => `trust:${trustId}:all`,
  device: (deviceId: string) => `device:${deviceId}`,
  /** Every open console of one staff account: ended together when the account loses access. */
  staff: (staffId: string) => `staff:${staffId}`,
  /** The consoles opened with one session (`sessionKeyOf`): ended when it signs out. */
  session: (sessionKey: string) => `session:${sessionKey}`,
  /**
   * One device, while it is in one class and speaks protocol 2: a teacher's action goes here, so it
   * reaches the device only if it is (still) in the class the teacher acts on, on whichever process.
   */
  classDevice: (classId: string, deviceId: string) => `class-device:${classId}:${deviceId}`,
  /** One device, while it speaks protocol 3: a filtering check goes here (whichever process holds it). */
  checkableDevice: (deviceId: string) => `check-device:${deviceId}`,
  /** The devices of a class, to push its policy and overrides to. */
  classDevices: (classId: string) => `class-devices:${classId}`,
  /** The devices enforcing one profile of a school, to push an edited policy to. */
  profileDevices: (schoolId: string, profile: string) => `profile-devices:${schoolId}:${profile}`,
  /**
   * The members of `room` whose role may see illegal-category URLs. A socket joins both rooms, so an
   * event is sent once to each room set (the full copy here, the redacted copy to the rest) without
   * asking every process which sockets it holds.
   */
  unredacted: (room: string) => `${room}:unredacted`,
};
