import type { ReportLanguage } from '@waymark/shared';

/** The words of the CSV downloads and the digest page, in English and Welsh. */
interface ReportText {
  locale: string;
  csv: {
    day: string;
    weekBeginning: string;
    total: string;
    site: string;
    category: string;
    blockedAttempts: string;
    flaggedSearches: string;
    incidents: string;
    action: string;
    status: string;
    outcome: string;
    pupil: string;
    email: string;
    device: string;
    class: string;
    requestsForHelp: string;
    time: string;
    what: string;
    address: string;
    text: string;
    flags: string;
    notSignedIn: string;
    hidden: string;
    kinds: Record<string, string>;
  };
  digest: {
    weekTitle: (school: string) => string;
    periodTitle: (school: string) => string;
    range: (from: string, to: string) => string;
    alerts: string;
    concerns: string;
    tamper: string;
    incidentsOpened: string;
    incidentsClosed: string;
    blockedByCategory: string;
    topSites: string;
    flaggedByCategory: string;
    category: string;
    attempts: string;
    site: string;
    searches: string;
    none: string;
    footer: string;
    /** A week the school was closed: its holiday's name, or '' when simply out of term. */
    closed: (holiday: string) => string;
    reportConcern: string;
    pupilsTitle: string;
    pupil: string;
  };
}

const en: ReportText = {
  locale: 'en-GB',
  csv: {
    day: 'Day',
    weekBeginning: 'Week beginning',
    total: 'Total',
    site: 'Site',
    category: 'Category',
    blockedAttempts: 'Blocked attempts',
    flaggedSearches: 'Flagged searches',
    incidents: 'Incidents',
    action: 'Action',
    status: 'Status',
    outcome: 'Outcome',
    pupil: 'Pupil',
    email: 'E-mail',
    device: 'Device',
    class: 'Class',
    requestsForHelp: 'Requests for help',
    time: 'Time',
    what: 'What',
    address: 'Address',
    text: 'Search, reason or message',
    flags: 'Flagged for',
    notSignedIn: 'Not signed in',
    hidden: 'Hidden (illegal content)',
    kinds: {
      blocked: 'Blocked',
      search: 'Search',
      'unblock-request': 'Request to unblock',
      concern: 'Request for help',
      tamper: 'Circumvention',
    },
  },
  digest: {
    weekTitle: (school) => `Online safety this week: ${school}`,
    periodTitle: (school) => `Online safety report: ${school}`,
    range: (from, to) => `${from} to ${to}`,
    alerts: 'Alerts',
    concerns: 'Requests for help',
    tamper: 'Circumvention reports',
    incidentsOpened: 'Incidents opened',
    incidentsClosed: 'Of those, closed',
    blockedByCategory: 'Blocked attempts by category',
    topSites: 'Most blocked sites',
    flaggedByCategory: 'Flagged searches by category',
    category: 'Category',
    attempts: 'Attempts',
    site: 'Site',
    searches: 'Searches',
    none: 'None.',
    closed: (holiday) =>
      holiday
        ? `The school was closed this week (${holiday}): these are the figures of devices used in the holiday.`
        : 'The school was out of term this week: these are the figures of devices used in the holiday.',
    footer:
      'Open Waymark for the events behind these figures. Illegal-category addresses are never listed here.',
    reportConcern: 'Report to the head teacher',
    pupilsTitle: 'Pupils with the most blocked attempts',
    pupil: 'Pupil',
  },
};

const cy: ReportText = {
  locale: 'cy-GB',
  csv: {
    day: 'Diwrnod',
    weekBeginning: 'Wythnos yn dechrau',
    total: 'Cyfanswm',
    site: 'Safle',
    category: 'Categori',
    blockedAttempts: 'Ymdrechion wedi’u rhwystro',
    flaggedSearches: 'Chwiliadau wedi’u nodi',
    incidents: 'Digwyddiadau',
    action: 'Cam gweithredu',
    status: 'Statws',
    outcome: 'Canlyniad',
    pupil: 'Disgybl',
    email: 'E-bost',
    device: 'Dyfais',
    class: 'Dosbarth',
    requestsForHelp: 'Ceisiadau am help',
    time: 'Amser',
    what: 'Beth',
    address: 'Cyfeiriad',
    text: 'Chwiliad, rheswm neu neges',
    flags: 'Wedi’i nodi am',
    notSignedIn: 'Heb fewngofnodi',
    hidden: 'Cudd (cynnwys anghyfreithlon)',
    kinds: {
      blocked: 'Wedi’i rwystro',
      search: 'Chwiliad',
      'unblock-request': 'Cais i ddadrwystro',
      concern: 'Cais am help',
      tamper: 'Ymgais i osgoi’r hidlydd',
    },
  },
  digest: {
    weekTitle: (school) => `Diogelwch ar-lein yr wythnos hon: ${school}`,
    periodTitle: (school) => `Adroddiad diogelwch ar-lein: ${school}`,
    range: (from, to) => `${from} i ${to}`,
    alerts: 'Rhybuddion',
    concerns: 'Ceisiadau am help',
    tamper: 'Adroddiadau am osgoi’r hidlydd',
    incidentsOpened: 'Digwyddiadau wedi’u hagor',
    incidentsClosed: 'O’r rheini, wedi’u cau',
    blockedByCategory: 'Ymdrechion wedi’u rhwystro fesul categori',
    topSites: 'Y safleoedd a rwystrwyd amlaf',
    flaggedByCategory: 'Chwiliadau wedi’u nodi fesul categori',
    category: 'Categori',
    attempts: 'Ymdrechion',
    site: 'Safle',
    searches: 'Chwiliadau',
    none: 'Dim.',
    closed: (holiday) =>
      holiday
        ? `Roedd yr ysgol ar gau yr wythnos hon (${holiday}): dyma ffigurau’r dyfeisiau a ddefnyddiwyd yn ystod y gwyliau.`
        : 'Roedd yr ysgol y tu allan i’r tymor yr wythnos hon: dyma ffigurau’r dyfeisiau a ddefnyddiwyd yn ystod y gwyliau.',
    footer:
      'Agorwch Waymark i weld y digwyddiadau y tu ôl i’r ffigurau hyn. Nid yw cyfeiriadau mewn categorïau anghyfreithlon byth yn cael eu rhestru yma.',
    reportConcern: 'Rhoi gwybod i’r pennaeth',
    pupilsTitle: 'Disgyblion â’r nifer fwyaf o ymdrechion wedi’u rhwystro',
    pupil: 'Disgybl',
  },
};

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = { en, cy };
