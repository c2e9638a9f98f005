import {
  categorySourcesContract,
  policiesContract,
  type ChangeLogSubject,
  type ImportCategoryListBody,
  type Category,
  type Profile,
  type SubscribeFeedBody,
  type TestSearchBody,
  type TestUrlBody,
  type UpdatePolicyBody,
} from '@waymark/shared';
import { call } from '../../lib/call';

// The answers' types come from the contract; re-exported for the screen's components.
export type { BadLine, CategoryImportSummary, PolicyChange, StoredPolicy } from '@waymark/shared';

/** The policies API (`/api/policies`), one function per call. */
export const policiesApi = {
  profiles: () => call(policiesContract.profiles).then((r) => r.profiles),
  policy: (profile: Profile) => call(policiesContract.policy, { params: { profile } }),
  save: (profile: Profile, body: UpdatePolicyBody) =>
    call(policiesContract.save, { params: { profile }, body }),
  testUrl: (body: TestUrlBody) => call(policiesContract.testUrl, { body }),
  testSearch: (body: TestSearchBody) => call(policiesContract.testSearch, { body }).then((r) => r.detection),
  phraseCounts: () => call(policiesContract.phraseCounts).then((r) => r.phrases),
  changes: (profile: ChangeLogSubject | null) =>
    call(policiesContract.changes, { query: profile ? { profile } : {} }).then((r) => r.changes),
  importCategoryList: (body: ImportCategoryListBody) =>
    call(policiesContract.importCategoryList, { body }).then((r) => r.summary),
  keywordLists: () => call(policiesContract.keywordLists).then((r) => r.keywords),
  importKeywords: (body: { category: Category; content: string; reason: string }) =>
    call(policiesContract.importKeywords, { body }).then((r) => r.summary),
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
  list: () => call(categorySourcesContract.list).then((r) => r.sources),
  subscribe: (body: SubscribeFeedBody) => call(categorySourcesContract.subscribe, { body }),
  refresh: (id: string) => call(categorySourcesContract.refresh, { params: { id } }),
  confirm: (id: string, reason: string) =>
    call(categorySourcesContract.confirm, { params: { id }, body: { reason } }),
  reject: (id: string) => call(categorySourcesContract.reject, { params: { id } }),
  remove: (id: string) => call(categorySourcesContract.remove, { params: { id } }),
};
export const categorySourceKeys = { all: ['category-sources'] as const };
