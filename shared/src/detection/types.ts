import { z } from 'zod';
import { CategorySchema, type Category } from '../policy/categories';
import { IncidentCategorySchema, type IncidentCategory } from '../incidents/kinds';

/**
 * How worrying a phrase is. High: intent or method for self-harm or suicide, a grooming or
 * sexual-exploitation disclosure, intent to hurt others, weapons. High flags raise an alert.
 */
export const RISKS = ['low', 'medium', 'high'] as const;
export const RiskSchema = z.enum(RISKS);
export type Risk = z.infer<typeof RiskSchema>;

export const riskRank = (risk: Risk): number => RISKS.indexOf(risk);

/** A part of the phrase library: one category (and topic) in one language, with where it came from. */
export interface PhraseSection {
  /** Unique, e.g. `self-harm.en`. */
  id: string;
  category: Category;
  /** What this part covers, in words (e.g. "suicide and self-harm: ideation, methods, concealment"). */
  topic: string;
  language: 'en' | 'cy';
  /** The incident kind raised from a match, when it is not the category (e.g. bullying → cyberbullying). */
  incidentKind?: IncidentCategory;
  /** Only pupils' texts are matched (circumvention: staff search for VPNs for their work). */
  pupilsOnly?: boolean;
  /** Public material the phrases were checked against, and who wrote them. */
  sources: readonly string[];
  /** When the section was last reviewed (ISO date). */
  reviewed: string;
  /**
   * Phrases by risk, in the phrase syntax: words separated by spaces, `(a|b)` for alternatives,
   * `[a]` or `[a|b]` for optional words. Inflections, spelling, spacing and leetspeak are the
   * matcher's job: write each phrase once, in its plain form.
   */
  phrases: Partial<Record<Risk, readonly string[]>>;
}

/** A phrase a school added (through the keyword importer), with its risk when it gave one. */
export const SchoolPhraseSchema = z.object({
  text: z.string().trim().min(1).max(200),
  /** Absent: the library's risk for the same phrase, else medium. */
  risk: RiskSchema.optional(),
});
export type SchoolPhrase = z.infer<typeof SchoolPhraseSchema>;

/** One phrase that matched a text. */
export interface DetectionMatch {
  /** The phrase as the library (or the school) wrote it, with its alternatives chosen. */
  phrase: string;
  category: Category;
  risk: Risk;
  /** The words of the text that matched, as typed. */
  text: string;
  /** The incident kind a match raises (the category unless the section says otherwise). */
  incidentKind: IncidentCategory;
  source: 'library' | 'school';
}

/** What the matcher says about one text. */
export interface Detection {
  flagged: boolean;
  /** The highest risk matched; null when nothing matched. */
  severity: Risk | null;
  /** Categories matched, most serious first. */
  categories: Category[];
  /** Every phrase that matched (one per category and place in the text, the most serious). */
  matches: DetectionMatch[];
  /** Benign context that cleared a trigger word (e.g. "to kill a mockingbird"), for the DSL to see why. */
  benign: string[];
}

/** A match as it travels on an event: the phrase, the category, the risk, and the words that matched. */
export const EventMatchSchema = z.object({
  phrase: z.string().max(200),
  category: CategorySchema,
  risk: RiskSchema,
  text: z.string().max(500),
  /** The incident kind the phrase raises, when it is not the category (bullying → cyberbullying). */
  incidentKind: IncidentCategorySchema.optional(),
});
export type EventMatch = z.infer<typeof EventMatchSchema>;

/** The matches an event carries (most serious first, at most 20). */
export const eventMatches = (detection: Detection): EventMatch[] =>
  detection.matches.slice(0, 20).map(({ phrase, category, risk, text, incidentKind }) => ({
    phrase: phrase.slice(0, 200),
    category,
    risk,
    text: text.slice(0, 500),
    ...(incidentKind !== category && { incidentKind }),
  }));
