export { createImportService, type ImportService } from './import-service';
export { createKeywordService, type KeywordService } from './keyword-service';
export { policyRoutes } from './policy-routes';
export { createPolicyService, type PolicyService } from './policy-service';
export { createPhraseStats, type PhraseStats } from './phrase-stats';
export { createFeedService, type FeedService, DEFAULT_FEED_LIMITS, type FeedLimits } from './feed-service';
export { categorySourceRoutes } from './feed-routes';
