import {
  can,
  type ChangeLogSubject,
  policiesContract,
  type Profile,
  ProfileSchema,
  urlParts,
} from '@waymark/shared';
import type { ImportService } from './import-service';
import type { LiveNotifier } from '../../sockets/live-notifier';
import type { KeywordService } from './keyword-service';
import type { PhraseStats } from './phrase-stats';
import type { OverrideService } from '../requests-and-overrides';
import type { PolicyService } from './policy-service';
import { decideWithLists, type CategoryStore } from '../category-data';
import { HttpError } from '../../http/middleware';
import { contractRouter } from '../../http/contract-route';

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
  const { router, route } = contractRouter('/api/policies');

  route(policiesContract.profiles, 'edit-policies', async ({ who }) => ({
    profiles: (await deps.policyService.summaries(who.schoolId)).map((p) => ({
      ...p,
      // The column is text; only profiles are ever written to it.
      profile: p.profile as Profile,
      updatedAt: p.updatedAt.toISOString(),
    })),
  }));

  route(policiesContract.changes, 'view-change-log', async ({ who, query }) => {
    const changes = (await deps.policyService.changeLog(who.schoolId, query)).map((c) => ({
      ...c,
      profile: c.profile as ChangeLogSubject,
      at: c.at.toISOString(),
    }));
    // Governors read the log to oversee filtering, not pupils: a nominated pupil's address is hidden.
    const seesNames = can(who.role, 'edit-policies') || can(who.role, 'see-pupil-names-in-reports');
    return {
      changes: seesNames
        ? changes
        : changes.map((c) => ({ ...c, summary: c.summary.map(hideEmails), reason: hideEmails(c.reason) })),
    };
  });

  route(policiesContract.importCategoryList, 'edit-policies', async ({ who, body }) => ({
    summary: await deps.importService.run(who, body),
  }));

  route(policiesContract.keywordLists, 'edit-policies', async ({ who }) => ({
    keywords: await deps.keywordService.lists(who.schoolId),
  }));

  route(policiesContract.importKeywords, 'edit-policies', async ({ who, body }) => {
    const summary = await deps.keywordService.import(who, body.category, body.content, body.reason);
    // Devices flag searches with these lists themselves, offline too: send them out now.
    if (summary.added > 0) await deps.live.schoolPolicyChanged(who.schoolId);
    return { summary };
  });

  // "Test a search": the same matcher as `npx waymark check-search`, with the school's own phrases.
  route(policiesContract.testSearch, 'edit-policies', async ({ who, body }) => ({
    detection: await deps.keywordService.flag(who.schoolId, body.text, body.profile),
  }));

  route(policiesContract.markFalsePositive, 'mark-false-positive', async ({ who, body }) => ({
    falsePositive: await deps.phraseStats.markFalsePositive(who, body.eventId),
  }));

  route(policiesContract.phraseCounts, 'edit-policies', async ({ who }) => ({
    phrases: await deps.phraseStats.counts(who.schoolId),
  }));

  route(policiesContract.testUrl, 'edit-policies', async ({ who, body }) => {
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
    return { decision, lists, version: policy.version };
  });

  route(policiesContract.policy, 'edit-policies', async ({ who, params }) => {
    const stored = await deps.policyService.body(who.schoolId, profileParam(params.profile));
    return { ...stored, updatedAt: stored.updatedAt.toISOString() };
  });

  route(policiesContract.save, 'edit-policies', async ({ who, params, body }) => {
    const profile = profileParam(params.profile);
    const { policy, reason, expectedVersion } = body;
    if (policy.profile !== profile)
      throw new HttpError(400, `policy.profile is ${policy.profile} but the address is for ${profile}`);
    const result = await deps.policyService.update(who, profile, policy, reason, expectedVersion);
    // Devices enforcing this profile get the new version within a second.
    await deps.live.profilePolicyChanged(who.schoolId, profile);
    return result;
  });
  return router;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
function hideEmails(text: string): string {
  return text.replace(EMAIL, '[a named person]');
}
