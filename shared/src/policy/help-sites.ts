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
