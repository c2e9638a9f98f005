import type {
  ClassRoster,
  LiveActionBody,
  LiveClassSettings,
  LiveClassSettingsBody,
  LiveActionRecord,
  LessonOffTask,
  LessonOverride,
  OffTaskCategory,
  RaiseFromEventsBody,
  RequestDecisionBody,
  ScheduledSession,
  ScheduleSessionBody,
  StartSessionBody,
  StartOverrideBody,
  TimelineEntry,
} from '@waymark/shared';
import { api } from '../../lib/api';

const classPath = (classId: string) => `/api/classes/${encodeURIComponent(classId)}`;

/** What the live class screen asks the server for. */
export const liveApi = {
  roster: (classId: string) => api<ClassRoster>(`${classPath(classId)}/roster`),

  /** A lesson a teacher starts for the group now (it beats the timetable), or ends. */
  startSession: (classId: string, body: StartSessionBody = {}) =>
    api(`${classPath(classId)}/session`, { method: 'POST', body: JSON.stringify(body) }),
  endSession: (classId: string) => api(`${classPath(classId)}/session/end`, { method: 'POST' }),

  /** Sessions planned ahead for the group: they start and end by themselves. */
  scheduledSessions: (classId: string) =>
    api<{ sessions: ScheduledSession[] }>(`${classPath(classId)}/session/scheduled`).then((r) => r.sessions),
  scheduleSession: (classId: string, body: ScheduleSessionBody) =>
    api<{ session: ScheduledSession }>(`${classPath(classId)}/session/scheduled`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((r) => r.session),
  cancelSession: (classId: string, sessionId: string) =>
    api<{ session: ScheduledSession }>(
      `${classPath(classId)}/session/scheduled/${encodeURIComponent(sessionId)}/cancel`,
      { method: 'POST' },
    ).then((r) => r.session),

  /** When teachers may see live tabs (the DSL). */
  settings: () => api<{ settings: LiveClassSettings }>('/api/live-settings').then((r) => r.settings),
  saveSettings: (body: LiveClassSettingsBody) =>
    api<{ settings: LiveClassSettings }>('/api/live-settings', {
      method: 'PUT',
      body: JSON.stringify(body),
    }).then((r) => r.settings),

  overrides: (classId: string) =>
    api<{ overrides: LessonOverride[] }>(`${classPath(classId)}/overrides`).then((r) => r.overrides),

  startOverride: (classId: string, body: StartOverrideBody) =>
    api<{ override: LessonOverride }>(`${classPath(classId)}/overrides`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((r) => r.override),

  endOverride: (classId: string, overrideId: string) =>
    api<{ override: LessonOverride }>(
      `${classPath(classId)}/overrides/${encodeURIComponent(overrideId)}/end`,
      { method: 'POST' },
    ).then((r) => r.override),

  /** The categories marked off task for the lesson (every console watching the class reads them). */
  offTask: (classId: string) => api<LessonOffTask>(`${classPath(classId)}/off-task`),
  setOffTask: (classId: string, categories: OffTaskCategory[]) =>
    api<LessonOffTask>(`${classPath(classId)}/off-task`, {
      method: 'PUT',
      body: JSON.stringify({ categories }),
    }),

  /** One pupil's timeline since the lesson began. */
  timeline: (classId: string, pupil: string, since: string) =>
    api<{ timeline: TimelineEntry[] }>(
      `${classPath(classId)}/timeline?${new URLSearchParams({ pupil, since }).toString()}`,
    ).then((r) => r.timeline),

  /** A teacher's action on pupils' browsers; the answer says how each device took it. */
  act: (classId: string, body: LiveActionBody) =>
    api<{ action: LiveActionRecord }>(`${classPath(classId)}/actions`, {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((r) => r.action),

  decideRequest: (eventId: string, body: RequestDecisionBody) =>
    api<{ status: string }>(`/api/requests/${encodeURIComponent(eventId)}/decision`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),

  /** One request: the incident is created from the event, which is kept as its evidence. */
  raiseIncident: (body: RaiseFromEventsBody) =>
    api<{ incident: { id: string; reference: string } }>('/api/incidents/from-events', {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((r) => r.incident),
};
