import type { ReportLanguage } from '../reports/report-model';

/** The review pack's headings and labels in English and Welsh: one source for the console and the PDF. */
interface ReviewPackText {
  title: (year: string) => string;
  period: (from: string, to: string) => string;
  prepared: (name: string, at: string) => string;
  draft: string;
  signedBanner: string;
  hash: string;
  draftHash: string;
  notes: string;
  noNotes: string;
  roles: string;
  policyChanges: string;
  noPolicyChanges: string;
  changeBy: (name: string, profile: string, version: number) => string;
  reason: string;
  checks: string;
  blocked: string;
  alerts: string;
  alertTotals: (total: number, acknowledged: number, inTime: number) => string;
  incidents: string;
  incidentColumns: {
    category: string;
    open: string;
    closedWithOutcome: string;
    closedWithoutOutcome: string;
  };
  incidentActions: string;
  byCategory: string;
  byKeyStage: string;
  categoryColumn: string;
  keyStageColumn: string;
  count: string;
  total: string;
  nothing: string;
  devices: string;
  deviceFigures: Record<
    | 'devices'
    | 'online'
    | 'silent'
    | 'oldExtension'
    | 'oldPolicy'
    | 'expected'
    | 'neverEnrolled'
    | 'missingHardening',
    string
  >;
  gaps: string;
  noGaps: string;
  incidentLog: string;
  anchor: (entries: number, hash: string) => string;
  signatures: string;
  signer: Record<'senior-leader' | 'governor', string>;
  signedBy: (name: string, at: string) => string;
  notSigned: string;
  noClass: string;
  alertTopics: Record<string, string>;
}

const en: ReviewPackText = {
  title: (year) => `Annual review of filtering and monitoring, ${year}`,
  period: (from, to) => `Covering ${from} to ${to}.`,
  prepared: (name, at) => `Prepared by ${name} on ${at}.`,
  draft: 'Draft: not yet signed off. The figures are as they were when the pack was prepared.',
  signedBanner: 'Signed off and kept unchangeable: the content below is exactly what was signed.',
  hash: 'SHA-256 of the signed content',
  draftHash: 'SHA-256 of this draft’s content',
  notes: 'Actions planned',
  noNotes: 'None written.',
  roles: 'Roles and responsibilities',
  policyChanges: 'Changes to filtering, with their reasons',
  noPolicyChanges: 'No change to filtering in this period.',
  changeBy: (name, profile, version) => `${name} · ${profile} · version ${version}`,
  reason: 'Reason',
  checks: 'Filtering checks',
  blocked: 'Blocked attempts',
  alerts: 'Alerts',
  alertTotals: (total, acknowledged, inTime) =>
    `${total} alerts raised; ${acknowledged} acknowledged, ${inTime} of them before they escalated.`,
  incidents: 'Incidents',
  incidentColumns: {
    category: 'Category',
    open: 'Open',
    closedWithOutcome: 'Closed, outcome recorded',
    closedWithoutOutcome: 'Closed, no outcome',
  },
  incidentActions: 'Actions taken',
  byCategory: 'By category',
  byKeyStage: 'By key stage',
  categoryColumn: 'Category',
  keyStageColumn: 'Key stage',
  count: 'Number',
  total: 'Total',
  nothing: 'None in this period.',
  devices: 'Device coverage (when prepared)',
  deviceFigures: {
    devices: 'Devices enrolled',
    online: 'Online',
    silent: 'Silent in school hours',
    oldExtension: 'On an old extension',
    oldPolicy: 'On an old policy',
    expected: 'On the asset register',
    neverEnrolled: 'On the register, never enrolled',
    missingHardening: 'Missing part of their lockdown',
  },
  gaps: 'Open gaps when the pack was prepared',
  noGaps: 'Every requirement was met when the pack was prepared.',
  incidentLog: 'Incident log anchor',
  anchor: (entries, hash) =>
    `The online-safety log held ${entries} entries, ending in ${hash}. Keep this page: "npx waymark verify-log --since-anchor ${hash}" proves the log up to here has not been rewritten since.`,
  signatures: 'Sign-off',
  signer: { 'senior-leader': 'Senior leader for filtering and monitoring', governor: 'Governor' },
  signedBy: (name, at) => `Signed by ${name} on ${at}`,
  notSigned: 'Not signed yet',
  noClass: 'No class',
  alertTopics: { concern: 'Requests for help', tamper: 'Circumvention', search: 'Searches' },
};

const cy: ReviewPackText = {
  title: (year) => `Adolygiad blynyddol o hidlo a monitro, ${year}`,
  period: (from, to) => `Yn cwmpasu ${from} i ${to}.`,
  prepared: (name, at) => `Paratowyd gan ${name} ar ${at}.`,
  draft: 'Drafft: heb ei lofnodi eto. Mae’r ffigurau fel yr oeddent pan baratowyd y pecyn.',
  signedBanner: 'Wedi’i lofnodi a’i gadw’n ddigyfnewid: y cynnwys isod yw’r union beth a lofnodwyd.',
  hash: 'SHA-256 y cynnwys a lofnodwyd',
  draftHash: 'SHA-256 cynnwys y drafft hwn',
  notes: 'Camau a gynlluniwyd',
  noNotes: 'Dim wedi’u hysgrifennu.',
  roles: 'Rolau a chyfrifoldebau',
  policyChanges: 'Newidiadau i’r hidlo, gyda’u rhesymau',
  noPolicyChanges: 'Dim newid i’r hidlo yn y cyfnod hwn.',
  changeBy: (name, profile, version) => `${name} · ${profile} · fersiwn ${version}`,
  reason: 'Rheswm',
  checks: 'Gwiriadau hidlo',
  blocked: 'Ymdrechion wedi’u rhwystro',
  alerts: 'Rhybuddion',
  alertTotals: (total, acknowledged, inTime) =>
    `${total} rhybudd wedi’u codi; ${acknowledged} wedi’u cydnabod, ${inTime} ohonynt cyn iddynt gael eu huwchgyfeirio.`,
  incidents: 'Digwyddiadau',
  incidentColumns: {
    category: 'Categori',
    open: 'Agored',
    closedWithOutcome: 'Wedi cau, canlyniad wedi’i gofnodi',
    closedWithoutOutcome: 'Wedi cau, dim canlyniad',
  },
  incidentActions: 'Camau a gymerwyd',
  byCategory: 'Yn ôl categori',
  byKeyStage: 'Yn ôl cyfnod allweddol',
  categoryColumn: 'Categori',
  keyStageColumn: 'Cyfnod allweddol',
  count: 'Nifer',
  total: 'Cyfanswm',
  nothing: 'Dim yn y cyfnod hwn.',
  devices: 'Dyfeisiau wedi’u cynnwys (wrth baratoi)',
  deviceFigures: {
    devices: 'Dyfeisiau wedi’u cofrestru',
    online: 'Ar-lein',
    silent: 'Tawel yn ystod oriau ysgol',
    oldExtension: 'Ar hen estyniad',
    oldPolicy: 'Ar hen bolisi',
    expected: 'Ar y gofrestr asedau',
    neverEnrolled: 'Ar y gofrestr, heb gofrestru erioed',
    missingHardening: 'Heb ran o’u cloi',
  },
  gaps: 'Bylchau agored pan baratowyd y pecyn',
  noGaps: 'Roedd pob gofyniad wedi’i fodloni pan baratowyd y pecyn.',
  incidentLog: 'Angor y log digwyddiadau',
  anchor: (entries, hash) =>
    `Roedd ${entries} cofnod yn y log diogelwch ar-lein, yn gorffen gyda ${hash}. Cadwch y dudalen hon: mae "npx waymark verify-log --since-anchor ${hash}" yn profi nad yw’r log hyd yma wedi’i ailysgrifennu ers hynny.`,
  signatures: 'Llofnodi',
  signer: { 'senior-leader': 'Uwch arweinydd ar gyfer hidlo a monitro', governor: 'Llywodraethwr' },
  signedBy: (name, at) => `Llofnodwyd gan ${name} ar ${at}`,
  notSigned: 'Heb ei lofnodi eto',
  noClass: 'Dim dosbarth',
  alertTopics: { concern: 'Ceisiadau am help', tamper: 'Osgoi’r hidlydd', search: 'Chwiliadau' },
};

export function reviewPackText(lang: ReportLanguage): ReviewPackText {
  return lang === 'cy' ? cy : en;
}

/** "2025–26": the school year starting in September `year`. */
export function schoolYearLabel(year: number): string {
  return `${year}–${String((year + 1) % 100).padStart(2, '0')}`;
}
