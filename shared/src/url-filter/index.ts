export * from './parse-filter';
export { FilterSet, urlParts, chromePolicyFilterSet } from './match';
export type { FilterEntry, UrlParts, ChromePolicyLists, ChromeListError } from './match';
export { matchesUnrelatedHosts } from './whole-web';
