import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Namespace } from 'socket.io';
import { v7 as uuidv7 } from 'uuid';
import {
  FILTER_CHECK_ADDRESSES_MAX,
  mirrorOf,
  urlParts,
  type AddFollowUpBody,
  type CategoryEntries,
  type DeviceCheckResult,
  type FilterCheckRecord,
  type FilterCheckSchedule,
  type FilterCheckTarget,
  type Policy,
  type Profile,
  type Staff,
  type TestAddress,
} from '@waymark/shared';
import type { Database } from '../../db/open-database';
import { classes, devices, filterCheckFollowUps, filterChecks, schools } from '../../db/schema';
import { DomainError } from '../../errors/domain-error';
import type { PolicyService } from '../policies-and-categories';
import type { OverrideService } from '../requests-and-overrides';
import { rooms } from '../../sockets/rooms';
import { askDevice } from './check-dispatch';
import { filterCheckSummary } from './check-summary';
import { createTestAddresses } from './test-addresses';
import { deviceResults } from './check-outcome';

type CheckRow = typeof filterChecks.$inferSelect;
type FollowUpRow = typeof filterCheckFollowUps.$inferSelect;

interface CheckDeps {
  db: Database;
  /** The `/device` namespace: a check asks each device over its own socket. */
  devices: Namespace;
  policyService: Pick<PolicyService, 'policyFor'>;
  overrideService: Pick<OverrideService, 'current'>;
  /**
   * The category store's entries for a host (lists live there, not in policies): the server's
   * expectation uses the same lists the device holds. None when absent.
   */
  categoryLookup?: (schoolId: string, host: string) => Promise<Array<{ category: string; entry: string }>>;
  /** How long a device has to answer (10 s; tests may shorten it). */
  answerMs?: number;
}

/** Who ran a check: a person, or the scheduled job (null). */
type RunBy = Pick<Staff, 'id' | 'name'> | null;

function toRecord(row: CheckRow, followUps: FollowUpRow[]): FilterCheckRecord {
  const resolved = followUps.some((f) => f.resolved);
  return {
    id: row.id,
    staffName: row.staffName,
    scheduled: row.scheduled,
    target: row.target,
    targetLabel: row.targetLabel,
    addresses: row.addresses,
    devices: row.devices,
    failures: row.failures,
    gaps: row.gaps,
    notChecked: row.notChecked,
    open: row.failures + row.gaps > 0 && !resolved,
    followUps: followUps.map((f) => ({
      id: f.id,
      staffName: f.staffName,
      note: f.note,
      resolved: f.resolved,
      at: f.createdAt.toISOString(),
    })),
    startedAt: row.startedAt.toISOString(),
    finishedAt: (row.finishedAt ?? row.startedAt).toISOString(),
  };
}

/** Filtering checks: run, record, follow up, summarise (docs/architecture.md, "Filtering checks"). */
export function createFilterCheckService(deps: CheckDeps) {
  const { db } = deps;
  const testAddresses = createTestAddresses(db);
  const addresses = testAddresses.list;

  /** The devices a target names, from the school's records (a class's and a profile's include the devices connected as such now). */
  async function resolveTarget(
    schoolId: string,
    target: FilterCheckTarget,
  ): Promise<{ label: string; deviceIds: string[] }> {
    const connected = async (room: string) =>
      (await deps.devices.in(room).fetchSockets())
        .map((s) => (s.data as { device?: { deviceId: string; schoolId: string } }).device)
        .filter((d) => d?.schoolId === schoolId)
        .map((d) => d!.deviceId);
    switch (target.kind) {
      case 'devices': {
        const rows = await db
          .select({ id: devices.id })
          .from(devices)
          .where(and(eq(devices.schoolId, schoolId), inArray(devices.id, target.deviceIds)));
        if (rows.length === 0) throw new DomainError('not-found', 'none of those devices is the school’s');
        return {
          label: rows.length === 1 ? '1 chosen device' : `${rows.length} chosen devices`,
          deviceIds: rows.map((r) => r.id),
        };
      }
      case 'class': {
        const [found] = await db
          .select({ name: classes.name })
          .from(classes)
          .where(and(eq(classes.schoolId, schoolId), eq(classes.id, target.classId)));
        if (!found) throw new DomainError('not-found', 'no such class');
        const rows = await db
          .select({ id: devices.id })
          .from(devices)
          .where(and(eq(devices.schoolId, schoolId), eq(devices.classId, target.classId)));
        const now = await connected(rooms.classDevices(target.classId));
        return { label: found.name, deviceIds: [...new Set([...rows.map((r) => r.id), ...now])] };
      }
      case 'profile': {
        const rows = await db
          .select({ id: devices.id })
          .from(devices)
          .where(and(eq(devices.schoolId, schoolId), eq(devices.enforcedProfile, target.profile)));
        const now = await connected(rooms.profileDevices(schoolId, target.profile));
        return {
          label: `${target.profile} devices`,
          deviceIds: [...new Set([...rows.map((r) => r.id), ...now])],
        };
      }
    }
  }

  async function checkOne(
    schoolId: string,
    checkId: string,
    deviceId: string,
    tests: TestAddress[],
    now: Date,
    policyOf: (profile: Profile, classId: string | null) => Promise<Policy>,
  ): Promise<DeviceCheckResult> {
    const [row] = await db
      .select({ name: devices.name, profile: devices.enforcedProfile, className: classes.name })
      .from(devices)
      .leftJoin(classes, eq(classes.id, devices.classId))
      .where(eq(devices.id, deviceId));
    const base = {
      deviceId,
      deviceName: row?.name ?? deviceId,
      className: row?.className ?? null,
      profile: row?.profile ?? null,
      policyVersion: null,
      serverPolicyVersion: null,
      results: [],
    };
    const asked = await askDevice(
      deps.devices,
      deviceId,
      { checkId, urls: tests.map((t) => t.url) },
      deps.answerMs,
    );
    if (asked.status === 'offline') return { ...base, status: 'offline', error: null };
    const connected = {
      ...base,
      deviceName: asked.device.deviceName,
      className: asked.device.className,
      profile: asked.device.profile,
    };
    if (asked.status === 'update-needed')
      return { ...connected, status: 'update-needed', error: 'the extension is too old to answer checks' };
    const policy = await policyOf(asked.device.profile, asked.device.classId);
    if (asked.status === 'no-answer')
      return { ...connected, status: 'no-answer', error: asked.error, serverPolicyVersion: policy.version };
    const classIds = asked.device.classId ? [asked.device.classId] : [];
    const results = deviceResults(tests, asked.answer.results, policy, { now, classIds });
    if (!results)
      return {
        ...connected,
        status: 'no-answer',
        error: 'the device did not answer for every address',
        policyVersion: asked.answer.policyVersion,
        serverPolicyVersion: policy.version,
      };
    return {
      ...connected,
      status: 'checked',
      error: null,
      policyVersion: asked.answer.policyVersion,
      serverPolicyVersion: policy.version,
      results,
    };
  }

  async function followUpsOf(checkIds: string[]): Promise<FollowUpRow[]> {
    if (checkIds.length === 0) return [];
    return db
      .select()
      .from(filterCheckFollowUps)
      .where(inArray(filterCheckFollowUps.checkId, checkIds))
      .orderBy(asc(filterCheckFollowUps.createdAt));
  }

  async function get(schoolId: string, id: string): Promise<FilterCheckRecord> {
    const [row] = await db
      .select()
      .from(filterChecks)
      .where(and(eq(filterChecks.schoolId, schoolId), eq(filterChecks.id, id)));
    if (!row) throw new DomainError('not-found', 'no such check');
    return toRecord(row, await followUpsOf([id]));
  }

  /** The category store's entries that could decide the test addresses (each host, and a mirror's site). */
  async function listsFor(schoolId: string, tests: readonly TestAddress[]): Promise<CategoryEntries> {
    const lists: CategoryEntries = {};
    if (!deps.categoryLookup) return lists;
    const hosts = new Set<string>();
    for (const { url } of tests) {
      const host = urlParts(url)?.host;
      if (host) hosts.add(host);
      const target = mirrorOf(url)?.target;
      const targetHost = target ? urlParts(target)?.host : undefined;
      if (targetHost) hosts.add(targetHost);
    }
    const seen = new Set<string>();
    for (const host of hosts)
      for (const m of await deps.categoryLookup(schoolId, host)) {
        const key = `${m.category}\t${m.entry}`;
        if (seen.has(key)) continue;
        seen.add(key);
        (lists[m.category as keyof CategoryEntries] ??= []).push(m.entry);
      }
    return lists;
  }

  /**
   * Runs a check: recorded first (who, when, on what, with which addresses), then each device is
   * asked at once and its answer compared with its current policy; the results complete the record.
   */
  async function run(
    schoolId: string,
    target: FilterCheckTarget,
    by: RunBy,
    options: { scheduled?: boolean; label?: string; now?: Date } = {},
  ): Promise<FilterCheckRecord> {
    const now = options.now ?? new Date();
    const resolved = await resolveTarget(schoolId, target);
    const seen = new Set<string>();
    const tests: TestAddress[] = [];
    for (const { url, category, note } of await addresses(schoolId)) {
      if (seen.has(url) || tests.length >= FILTER_CHECK_ADDRESSES_MAX) continue;
      seen.add(url);
      tests.push({ url, category, note });
    }
    const id = uuidv7();
    const label = options.label ?? resolved.label;
    await db.insert(filterChecks).values({
      id,
      schoolId,
      staffId: by?.id ?? null,
      staffName: by?.name ?? null,
      scheduled: options.scheduled ?? false,
      target,
      targetLabel: label,
      addresses: tests,
      devices: [],
      startedAt: now,
    });
    const categoryLists = await listsFor(schoolId, tests);
    const policies = new Map<string, Promise<Policy>>();
    const policyOf = (profile: Profile, classId: string | null) => {
      const key = `${profile}|${classId ?? ''}`;
      let policy = policies.get(key);
      if (!policy) {
        policy = deps.overrideService
          .current(schoolId, classId ? [classId] : [], now)
          .then((overrides) => deps.policyService.policyFor(schoolId, profile, [], overrides))
          .then((p) => ({ ...p, categoryLists }));
        policies.set(key, policy);
      }
      return policy;
    };
    const results = await Promise.all(
      resolved.deviceIds.map((deviceId) => checkOne(schoolId, id, deviceId, tests, now, policyOf)),
    );
    results.sort((a, b) => a.deviceName.localeCompare(b.deviceName));
    const count = (outcome: string) =>
      results.reduce((n, d) => n + d.results.filter((r) => r.outcome === outcome).length, 0);
    await db
      .update(filterChecks)
      .set({
        devices: results,
        failures: count('fail'),
        gaps: count('gap'),
        notChecked: results.filter((d) => d.status !== 'checked').length,
        finishedAt: new Date(),
      })
      .where(eq(filterChecks.id, id));
    return get(schoolId, id);
  }

  return {
    addresses,
    addAddress: testAddresses.add,
    removeAddress: testAddresses.remove,

    run,
    get,

    async list(schoolId: string, limit = 100): Promise<FilterCheckRecord[]> {
      const rows = await db
        .select()
        .from(filterChecks)
        .where(eq(filterChecks.schoolId, schoolId))
        .orderBy(desc(filterChecks.startedAt), desc(filterChecks.id))
        .limit(limit);
      const followUps = await followUpsOf(rows.map((r) => r.id));
      return rows.map((r) =>
        toRecord(
          r,
          followUps.filter((f) => f.checkId === r.id),
        ),
      );
    },

    /** What a person did about a check's failures; `resolved` closes them. */
    async addFollowUp(who: Staff, checkId: string, body: AddFollowUpBody): Promise<FilterCheckRecord> {
      await get(who.schoolId, checkId);
      await db.insert(filterCheckFollowUps).values({
        id: uuidv7(),
        checkId,
        schoolId: who.schoolId,
        staffId: who.id,
        staffName: who.name,
        note: body.note,
        resolved: body.resolved,
      });
      return get(who.schoolId, checkId);
    },

    /** For other features (the compliance screen, the review pack): see `filterCheckSummary`. */
    summary: (schoolId: string, from: Date, to: Date) => filterCheckSummary(db, schoolId, from, to),

    async schedule(schoolId: string): Promise<FilterCheckSchedule> {
      const [row] = await db
        .select({ everyDays: schools.filterCheckEveryDays, sampleSize: schools.filterCheckSampleSize })
        .from(schools)
        .where(eq(schools.id, schoolId));
      if (!row) throw new DomainError('not-found', 'no such school');
      return row;
    },

    async saveSchedule(schoolId: string, body: FilterCheckSchedule): Promise<FilterCheckSchedule> {
      await db
        .update(schools)
        .set({ filterCheckEveryDays: body.everyDays, filterCheckSampleSize: body.sampleSize })
        .where(eq(schools.id, schoolId));
      return body;
    },
  };
}
export type FilterCheckService = ReturnType<typeof createFilterCheckService>;
