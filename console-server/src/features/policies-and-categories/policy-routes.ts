import { Router } from 'express';
import {
  can,
  ChangeLogQuerySchema,
  ImportCategoryListBodySchema,
  ImportKeywordListBodySchema,
  ProfileSchema,
  FalsePositiveBodySchema,
  TestSearchBodySchema,
  TestUrlBodySchema,
  UpdatePolicyBodySchema,
  urlParts,
} from '@waymark/shared';
import type { ImportService } from './import-service';
import type { LiveNotifier } from '../../sockets/live-notifier';
import type { KeywordService } from './keyword-service';
import type { PhraseStats } from './phrase-stats';
import type { OverrideService } from '../requests-and-overrides';
import type { PolicyService } from './policy-service';
import { decideWithLists, type CategoryStore } from '../category-data';
import { handle, HttpError, parseBody, requireCapability } from '../../http/middleware';

function profileParam(raw: unknown) {
  const parsed = ProfileSchema.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(404, `no such profile; profiles are ${ProfileSchema.options.join(', ')}`);
  return parsed.data;
}

/** Profiles, their lists and the change-control log: `/api/policies`. */
export function policyRoutes(deps: {
  policyService: PolicyService;
  overrideService: OverrideService;
  importService: ImportService;
  keywordService: KeywordService;
  phraseStats: PhraseStats;
  live: LiveNotifier;
  categoryStore: CategoryStore;
}) {
  const router = Router();

  router.get(
    '/',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      res.json({ profiles: await deps.policyService.summaries(who.schoolId) });
    }),
  );

  router.get(
    '/changes',
    handle(async (req, res) => {
      const who = requireCapability(req, 'view-change-log');
      const query = ChangeLogQuerySchema.safeParse(req.query);
      if (!query.success)
        throw new HttpError(
          400,
          `profile must be one of ${ChangeLogQuerySchema.shape.profile.unwrap().options.join(', ')}`,
        );
      const changes = await deps.policyService.changeLog(who.schoolId, query.data);
      // Governors read the log to oversee filtering, not pupils: a nominated pupil's address is hidden.
      const seesNames = can(who.role, 'edit-policies') || can(who.role, 'see-pupil-names-in-reports');
      res.json({
        changes: seesNames
          ? changes
          : changes.map((c) => ({ ...c, summary: c.summary.map(hideEmails), reason: hideEmails(c.reason) })),
      });
    }),
  );

  router.post(
    '/category-lists/import',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      res.json({
        summary: await deps.importService.run(who, parseBody(ImportCategoryListBodySchema, req.body)),
      });
    }),
  );

  router.get(
    '/keyword-lists',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      res.json({ keywords: await deps.keywordService.lists(who.schoolId) });
    }),
  );

  router.post(
    '/keyword-lists/import',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const { category, content, reason } = parseBody(ImportKeywordListBodySchema, req.body);
      const summary = await deps.keywordService.import(who, category, content, reason);
      // Devices flag searches with these lists themselves, offline too: send them out now.
      if (summary.added > 0) await deps.live.schoolPolicyChanged(who.schoolId);
      res.json({ summary });
    }),
  );

  // "Test a search": the same matcher as `npx waymark check-search`, with the school's own phrases.
  router.post(
    '/test-search',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const body = parseBody(TestSearchBodySchema, req.body);
      res.json({ detection: await deps.keywordService.flag(who.schoolId, body.text, body.profile) });
    }),
  );

  router.post(
    '/false-positives',
    handle(async (req, res) => {
      const who = requireCapability(req, 'mark-false-positive');
      const { eventId } = parseBody(FalsePositiveBodySchema, req.body);
      res.json({ falsePositive: await deps.phraseStats.markFalsePositive(who, eventId) });
    }),
  );

  router.get(
    '/phrase-counts',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      res.json({ phrases: await deps.phraseStats.counts(who.schoolId) });
    }),
  );

  router.post(
    '/test-url',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const body = parseBody(TestUrlBodySchema, req.body);
      if (urlParts(body.url) === null) throw new HttpError(400, `"${body.url}" is not a web address`);
      // Every id a caller passes must be their school's: another school's lesson is not theirs to read.
      if (body.classId && !(await deps.overrideService.inSchool(who.schoolId, body.classId)))
        throw new HttpError(400, 'classId: no such class in this school');
      const classIds = body.classId ? [body.classId] : [];
      const policy = await deps.policyService.policyFor(
        who.schoolId,
        body.profile,
        [],
        await deps.overrideService.current(who.schoolId, classIds),
      );
      const { decision, lists } = await decideWithLists(deps.categoryStore, who.schoolId, policy, body.url, {
        now: body.at ? new Date(body.at) : new Date(),
        user: body.user ?? null,
        classIds,
      });
      // `lists`: the category lists (sources) holding the deciding entry.
      res.json({ decision, lists, version: policy.version });
    }),
  );

  router.get(
    '/:profile',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      res.json(await deps.policyService.body(who.schoolId, profileParam(req.params.profile)));
    }),
  );

  router.put(
    '/:profile',
    handle(async (req, res) => {
      const who = requireCapability(req, 'edit-policies');
      const profile = profileParam(req.params.profile);
      const { policy, reason, expectedVersion } = parseBody(UpdatePolicyBodySchema, req.body);
      if (policy.profile !== profile)
        throw new HttpError(400, `policy.profile is ${policy.profile} but the address is for ${profile}`);
      const result = await deps.policyService.update(who, profile, policy, reason, expectedVersion);
      // Devices enforcing this profile get the new version within a second.
      await deps.live.profilePolicyChanged(who.schoolId, profile);
      res.json(result);
    }),
  );
  return router;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
function hideEmails(text: string): string {
  return text.replace(EMAIL, '[a named person]');
}
