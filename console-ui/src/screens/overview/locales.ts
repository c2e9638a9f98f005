import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Filtering and monitoring',
  notAllowed: 'Your role cannot see the school’s filtering and monitoring figures.',
  loading: 'Loading…',
  compliance: 'The DfE standards: what is met, and what is not',
  review: 'The annual review packs',
  intro: {
    seniorLeader:
      'As the senior leader responsible for filtering and monitoring, you see the school’s figures and every change to its filtering. Pupils’ names stay with the designated safeguarding lead, who shares what an incident needs.',
    other:
      'The school’s filtering and monitoring at a glance: last week’s figures and the latest changes to filtering.',
  },
  week: {
    title: 'Last week: {{from}} to {{to}}',
    blocked: 'Blocked attempts',
    flaggedSearches: 'Flagged searches',
    concerns: 'Requests for help',
    tamper: 'Circumvention reports',
    incidents: 'Incidents raised',
    digest: 'Open last week’s digest',
    reports: 'All reports',
  },
  changes: {
    title: 'Latest changes to filtering',
    none: 'Nobody has changed the filtering since the starter policies.',
    keywords: 'Search keyword lists',
    roster: 'Roster and timetable imports',
    by: 'changed by {{name}}',
    why: 'Reason:',
    all: 'The whole change-control log',
  },
} as const;

export const cy: Translation<typeof en> = {
  title: 'Hidlo a monitro',
  notAllowed: 'Ni all eich rôl weld ffigurau hidlo a monitro’r ysgol.',
  loading: 'Yn llwytho…',
  compliance: 'Safonau’r Adran Addysg: beth sydd wedi’i fodloni, a beth sydd heb',
  review: 'Y pecynnau adolygu blynyddol',
  intro: {
    seniorLeader:
      'Fel yr uwch arweinydd sy’n gyfrifol am hidlo a monitro, rydych chi’n gweld ffigurau’r ysgol a phob newid i’w hidlo. Mae enwau disgyblion yn aros gyda’r person dynodedig ar gyfer diogelu, sy’n rhannu’r hyn sydd ei angen ar ddigwyddiad.',
    other:
      'Hidlo a monitro’r ysgol yn fras: ffigurau’r wythnos diwethaf a’r newidiadau diweddaraf i’r hidlo.',
  },
  week: {
    title: 'Yr wythnos diwethaf: {{from}} i {{to}}',
    blocked: 'Ymdrechion wedi’u rhwystro',
    flaggedSearches: 'Chwiliadau wedi’u nodi',
    concerns: 'Ceisiadau am help',
    tamper: 'Adroddiadau am osgoi’r hidlydd',
    incidents: 'Digwyddiadau a gofnodwyd',
    digest: 'Agor crynodeb yr wythnos diwethaf',
    reports: 'Pob adroddiad',
  },
  changes: {
    title: 'Y newidiadau diweddaraf i’r hidlo',
    none: 'Nid oes neb wedi newid yr hidlo ers y polisïau cychwynnol.',
    keywords: 'Rhestrau geiriau chwilio',
    roster: 'Mewnforion y rhestr ddisgyblion a’r amserlen',
    by: 'newidiwyd gan {{name}}',
    why: 'Rheswm:',
    all: 'Y log rheoli newidiadau cyfan',
  },
};
