import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { Server } from 'socket.io';
import { PROFILES, type Alert, type StoredEvent } from '@waymark/shared';
import { createCategoryStore, createIllegalLists } from './features/category-data';
import type { Database } from './db/open-database';
import {
  authRoutes,
  createAccessRevocations,
  createOidc,
  createStaffService,
  type OidcProviderConfig,
  staffRoutes,
} from './features/auth-and-accounts';
import {
  broadcastPresence,
  classRoutes,
  createTabStateRelay,
  createScreenRelay,
  createIllegalPages,
  createLessonTimeline,
  createOffTaskService,
  lessonRoutes,
  createRosterService,
  createLiveSettingsService,
  createWatchGate,
  liveSettingsRoutes,
  rosterRoutes,
  type WatchGate,
} from './features/classes-and-live';
import {
  createOverrideService,
  createRequestService,
  overrideRoutes,
  requestRoutes,
} from './features/requests-and-overrides';
import { createDataProtectionService, dataProtectionRoutes } from './features/data-protection';
import {
  createDeviceHealthService,
  createDeviceService,
  createExpectedDevices,
  createSilentDeviceCheck,
  deviceRoutes,
} from './features/devices-and-enrollment';
import { visitorRoutes } from './features/visitors';
import {
  actionRoutes,
  createLateActionDelivery,
  createLiveActionService,
  createReplyListener,
} from './features/live-actions';
import {
  alertRoutes,
  createAlertService,
  createMailer,
  createWebhookService,
  type Mailer,
} from './features/alerts';
import { createConcernService, createReportService, reportRoutes } from './features/reports';
import {
  createFilterCheckService,
  createScheduledFilterCheck,
  filterCheckRoutes,
} from './features/filtering-checks';
import { createIncidentService, incidentRoutes } from './features/incidents';
import {
  createImportService,
  createFeedService,
  categorySourceRoutes,
  type FeedLimits,
  createKeywordService,
  createPhraseStats,
  createPolicyService,
  policyRoutes,
} from './features/policies-and-categories';
import { createAlertNotifier } from './sockets/alert-notifier';
import { createLiveNotifier } from './sockets/live-notifier';
import { createTrustService, trustRoutes } from './features/trust';
import { authenticate, csrfGuard, errorHandler, HttpError, safeAddress } from './http/middleware';
import { bodyParsers } from './http/body-limits';
import { createEventService } from './features/events';
import { broadcastEvent, registerConsoleNamespace } from './sockets/console-namespace';
import { rooms } from './sockets/rooms';
import { registerDeviceNamespace } from './sockets/device-namespace';
import { createLiveWatch, type LiveWatch } from './sockets/live-watch';
import { createLessonTicker } from './sockets/lesson-ticker';
import {
  createCalendarService,
  createPlacementService,
  createSessionService,
  rosterRoutes as teachingGroupRoutes,
  sessionRoutes,
} from './features/teaching-groups';
import type { DeviceRateLimitOptions } from './sockets/device-rate-limit';
import { createDeployService, createReleaseStore, deployRoutes, extensionRoutes } from './features/deploy';
import { complianceRoutes, createComplianceService, createReviewPackService } from './features/compliance';

export interface ApplicationOptions {
  db: Database;
  /** The school's SMTP server for alerts and digests; none means console-only. */
  mailer?: Mailer;
  /** Where staff reach the console, for links in e-mails. */
  publicUrl?: string;
  /** The school's identity providers for single sign-on. */
  oidcProviders?: OidcProviderConfig[];
  /** How long one minute of a school's alert escalation time lasts (a minute; end-to-end tests shorten it). */
  alertMinuteMs?: number;
  /** Schools' webhooks may be plain HTTP to a loopback receiver (tests only: alerts name pupils). */
  webhookAllowLoopbackHttp?: boolean;
  /** The first webhook retry's wait, doubling after (30 s; tests shorten it). */
  webhookRetryBaseMs?: number;
  uiDir?: string | null;
  secureCookies?: boolean;
  trustProxy?: boolean;
  /**
   * Socket.IO adapter shared by every process of one deployment (`@socket.io/postgres-adapter`
   * with DATABASE_URL): rooms and broadcasts span the processes. None: this process alone.
   */
  adapter?: Parameters<Server['adapter']>[0];
  /** Signed extension packages served for self-hosted updates (`npm run package` writes them); none: no updates served. */
  releasesDir?: string | null;
  /** How fast one device may report before its events are folded (tests give their own clock). */
  deviceEventRate?: DeviceRateLimitOptions;
  /** How many device connections are set up at once (the others wait their turn). */
  deviceSetupConcurrency?: number;
  /** How often processes repeat which classes they watch (`LIVE_WATCH_RENEW_MS`; tests shorten it). */
  liveWatchRenewMs?: number;
  /** How long a device has to answer a filtering check (10 s; tests shorten it). */
  filterCheckAnswerMs?: number;
  /** The clock the timetable is read by (tests move it across a period boundary). */
  clock?: () => Date;
  /** False: no timer moves devices at period boundaries (tests call `services.lessonTick()`). */
  lessonTimer?: boolean;
  /** Category feeds' size and sanity limits (defaults: 200 MB downloaded, 10 million entries). */
  feedLimits?: Partial<FeedLimits>;
}

/** The composition root: every service is built here from the database, and nothing at import time. */
export function createApplication({
  db,
  uiDir = null,
  secureCookies = false,
  trustProxy = false,
  mailer = createMailer(undefined),
  publicUrl = 'http://localhost:8080',
  alertMinuteMs,
  webhookAllowLoopbackHttp = false,
  webhookRetryBaseMs,
  oidcProviders = [],
  adapter,
  releasesDir = null,
  deviceEventRate,
  deviceSetupConcurrency,
  liveWatchRenewMs,
  filterCheckAnswerMs,
  clock = () => new Date(),
  lessonTimer = true,
  feedLimits,
}: ApplicationOptions) {
  const revocations = createAccessRevocations();
  const staffService = createStaffService({ db, revocations });
  const placement = createPlacementService({ db, clock });
  const deviceService = createDeviceService({ db, placement });
  const keywordService = createKeywordService({ db });
  const phraseStats = createPhraseStats({ db });
  const categoryStore = createCategoryStore({ db });
  const illegalLists = createIllegalLists(categoryStore);
  const policyService = createPolicyService({ db, illegalLists: illegalLists.entries });
  const eventService = createEventService({
    db,
    flagSearch: (schoolId, query) => keywordService.flag(schoolId, query),
    illegalCategoryFor: (schoolId, _profile, url) => illegalLists.categoryOf(schoolId, url),
  });
  const overrideService = createOverrideService({ db, placement, illegalLists: illegalLists.entries });
  const rosterService = createRosterService({ db, eventService, placement });
  const offTask = createOffTaskService({ db, lessonEnd: overrideService.lessonEnd });
  const lessonTimeline = createLessonTimeline({ db });
  const requestService = createRequestService({
    db,
    eventService,
    overrideService,
    policyService,
    staffService,
    illegalCategoryOf: illegalLists.categoryOf,
  });
  const incidentService = createIncidentService({
    db,
    eventService,
    staffService,
    timeline: lessonTimeline,
  });
  // Set once the console namespace exists: alerts acknowledged or escalated update every console showing them.
  let alertChanged: (alert: Alert) => void = () => {};
  const webhookService = createWebhookService({
    db,
    consoleUrl: publicUrl,
    allowLoopbackHttp: webhookAllowLoopbackHttp,
    retryBaseMs: webhookRetryBaseMs,
  });
  const alertService = createAlertService({
    db,
    mailer,
    consoleUrl: publicUrl,
    eventService,
    minuteMs: alertMinuteMs,
    markedFalse: (schoolId, ids) => phraseStats.marked(schoolId, ids),
    onChange: async (alert, change) => {
      if (change !== 'raised') alertChanged(alert);
      await webhookService.enqueue(alert, change);
    },
  });
  const trustService = createTrustService({ db });
  const reportService = createReportService({ db });
  const concernService = createConcernService({ db, mailer, consoleUrl: publicUrl });
  const dataProtection = createDataProtectionService({ db, incidentService });
  const oidc = createOidc({ db, providers: oidcProviders });
  const releases = createReleaseStore(releasesDir);
  const deployService = createDeployService({ db, releases });
  const actionService = createLiveActionService({ db });
  const deviceHealth = createDeviceHealthService({
    db,
    publishedVersions: async () => (await releases.list()).releases.map((r) => r.version),
  });
  const complianceService = createComplianceService({
    db,
    deviceHealth: (schoolId, now) => deviceHealth.report(schoolId, now),
  });
  const reviewPacks = createReviewPackService({
    db,
    compliance: (schoolId, now) => complianceService.report(schoolId, now),
    deviceHealth: (schoolId, now) => deviceHealth.report(schoolId, now),
  });

  const app = express();
  const httpServer = http.createServer(app);
  // Websocket only: MV3 service workers have no XHR, and no sticky sessions are needed behind a balancer.
  const io = new Server(httpServer, {
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 1_000_000,
  });
  if (adapter) io.adapter(adapter);
  // When a class's live tabs may be shown (the school's setting, its lessons): read before watching.
  let watchGate: WatchGate | null = null;
  const consoleNsp = registerConsoleNamespace({
    io,
    staffService,
    eventService,
    revocations,
    publicUrl,
    beforeWatch: async (classId) => watchGate?.check(classId),
  });
  const alertNotifier = createAlertNotifier({
    consoles: consoleNsp,
    trustOf: (schoolId) => trustService.trustOf(schoolId),
    seniorLeaders: async (schoolId) =>
      (await staffService.list(schoolId)).filter((s) => s.role === 'senior-leader').map((s) => s.id),
  });
  alertChanged = (alert) =>
    void alertNotifier.changed(alert).catch((error) => console.error('waymark: alert update failed', error));
  /** A stored event goes to the consoles that may see it, and to the DSL as an alert when it is serious. */
  const broadcast = (event: StoredEvent) => {
    broadcastEvent(consoleNsp, event);
    phraseStats.recordHits(event).catch((error) => console.error('waymark: phrase counts failed', error));
    alertService
      .consider(event)
      .then((result) => alertNotifier.considered(result))
      .catch((error) => console.error('waymark: alert failed', error));
  };
  // Live tab state: which classes are watched (across processes), and the devices' tabs to their watchers.
  let liveWatch: LiveWatch | null = null;
  const liveSettings = createLiveSettingsService({ db, placement });
  // Watched, and (where the school limits watching to lessons) in a lesson now.
  const tabsAsked = (classId: string) =>
    (liveWatch?.isWatched(classId) ?? false) && watchGate!.allows(classId);
  const illegalPolicyBody = async (schoolId: string) => ({
    categoryLists: await illegalLists.entries(schoolId),
  });
  // Every address a device reports live is checked here: tab state and a thumbnail's page alike.
  const illegalPages = createIllegalPages(illegalPolicyBody);
  const tabs = createTabStateRelay({
    consoles: consoleNsp,
    devices: io.of('/device'),
    isWatched: tabsAsked,
    policyBody: illegalPolicyBody,
    illegalPages,
    timeline: lessonTimeline,
  });
  // Screen thumbnails: only to the consoles that asked, while the school allows them and in lessons.
  const screens = createScreenRelay({
    consoles: consoleNsp,
    devices: io.of('/device'),
    allowed: (classId) => liveSettings.screensAllowed(classId),
    illegalPages,
    clustered: adapter !== undefined,
    renewMs: liveWatchRenewMs,
  });
  const recheckScreens = () =>
    screens.recheck().catch((error) => console.error('waymark: could not check shown screens', error));
  watchGate = createWatchGate({
    look: (classIds) => liveSettings.watchable(classIds),
    onChange: (classId) => {
      // Unwatched, its devices send nothing whatever the gate says: they hear when watching starts.
      if (liveWatch?.isWatched(classId)) tabs.classWatchChanged(classId, tabsAsked(classId));
      // Its watchers reload the lesson, which says whether tabs are shown and why not.
      consoleNsp.to(rooms.class(classId)).emit('lesson-changed', { classId });
    },
  });
  liveWatch = createLiveWatch({
    consoles: consoleNsp,
    devices: io.of('/device'),
    clustered: adapter !== undefined,
    onChange: (classId, watching) => tabs.classWatchChanged(classId, watching && watchGate!.allows(classId)),
    renewMs: liveWatchRenewMs,
  });
  const devices = registerDeviceNamespace({
    io,
    deviceService,
    eventService,
    policyService,
    overrideService,
    keywordsFor: (schoolId) => keywordService.lists(schoolId),
    trustProxy,
    broadcast,
    // An event sent again: it may have been stored before a crash that left its alert unraised
    // (the alert service raises each event's alert once).
    rebroadcast: (event) => {
      broadcastEvent(consoleNsp, event);
      alertService
        .consider(event)
        .then((result) => alertNotifier.considered(result))
        .catch((error) => console.error('waymark: alert failed', error));
    },
    presence: (device, online) => broadcastPresence(consoleNsp, device, online),
    eventRate: deviceEventRate,
    setupConcurrency: deviceSetupConcurrency,
    screenThumbnails: async (schoolId) => (await liveSettings.get(schoolId)).screenThumbnails,
    tabs: {
      listen: (socket) => {
        tabs.listen(socket);
        screens.listen(socket);
      },
      deviceConnected: (socket) => {
        tabs.deviceConnected(socket);
        screens.deviceConnected(socket);
      },
    },
    actions: {
      ...createReplyListener({ actionService, consoles: consoleNsp }),
      ...createLateActionDelivery({ db, actionService, consoles: consoleNsp }),
    },
    categorySync: (schoolId, categories, held) => categoryStore.sync(schoolId, categories, held),
  });
  const checkSilentDevices = createSilentDeviceCheck({ db, deviceService, eventService, broadcast });
  const filterChecks = createFilterCheckService({
    db,
    devices: io.of('/device'),
    policyService,
    overrideService,
    categoryLookup: (schoolId, host) => categoryStore.lookup(schoolId, host),
    answerMs: filterCheckAnswerMs,
  });
  const runScheduledFilterChecks = createScheduledFilterCheck({
    db,
    checks: filterChecks,
    deviceService,
    eventService,
    broadcast,
  });

  const lessons = createLessonTicker({
    devices: devices.push,
    deviceNsp: io.of('/device'),
    consoles: consoleNsp,
    nextBoundary: (schoolId) => placement.nextBoundary(schoolId),
    forget: (schoolId) => placement.forget(schoolId),
    clock,
    auto: lessonTimer,
    clustered: adapter !== undefined,
    onTick: async (schoolId) => {
      await watchGate!.refresh(schoolId);
      await recheckScreens();
    },
  });
  const live = createLiveNotifier(devices.push, consoleNsp);
  const feedService = createFeedService({
    db,
    store: categoryStore,
    categoriesChanged: (schoolId) => live.categoriesChanged(schoolId),
    limits: feedLimits,
  });
  const importService = createImportService({
    db,
    store: categoryStore,
    categoriesChanged: (schoolId) => live.categoriesChanged(schoolId),
  });

  app.disable('x-powered-by');
  if (trustProxy) app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'connect-src': ["'self'", 'ws:', 'wss:'],
          // The live class shows the favicons of pupils' tabs, from wherever the sites keep them.
          'img-src': ["'self'", 'data:', 'https:', 'http:'],
          'upgrade-insecure-requests': secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: secureCookies,
    }),
  );
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  // Who is calling first, then their body (the smallest limit the route needs).
  app.use('/api', safeAddress, csrfGuard({ publicUrl }), authenticate(staffService), bodyParsers());
  app.use('/api/auth', authRoutes({ staffService, secureCookies, oidc }));
  app.use('/api/classes/:classId/overrides', overrideRoutes({ overrideService, staffService, live }));
  app.use('/api/classes/:classId/roster', rosterRoutes({ rosterService, staffService }));
  app.use(
    '/api/classes/:classId',
    lessonRoutes({
      offTask,
      timeline: lessonTimeline,
      staffService,
      // Whoever else watches the class sees the lesson's controls change (as for overrides).
      lessonControlsChanged: (classId) =>
        consoleNsp.to(rooms.class(classId)).emit('overrides-changed', { classId }),
    }),
  );
  app.use(
    '/api/live-settings',
    // Every process looks again at the school's watched classes (its lesson tick does).
    liveSettingsRoutes({
      liveSettings,
      changed: async (schoolId) => {
        await lessons.changed(schoolId);
        await recheckScreens();
        // Watchers reload the lesson, which says whether tabs and screens are offered now.
        for (const classId of await liveSettings.classIds(schoolId))
          consoleNsp.to(rooms.class(classId)).emit('lesson-changed', { classId });
        // Pupils' pages say whether teachers can see screens: the policy message carries it.
        await Promise.all(PROFILES.map((profile) => devices.push.pushPolicyToProfile(schoolId, profile)));
      },
    }),
  );
  const lessonsChanged = (schoolId: string) => lessons.changed(schoolId);
  app.use(
    '/api/classes/:classId/session',
    sessionRoutes({
      sessionService: createSessionService({ db, placement }),
      staffService,
      overrideService,
      live,
      lessonsChanged,
    }),
  );
  app.use(
    '/api/roster',
    teachingGroupRoutes({ db, calendarService: createCalendarService({ db }), lessonsChanged }),
  );
  app.use(
    '/api/classes/:classId/actions',
    actionRoutes({ db, actionService, staffService, devices: io.of('/device') }),
  );
  app.use('/api/classes', classRoutes({ db, staffService, eventService }));
  app.use('/api/requests', requestRoutes({ requestService, live }));
  app.use('/api/incidents', incidentRoutes({ incidentService }));
  app.use('/api/alerts', alertRoutes({ alertService, webhookService }));
  app.use('/api/category-sources', categorySourceRoutes({ store: categoryStore, feeds: feedService }));
  app.use(
    '/api/policies',
    policyRoutes({
      policyService,
      overrideService,
      importService,
      keywordService,
      phraseStats,
      live,
      categoryStore,
    }),
  );
  app.use(
    '/api/devices',
    deviceRoutes({
      deviceService,
      deviceHealth,
      expectedDevices: createExpectedDevices({ db }),
    }),
  );
  app.use(
    '/api/visitor-passes',
    visitorRoutes({ deviceService, disconnectDevices: (ids) => devices.push.disconnectDevices(ids) }),
  );
  app.use('/api/filter-checks', filterCheckRoutes({ db, checks: filterChecks }));
  app.use('/api/staff', staffRoutes({ staffService }));
  app.use('/api/reports', reportRoutes({ reportService, alertService, concernService }));
  app.use('/api/data-protection', dataProtectionRoutes({ dataProtection }));
  app.use('/api/trust', trustRoutes({ trustService }));
  app.use('/api/deploy', deployRoutes({ deployService }));
  app.use('/api/compliance', complianceRoutes({ complianceService, reviewPacks }));
  app.use('/api', (req, _res, next) =>
    next(new HttpError(404, `no such API route: ${req.method} ${req.originalUrl}`)),
  );

  // Update checks and package downloads from devices: no session, no CSRF header.
  app.use('/extension', extensionRoutes({ releases }));

  if (uiDir && fs.existsSync(path.join(uiDir, 'index.html'))) {
    app.use(express.static(uiDir, { index: false, maxAge: '1h' }));
    // The console is a single-page app: every other GET is its index.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(uiDir, 'index.html')));
  }
  app.use(errorHandler);

  return {
    app,
    httpServer,
    io,
    services: {
      db,
      trustService,
      staffService,
      deviceService,
      eventService,
      policyService,
      categoryStore,
      feedService,
      overrideService,
      requestService,
      incidentService,
      alertService,
      reportService,
      concernService,
      dataProtection,
      complianceService,
      reviewPacks,
      checkSilentDevices,
      /** Filtering checks: run, record, follow up; `summary` for the compliance screen and review pack. */
      filterChecks,
      /** The scheduled filtering check (weekly by default, school hours, a sample of online devices). */
      runScheduledFilterChecks,
      /** Escalates the alerts nobody acknowledged in time (the scheduled job, one process at a time). */
      escalateAlerts: (now?: Date) => alertService.escalateDue(now),
      webhookService,
      /** Retries the schools' webhook deliveries that are due (the scheduled job). */
      deliverWebhooks: (now?: Date) => webhookService.deliverDue(now),
      placement,
      offTask,
      lessonTimeline,
      /** Resolves once the lesson timeline writes asked for so far are done (tests). */
      timelineSettled: () => tabs.settled(),
      /** Moves devices whose pupils' lesson changed to their new lesson's policy (the period boundary). */
      lessonTick: (schoolId?: string) => lessons.tick(schoolId),
    },
    /** The console's own address: links in e-mails point here. */
    publicUrl,
    listen(port: number, host = '0.0.0.0'): Promise<number> {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close(): Promise<void> {
      liveWatch?.stop();
      screens.stop();
      lessons.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // Events already acknowledged are committed; these are the ones still on their way in.
      await eventService.drain();
    },
  };
}
export type Application = ReturnType<typeof createApplication>;
