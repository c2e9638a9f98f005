/** Socket.IO room names, in one place so the server never spells them two ways. */
export const rooms = {
  class: (classId: string) => `class:${classId}`,
  /** Everyone who may watch every class of a school (the DSL). */
  schoolAll: (schoolId: string) => `school:${schoolId}:all`,
  device: (deviceId: string) => `device:${deviceId}`,
  /** The devices of a class, to push its policy and overrides to. */
  classDevices: (classId: string) => `class-devices:${classId}`,
  /** The devices enforcing one profile of a school, to push an edited policy to. */
  profileDevices: (schoolId: string, profile: string) => `profile-devices:${schoolId}:${profile}`,
};
