import { z } from 'zod';

/**
 * Help services that block pages point to. docs/architecture.md, "The policy model": a "help"
 * link must never lead to another block page, so these hosts are always allowed, whatever a list says.
 */
export const HELP_SITES = [
  { name: 'Childline', host: 'childline.org.uk', phone: '0800 1111' },
  { name: 'CEOP', host: 'ceop.police.uk' },
  { name: 'Samaritans', host: 'samaritans.org', phone: '116 123' },
  { name: 'Papyrus', host: 'papyrus-uk.org', phone: '0800 068 4141' },
  { name: 'Shout', host: 'giveusashout.org', phone: 'text 85258' },
  { name: 'NHS mental health', host: 'nhs.uk' },
  { name: 'Meic', host: 'meic.cymru', phone: '080880 23456' },
] as const;

export const HELP_SITE_HOSTS: readonly string[] = HELP_SITES.map((site) => site.host);

/** Where a school is: a Welsh school gets Hwb, Welsh pupils' pages and Meic first among help sites. */
const COUNTRIES = ['england', 'wales'] as const;
export const CountrySchema = z.enum(COUNTRIES);
export type Country = z.infer<typeof CountrySchema>;

/** The languages of pupils' pages (block page, visitor notice, popup). */
export const PupilLocaleSchema = z.enum(['en', 'cy']);
export type PupilLocale = z.infer<typeof PupilLocaleSchema>;

/**
 * The help services a block page shows, in order. In Wales, Meic (the helpline for children and
 * young people in Wales, in Welsh and English) comes first; elsewhere it is shown to pupils
 * reading in Welsh, after Childline and CEOP.
 */
export function shownHelpSites(country: Country, locale: PupilLocale): Array<'meic' | 'childline' | 'ceop'> {
  if (country === 'wales') return ['meic', 'childline', 'ceop'];
  return locale === 'cy' ? ['childline', 'ceop', 'meic'] : ['childline', 'ceop'];
}
