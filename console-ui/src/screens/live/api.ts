import {
  incidentsContract,
  liveActionsContract,
  liveClassContract,
  liveSettingsContract,
  overridesContract,
  requestsContract,
  sessionsContract,
  type LiveActionBody,
  type LiveClassSettingsBody,
  type OffTaskCategory,
  type RaiseFromEventsBody,
  type RequestDecisionBody,
  type ScheduleSessionBody,
  type StartOverrideBody,
  type StartSessionBody,
} from '@waymark/shared';
import { call } from '../../lib/call';

/** What the live class screen asks the server for. */
export const liveApi = {
  roster: (classId: string) => call(liveClassContract.roster, { params: { classId } }),

  /** A lesson a teacher starts for the group now (it beats the timetable), or ends. */
  startSession: (classId: string, body: StartSessionBody = {}) =>
    call(sessionsContract.start, { params: { classId }, body }),
  endSession: (classId: string) => call(sessionsContract.end, { params: { classId } }),

  /** Sessions planned ahead for the group: they start and end by themselves. */
  scheduledSessions: (classId: string) =>
    call(sessionsContract.scheduled, { params: { classId } }).then((r) => r.sessions),
  scheduleSession: (classId: string, body: ScheduleSessionBody) =>
    call(sessionsContract.schedule, { params: { classId }, body }).then((r) => r.session),
  cancelSession: (classId: string, sessionId: string) =>
    call(sessionsContract.cancel, { params: { classId, sessionId } }).then((r) => r.session),

  /** When teachers may see live tabs (the DSL). */
  settings: () => call(liveSettingsContract.get).then((r) => r.settings),
  saveSettings: (body: LiveClassSettingsBody) =>
    call(liveSettingsContract.save, { body }).then((r) => r.settings),

  overrides: (classId: string) =>
    call(overridesContract.list, { params: { classId } }).then((r) => r.overrides),

  startOverride: (classId: string, body: StartOverrideBody) =>
    call(overridesContract.start, { params: { classId }, body }).then((r) => r.override),

  endOverride: (classId: string, overrideId: string) =>
    call(overridesContract.end, { params: { classId, overrideId } }).then((r) => r.override),

  /** The categories marked off task for the lesson (every console watching the class reads them). */
  offTask: (classId: string) => call(liveClassContract.offTask, { params: { classId } }),
  setOffTask: (classId: string, categories: OffTaskCategory[]) =>
    call(liveClassContract.setOffTask, { params: { classId }, body: { categories } }),

  /** One pupil's timeline since the lesson began. */
  timeline: (classId: string, pupil: string, since: string) =>
    call(liveClassContract.timeline, { params: { classId }, query: { pupil, since } }).then(
      (r) => r.timeline,
    ),

  /** A teacher's action on pupils' browsers; the answer says how each device took it. */
  act: (classId: string, body: LiveActionBody) =>
    call(liveActionsContract.act, { params: { classId }, body }).then((r) => r.action),

  decideRequest: (eventId: string, body: RequestDecisionBody) =>
    call(requestsContract.decide, { params: { eventId }, body }),

  /** One request: the incident is created from the event, which is kept as its evidence. */
  raiseIncident: (body: RaiseFromEventsBody) =>
    call(incidentsContract.raiseFromEvents, { body }).then((r) => r.incident),
};
