import type {
  Category,
  CategorySourceSummary,
  SubscribeFeedBody,
  ChangeLogSubject,
  Decision,
  Detection,
  ImportCategoryListBody,
  KeywordLists,
  PhraseCount,
  PolicyBody,
  Profile,
  TestSearchBody,
  TestUrlBody,
  UpdatePolicyBody,
} from '@waymark/shared';
import { api } from '../../lib/api';

interface ProfileSummary {
  profile: Profile;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  mode: PolicyBody['mode'];
  allowCount: number;
  blockCount: number;
  blockedCategoryCount: number;
}

export interface StoredPolicy {
  body: PolicyBody;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface PolicyChange {
  id: number;
  profile: ChangeLogSubject;
  version: number;
  changedByName: string;
  reason: string;
  summary: string[];
  at: string;
}

/** A line of an imported file that was not imported, and why. */
export interface BadLine {
  file?: string;
  /** 1-based; 0 when the problem is the whole file. */
  line: number;
  text: string;
  error: string;
}

export interface CategoryImportSummary {
  format: ImportCategoryListBody['format'];
  categories: Partial<Record<Category, { added: number; alreadyListed: number }>>;
  bad: BadLine[];
  badCount: number;
  unmapped: string[];
  illegal: string[];
  allowEntries: string[];
}

interface KeywordImportSummary {
  added: number;
  alreadyListed: number;
  bad: BadLine[];
}

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

/** The policies API (`/api/policies`), one function per call. */
export const policiesApi = {
  profiles: () => api<{ profiles: ProfileSummary[] }>('/api/policies').then((r) => r.profiles),
  policy: (profile: Profile) => api<StoredPolicy>(`/api/policies/${encodeURIComponent(profile)}`),
  save: (profile: Profile, body: UpdatePolicyBody) =>
    api<{ version: number; summary: string[] }>(
      `/api/policies/${encodeURIComponent(profile)}`,
      json('PUT', body),
    ),
  testUrl: (body: TestUrlBody) =>
    api<{ decision: Decision; version: number }>('/api/policies/test-url', json('POST', body)),
  testSearch: (body: TestSearchBody) =>
    api<{ detection: Detection }>('/api/policies/test-search', json('POST', body)).then((r) => r.detection),
  phraseCounts: () => api<{ phrases: PhraseCount[] }>('/api/policies/phrase-counts').then((r) => r.phrases),
  changes: (profile: ChangeLogSubject | null) =>
    api<{ changes: PolicyChange[] }>(
      profile ? `/api/policies/changes?profile=${encodeURIComponent(profile)}` : '/api/policies/changes',
    ).then((r) => r.changes),
  importCategoryList: (body: ImportCategoryListBody) =>
    api<{ summary: CategoryImportSummary }>('/api/policies/category-lists/import', json('POST', body)).then(
      (r) => r.summary,
    ),
  keywordLists: () => api<{ keywords: KeywordLists }>('/api/policies/keyword-lists').then((r) => r.keywords),
  importKeywords: (body: { category: Category; content: string; reason: string }) =>
    api<{ summary: KeywordImportSummary }>('/api/policies/keyword-lists/import', json('POST', body)).then(
      (r) => r.summary,
    ),
};

/** Query keys, so a save can refresh every view of the policies it touched. */
export const policyKeys = {
  all: ['policies'] as const,
  profiles: () => ['policies', 'profiles'] as const,
  policy: (profile: Profile) => ['policies', 'policy', profile] as const,
  changes: (profile: ChangeLogSubject | null) => ['policies', 'changes', profile ?? 'all'] as const,
  keywords: () => ['policies', 'keywords'] as const,
  phraseCounts: () => ['policies', 'phrase-counts'] as const,
};

/** Category sources: starter lists, uploads and feeds (`/api/category-sources`). */
export const categorySourcesApi = {
  list: () => api<{ sources: CategorySourceSummary[] }>('/api/category-sources').then((r) => r.sources),
  subscribe: (body: SubscribeFeedBody) =>
    api<{
      id: string;
      outcome: { outcome: 'updated' | 'unchanged' | 'failed' | 'awaiting-confirmation'; error?: string };
    }>('/api/category-sources', json('POST', body)),
  refresh: (id: string) =>
    api<{ outcome: { outcome: string } }>(
      `/api/category-sources/${encodeURIComponent(id)}/refresh`,
      json('POST', {}),
    ),
  confirm: (id: string, reason: string) =>
    api(`/api/category-sources/${encodeURIComponent(id)}/confirm`, json('POST', { reason })),
  reject: (id: string) => api(`/api/category-sources/${encodeURIComponent(id)}/reject`, json('POST', {})),
  remove: (id: string) => api(`/api/category-sources/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
export const categorySourceKeys = { all: ['category-sources'] as const };
