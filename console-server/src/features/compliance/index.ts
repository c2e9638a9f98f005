export { complianceRoutes } from './compliance-routes';
export { createComplianceService, type ComplianceService } from './compliance-service';
export type { EvidenceContext, EvidenceProvider } from './evidence';
export { createReviewPackService, type ReviewPackService } from './review-packs/review-pack-service';
export { canonicalJson, sha256Hex } from './review-packs/canonical-json';
