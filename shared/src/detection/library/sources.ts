/** When the library as a whole was last reviewed; each section carries its own date too. */
export const LIBRARY_REVIEWED = '2026-12-07';

/**
 * Public material the phrases were checked against (cited by the sections). The phrases are the
 * Waymark team's own writing: none is copied from these pages.
 */
export const SOURCES = {
  algospeakNetsweeper:
    'Netsweeper, "Algospeak: how teens outsmart algorithms" (netsweeper.com/filtering/algospeak-how-teens-outsmart-algorithms)',
  selfHarmSmoothwall:
    'Smoothwall, "The secret language of self-harm" (smoothwall.com/resources/secret-language-of-self-harm-and-how-digital-monitoring-can-help), 2023',
  ofcomSuicide:
    'Ofcom, "Protecting people from online suicide and self-harm material" (ofcom.org.uk, English and Welsh editions)',
  childnetGrooming:
    'Childnet, "How can I tell if someone I know is being groomed?" (childnet.com/young-people/secondary/grooming)',
  nspccGrooming: 'NSPCC / Childline advice on the signs of online grooming (nspcc.org.uk, childline.org.uk)',
  proscribed:
    'Home Office, "Proscribed terrorist groups or organisations" (gov.uk), with the Terrorism Act 2000 (Proscribed Organisations) (Amendment) Order 2025; House of Commons Library briefing SN00815',
  seeds: 'The seed schools’ online-safety policies: "User Actions" and incident-response tables',
  dfeStandards: 'DfE, "Filtering and monitoring standards for schools and colleges" (gov.uk)',
  hwbBullying:
    'Hwb, "Problemau a phryderon ar-lein: bwlio ar-lein" (hwb.gov.wales/parthau/cadwn-ddiogel-ar-lein/cyngor-i-blant-a-phobl-ifanc-problemau-a-phryderon-ar-lein/problemau-a-phryderon-ar-lein-bwlio-ar-lein)',
  hwbGrooming:
    'Hwb, "Problemau a phryderon ar-lein: meithrin perthynas amhriodol ar-lein" and "Canllaw i’r teulu i siarad am feithrin perthynas amhriodol ar-lein" (hwb.gov.wales)',
  hwbNudes:
    'Hwb, "Problemau a phryderon ar-lein: rhannu lluniau noeth" and "…: cyfryngau cymdeithasol" (hwb.gov.wales)',
  hwbIllegal: 'Hwb, "Problemau a phryderon ar-lein: cynnwys anghyfreithlon a sarhaus" (hwb.gov.wales)',
  meicBullying: 'Meic, "6 cam i’w cymryd os wyt ti’n cael dy fwlio" (meiccymru.org/cym)',
  ofcomSuicideCy:
    'Ofcom, "Diogelu pobl rhag deunydd hunanladdiad a hunan-niweidio ar-lein" (ofcom.org.uk/cy)',
  bbcCymruFyw:
    'BBC Cymru Fyw reporting on youth suicide and self-harm (cymrufyw/50802127, 33522800) and knife crime (cymrufyw/46352438, 42994299)',
  dyfedPowysSexting: 'Heddlu Dyfed-Powys, "Cam-drin plant ar-lein" (secstio) (dyfed-powys.police.uk/cy-GB)',
  violencePreventionWales: 'Uned Atal Trais Cymru, Ymgyrch Sceptre (violencepreventionwales.co.uk/cy)',
  internetMattersCy:
    'Internet Matters, canllaw meithrin perthynas amhriodol ar-lein (internetmatters.org/cy)',
  childlineSuicide:
    'NSPCC / Childline reports of what children say about suicidal feelings ("On the edge" spotlight; annual reviews: life "not worth living", others "better off if I wasn’t here") (nspcc.org.uk, childline.org.uk)',
  samaritansMedia:
    'Samaritans, "Media guidelines for reporting suicide" (samaritans.org): method detail, the means and the language of suicide and self-harm',
  preventDuty:
    'Home Office, "Prevent duty guidance" (gov.uk, 2023), and DfE, "Keeping children safe in education" (KCSIE): signs of radicalisation, recruitment, extremist material',
  kcsie:
    'DfE, "Keeping children safe in education" (gov.uk): child-on-child abuse, child criminal exploitation and county lines, serious violence, sharing nudes',
  ceop: 'NCA-CEOP Thinkuknow and Childnet: what groomers say and ask (secrecy, meeting up, images, gifts, "which room is your computer in")',
  iwf: 'Internet Watch Foundation annual reports: self-generated imagery, sextortion, nudification apps (iwf.org.uk)',
  beat: 'Beat and NHS pages on eating disorders: restriction, purging, hiding it (beateatingdisorders.org.uk, nhs.uk)',
  gamblingCommission:
    'Gambling Commission, "Young people and gambling" survey: betting, skins and loot boxes, gambling inside games (gamblingcommission.gov.uk)',
  talkToFrank:
    'Talk to Frank, drugs A to Z and slang (talktofrank.com); Home Office, "Criminal exploitation of children: county lines"',
  antiBullying: 'Anti-Bullying Alliance and Childline on how children describe bullying and cyberbullying',
  welshAuthor:
    'Welsh phrases written by the Waymark team and checked against the Welsh-language pages above for the words children and these services use; a Welsh-speaking DSL should review them at each review date',
} as const;
