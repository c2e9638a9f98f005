import { z } from 'zod';
import { CATEGORIES } from '../policy/categories';

/**
 * Content categories, plus the kinds of incident the policies name that are not about a site. A leaf module:
 * the detection types use it, and the incident model imports the protocol, which imports them.
 */
export const INCIDENT_KINDS = [
  ...CATEGORIES,
  'cyberbullying',
  'sharing-nudes',
  'inappropriate-communication',
  'misuse-of-school-systems',
  'data-protection',
  'circumvention',
  'other',
] as const;
export const IncidentCategorySchema = z.enum(INCIDENT_KINDS);
export type IncidentCategory = z.infer<typeof IncidentCategorySchema>;
