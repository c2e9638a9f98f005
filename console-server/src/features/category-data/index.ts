export { createCategoryStore, type CategoryStore, type CategoryMatch } from './category-store';
export { createIllegalLists, type IllegalLists } from './illegal-lists';
export { recordCategoryChange } from './change-log';
export { STARTER_SOURCE } from './starter-source';
export { decideWithLists, decideWithMatches } from './decide-with-lists';
export { FeedError, readFeed, type FeedFormat, type FeedReport } from './feed-reader';
export type { StagedVersion, VersionChanges } from './category-store';
