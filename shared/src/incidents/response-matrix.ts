import type { IncidentCategory, PUPIL_ACTIONS } from './model';

type PupilAction = keyof typeof PUPIL_ACTIONS;

/**
 * The response a school's matrix gives a pupil incident of each kind: the actions the DSL is
 * offered first when working it. From the seed schools' "School Actions" tables (rows: the kind
 * of incident; columns: the actions), and, for grooming and sexual exploitation, which those
 * tables fold into "report to the police", from the same policies' list of incidents always
 * reported to the police (grooming behaviour, obscene material sent to a child). Kinds a matrix
 * does not name get no suggestion: the DSL chooses.
 */
export const PUPIL_RESPONSES: Partial<Record<IncidentCategory, readonly PupilAction[]>> = {
  'illegal-csam': ['refer-dsl', 'refer-headteacher', 'refer-police', 'refer-technical-support'],
  'illegal-terrorism': ['refer-dsl', 'refer-headteacher', 'refer-police', 'refer-technical-support'],
  'illegal-hate': ['refer-dsl', 'refer-headteacher', 'refer-police', 'refer-technical-support'],
  // Grooming, sexual exploitation and sexting: the DSL leads; the police (or CEOP) for grooming or
  // exploitation; parents are told unless the DSL judges that would put the child at more risk.
  grooming: ['refer-dsl', 'refer-headteacher', 'refer-police', 'inform-parents'],
  'sharing-nudes': ['refer-dsl', 'refer-headteacher', 'inform-parents'],
  'self-harm': ['refer-dsl', 'inform-parents'],
  extremism: ['refer-dsl', 'refer-headteacher', 'inform-parents'],
  violence: ['refer-dsl', 'refer-headteacher', 'inform-parents'],
  cyberbullying: ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher', 'inform-parents'],
  discrimination: ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher', 'inform-parents'],
  pornography: ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher', 'inform-parents'],
  'proxy-vpn': ['refer-class-teacher', 'refer-online-safety-lead', 'refer-technical-support', 'warning'],
  circumvention: ['refer-class-teacher', 'refer-online-safety-lead', 'refer-technical-support', 'warning'],
  'social-media': ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher'],
  messaging: ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher'],
  'file-sharing': ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher'],
  piracy: ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher'],
  'misuse-of-school-systems': ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher'],
  'data-protection': ['refer-class-teacher', 'refer-online-safety-lead', 'refer-headteacher'],
};

/** The actions the matrix suggests for a pupil incident of this kind (none for staff: their table is per case). */
export function suggestedActions(category: IncidentCategory, subject: 'pupil' | 'staff'): PupilAction[] {
  return subject === 'pupil' ? [...(PUPIL_RESPONSES[category] ?? [])] : [];
}
