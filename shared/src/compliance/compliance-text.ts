import type { ReportLanguage } from '../reports/report-model';
import type { ComplianceItemId, ComplianceStatus, ComplianceValue, Standard } from './compliance-model';

type Figures = Record<string, ComplianceValue>;

/** The words of the compliance screen and the review pack: one source for the console and the PDF. */
interface ComplianceText {
  statuses: Record<ComplianceStatus, string>;
  standards: Record<Standard, { title: string; requirement: string }>;
  items: Record<
    ComplianceItemId,
    {
      title: string;
      /** The requirement in plain words. */
      requirement: string;
      /** Why the status is what it is, from the item's figures. */
      reasons: Record<string, (f: Figures) => string>;
    }
  >;
  /** Figure labels, by key. */
  figures: Record<string, string>;
  roles: Record<'dsl' | 'deputyDsl' | 'seniorLeader' | 'governor' | 'technician', string>;
  none: string;
  /** A reason code this version does not know (a newer provider's). */
  unknownReason: string;
}

const MONTHS = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  cy: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
};

/** An ISO date or instant as "1 September 2026" (Welsh month names written out: ICU lacks them). */
export function complianceDate(lang: ReportLanguage, iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const num = (f: Figures, key: string) => (typeof f[key] === 'number' ? f[key] : 0);
const list = (f: Figures, key: string) => (Array.isArray(f[key]) ? f[key] : []);
const date = (lang: ReportLanguage, f: Figures, key: string) =>
  typeof f[key] === 'string' ? complianceDate(lang, f[key]) : '–';

function english(): ComplianceText {
  const lang = 'en';
  const roles = {
    dsl: 'designated safeguarding lead',
    deputyDsl: 'deputy DSL',
    seniorLeader: 'senior leader for filtering and monitoring',
    governor: 'governor',
    technician: 'technician',
  } as const;
  const roleList = (keys: readonly string[]) =>
    keys.map((k) => roles[k as keyof typeof roles] ?? k).join(', ');
  return {
    statuses: { met: 'Met', 'at-risk': 'At risk', 'not-met': 'Not met' },
    standards: {
      roles: {
        title: 'Roles and responsibilities',
        requirement:
          'Governors and a senior leader are responsible for filtering and monitoring, with the designated safeguarding lead and the IT staff who run it.',
      },
      review: {
        title: 'Review at least once a year',
        requirement:
          'Filtering and monitoring are reviewed at least once a year, and checks that the filtering works are carried out and recorded.',
      },
      filtering: {
        title: 'Filtering blocks harmful content',
        requirement:
          'Every school device is filtered: illegal, harmful and inappropriate content is blocked without unreasonably stopping teaching and learning.',
      },
      monitoring: {
        title: 'Effective monitoring',
        requirement:
          'What pupils do online is monitored, concerns reach the right person in time, and action is taken and recorded.',
      },
    },
    items: {
      'named-roles': {
        title: 'Named roles',
        requirement:
          'A designated safeguarding lead, a senior leader for filtering and monitoring and a governor are named.',
        reasons: {
          missing: (f) => `Nobody is named as: ${roleList(list(f, 'missing'))}.`,
          'no-deputy': () =>
            'No deputy DSL is named: an alert the DSL misses goes straight to the senior leader.',
          named: () => 'Every role is named.',
        },
      },
      'annual-review': {
        title: 'Annual review',
        requirement: 'The review pack is signed by the senior leader and a governor at least once a year.',
        reasons: {
          never: () => 'No review pack has been signed yet.',
          overdue: (f) =>
            `The last review was signed on ${date(lang, f, 'lastReview')}: it was due by ${date(lang, f, 'nextDue')}.`,
          'due-soon': (f) => `The next review is due by ${date(lang, f, 'nextDue')}.`,
          'in-date': (f) =>
            `Reviewed on ${date(lang, f, 'lastReview')}; next due by ${date(lang, f, 'nextDue')}.`,
        },
      },
      'filtering-checks': {
        title: 'Filtering checks recorded',
        requirement:
          'Checks that each device blocks what its policy blocks are run regularly, and each check is recorded with what was done about any failure.',
        reasons: {
          'none-recorded': () => 'No filtering checks recorded.',
          'failures-open': (f) =>
            `${num(f, 'openFailures')} filtering check(s) found a device allowing what its policy blocks, and nobody has recorded it resolved.`,
          'none-this-term': (f) =>
            `No filtering check in the last 90 days; the last was on ${date(lang, f, 'lastCheck')}.`,
          recorded: (f) =>
            `${num(f, 'checks')} check(s) in the last 90 days, the last on ${date(lang, f, 'lastCheck')}; every failure has a follow-up.`,
        },
      },
      'devices-covered': {
        title: 'Devices covered',
        requirement: 'Every school device is enrolled, reporting, and on the current extension and policy.',
        reasons: {
          'none-enrolled': () => 'No device is enrolled: nothing is filtered or monitored by Waymark.',
          problems: (f) =>
            `${num(f, 'silent')} silent in school hours, ${num(f, 'oldExtension')} on an old extension, ${num(f, 'oldPolicy')} on an old policy, ${num(f, 'neverEnrolled')} on the asset register never enrolled.`,
          healthy: (f) => `Every enrolled device (${num(f, 'devices')}) is reporting and up to date.`,
        },
      },
      'illegal-blocked': {
        title: 'Illegal content blocked',
        requirement: 'Illegal content (child abuse, terrorism, criminal hate) is blocked on every profile.',
        reasons: {
          'not-blocked': (f) => `Not blocked on: ${list(f, 'notBlocking').join(', ')}.`,
          blocked: () => 'Blocked on every profile.',
        },
      },
      'safe-search-circumvention': {
        title: 'SafeSearch and circumvention',
        requirement:
          'SafeSearch and YouTube Restricted Mode are locked for pupils, proxies and VPNs are blocked, and devices cannot be taken round the filter.',
        reasons: {
          'safe-search-off': (f) => `SafeSearch is off for: ${list(f, 'safeSearchOff').join(', ')}.`,
          'circumvention-allowed': (f) =>
            `Proxies and VPNs are not blocked for: ${list(f, 'circumventionAllowed').join(', ')}.`,
          'hardening-missing': (f) =>
            `${num(f, 'missingHardening')} devices lack part of their lockdown (force-install, locked proxy or the school's policy file).`,
          locked: () => 'SafeSearch locked and circumvention blocked on every pupil profile.',
        },
      },
      'blocked-attempts-recorded': {
        title: 'Every blocked attempt recorded',
        requirement:
          'Each blocked attempt is recorded with the device, its IP address, the user, the time and the category.',
        reasons: {
          'no-devices': () => 'No device is enrolled, so nothing is recorded.',
          'none-recorded': (f) =>
            `No blocked attempt in the last ${num(f, 'days')} days: check that devices are reporting.`,
          'missing-ip': (f) =>
            `${num(f, 'blocked') - num(f, 'withIp')} of ${num(f, 'blocked')} blocked attempts have no IP address.`,
          recorded: (f) =>
            `Every blocked attempt (${num(f, 'blocked')}) has its device, IP address and time; ${num(f, 'withUser')} name the user, the rest a shared device.`,
        },
      },
      'alerts-acknowledged': {
        title: 'Alerts acknowledged in time',
        requirement:
          'Serious concerns raise an alert that someone acknowledges within the school’s escalation time.',
        reasons: {
          overdue: (f) => `${num(f, 'overdue')} alerts are waiting past their escalation time.`,
          late: (f) => `${num(f, 'late')} alerts were acknowledged only after they escalated.`,
          'in-time': (f) => `Every alert acknowledged (${num(f, 'acknowledged')}) was acknowledged in time.`,
          'none-raised': (f) => `No alert raised in the last ${num(f, 'days')} days.`,
        },
      },
      'incidents-recorded': {
        title: 'Incidents with actions and outcomes',
        requirement: 'Each incident is logged with the actions taken and, when closed, its outcome.',
        reasons: {
          'follow-up-overdue': (f) =>
            `${num(f, 'followUpOverdue')} open incidents are past their follow-up date.`,
          'no-outcome': (f) => `${num(f, 'closedWithoutOutcome')} closed incidents have no outcome recorded.`,
          'no-actions': (f) =>
            `${num(f, 'withoutActions')} incidents open for over a week have no action recorded.`,
          recorded: () => 'Every incident has its actions, and every closed one its outcome.',
        },
      },
      'users-told': {
        title: 'Pupils and staff told they are monitored',
        requirement: 'Pupils, staff and visitors know that their use of school devices is monitored.',
        reasons: {
          'no-devices': () => 'No device is enrolled, so no device tells its user.',
          told: (f) =>
            `Every enrolled device (${num(f, 'devices')}) says it is supervised by the school (toolbar and block pages), and visitors see the ${f['visitorNotice'] === 'own' ? 'school’s own' : 'standard'} acceptable-use notice first. Signed acceptable-use agreements are kept by the school, not in Waymark.`,
        },
      },
    },
    figures: {
      dsl: 'Designated safeguarding lead',
      deputyDsl: 'Deputy DSL',
      seniorLeader: 'Senior leader',
      governor: 'Governors',
      technician: 'Technicians',
      lastReview: 'Last review',
      nextDue: 'Next due',
      checks: 'Checks recorded (90 days)',
      scheduledChecks: 'Of them scheduled',
      checksWithFailures: 'Of them with failures',
      openFailures: 'Failures not yet resolved',
      lastCheck: 'Last check',
      devices: 'Devices enrolled',
      online: 'Online now',
      silent: 'Silent in school hours',
      oldExtension: 'Old extension',
      oldPolicy: 'Old policy',
      expected: 'On the asset register',
      neverEnrolled: 'Never enrolled',
      profiles: 'Profiles',
      notBlocking: 'Not blocking illegal content',
      safeSearchOff: 'SafeSearch off',
      circumventionAllowed: 'Proxies and VPNs allowed',
      missingHardening: 'Devices missing lockdown',
      tamperDevices: 'Devices with circumvention reports (7 days)',
      days: 'Days counted',
      blocked: 'Blocked attempts',
      withIp: 'With IP address',
      withUser: 'Naming the user',
      withCategory: 'With a category',
      raised: 'Alerts raised',
      acknowledged: 'Acknowledged',
      inTime: 'Acknowledged in time',
      late: 'Acknowledged late',
      waiting: 'Waiting now',
      overdue: 'Waiting past time',
      open: 'Open incidents',
      raisedIncidents: 'Incidents raised',
      followUpOverdue: 'Past follow-up date',
      closedWithoutOutcome: 'Closed without outcome',
      withoutActions: 'Open a week, no action',
      visitorNotice: 'Visitors’ notice',
      missing: 'Missing',
    },
    roles,
    none: 'none',
    unknownReason: 'See the figures.',
  };
}

function welsh(): ComplianceText {
  const lang = 'cy';
  const roles = {
    dsl: 'person dynodedig ar gyfer diogelu',
    deputyDsl: 'dirprwy berson dynodedig',
    seniorLeader: 'uwch arweinydd ar gyfer hidlo a monitro',
    governor: 'llywodraethwr',
    technician: 'technegydd',
  } as const;
  const roleList = (keys: readonly string[]) =>
    keys.map((k) => roles[k as keyof typeof roles] ?? k).join(', ');
  return {
    statuses: { met: 'Wedi’i fodloni', 'at-risk': 'Mewn perygl', 'not-met': 'Heb ei fodloni' },
    standards: {
      roles: {
        title: 'Rolau a chyfrifoldebau',
        requirement:
          'Mae llywodraethwyr ac uwch arweinydd yn gyfrifol am hidlo a monitro, gyda’r person dynodedig ar gyfer diogelu a’r staff TG sy’n ei redeg.',
      },
      review: {
        title: 'Adolygu o leiaf unwaith y flwyddyn',
        requirement:
          'Mae hidlo a monitro’n cael eu hadolygu o leiaf unwaith y flwyddyn, a chaiff gwiriadau bod yr hidlo’n gweithio eu cynnal a’u cofnodi.',
      },
      filtering: {
        title: 'Mae’r hidlo’n rhwystro cynnwys niweidiol',
        requirement:
          'Mae pob dyfais ysgol yn cael ei hidlo: caiff cynnwys anghyfreithlon, niweidiol ac amhriodol ei rwystro heb amharu’n afresymol ar addysgu a dysgu.',
      },
      monitoring: {
        title: 'Monitro effeithiol',
        requirement:
          'Caiff yr hyn y mae disgyblion yn ei wneud ar-lein ei fonitro, mae pryderon yn cyrraedd y person cywir mewn pryd, a chaiff camau eu cymryd a’u cofnodi.',
      },
    },
    items: {
      'named-roles': {
        title: 'Rolau wedi’u henwi',
        requirement:
          'Mae person dynodedig ar gyfer diogelu, uwch arweinydd ar gyfer hidlo a monitro a llywodraethwr wedi’u henwi.',
        reasons: {
          missing: (f) => `Does neb wedi’i enwi fel: ${roleList(list(f, 'missing'))}.`,
          'no-deputy': () =>
            'Does dim dirprwy wedi’i enwi: mae rhybudd a gollir gan y person dynodedig yn mynd yn syth at yr uwch arweinydd.',
          named: () => 'Mae pob rôl wedi’i henwi.',
        },
      },
      'annual-review': {
        title: 'Adolygiad blynyddol',
        requirement:
          'Caiff y pecyn adolygu ei lofnodi gan yr uwch arweinydd a llywodraethwr o leiaf unwaith y flwyddyn.',
        reasons: {
          never: () => 'Does dim pecyn adolygu wedi’i lofnodi eto.',
          overdue: (f) =>
            `Llofnodwyd yr adolygiad diwethaf ar ${date(lang, f, 'lastReview')}: roedd yn ddyledus erbyn ${date(lang, f, 'nextDue')}.`,
          'due-soon': (f) => `Mae’r adolygiad nesaf yn ddyledus erbyn ${date(lang, f, 'nextDue')}.`,
          'in-date': (f) =>
            `Adolygwyd ar ${date(lang, f, 'lastReview')}; mae’r nesaf yn ddyledus erbyn ${date(lang, f, 'nextDue')}.`,
        },
      },
      'filtering-checks': {
        title: 'Gwiriadau hidlo wedi’u cofnodi',
        requirement:
          'Caiff gwiriadau bod pob dyfais yn rhwystro’r hyn y mae ei pholisi’n ei rwystro eu cynnal yn rheolaidd, a chaiff pob gwiriad ei gofnodi gyda’r hyn a wnaed am unrhyw fethiant.',
        reasons: {
          'none-recorded': () => 'Does dim gwiriadau hidlo wedi’u cofnodi.',
          'failures-open': (f) =>
            `Mae ${num(f, 'openFailures')} gwiriad hidlo wedi canfod dyfais sy’n caniatáu’r hyn y mae ei pholisi’n ei rwystro, a does neb wedi cofnodi ei fod wedi’i ddatrys.`,
          'none-this-term': (f) =>
            `Dim gwiriad hidlo yn y 90 diwrnod diwethaf; roedd yr un diwethaf ar ${date(lang, f, 'lastCheck')}.`,
          recorded: (f) =>
            `${num(f, 'checks')} gwiriad yn y 90 diwrnod diwethaf, yr un diwethaf ar ${date(lang, f, 'lastCheck')}; mae gan bob methiant gamau dilynol.`,
        },
      },
      'devices-covered': {
        title: 'Dyfeisiau wedi’u cynnwys',
        requirement:
          'Mae pob dyfais ysgol wedi’i chofrestru, yn adrodd, ac ar yr estyniad a’r polisi cyfredol.',
        reasons: {
          'none-enrolled': () =>
            'Does dim dyfais wedi’i chofrestru: nid yw Waymark yn hidlo nac yn monitro dim.',
          problems: (f) =>
            `${num(f, 'silent')} yn dawel yn ystod oriau ysgol, ${num(f, 'oldExtension')} ar hen estyniad, ${num(f, 'oldPolicy')} ar hen bolisi, ${num(f, 'neverEnrolled')} ar y gofrestr asedau heb gofrestru erioed.`,
          healthy: (f) => `Mae pob dyfais wedi’i chofrestru (${num(f, 'devices')}) yn adrodd ac yn gyfredol.`,
        },
      },
      'illegal-blocked': {
        title: 'Cynnwys anghyfreithlon wedi’i rwystro',
        requirement:
          'Caiff cynnwys anghyfreithlon (cam-drin plant, terfysgaeth, casineb troseddol) ei rwystro ar bob proffil.',
        reasons: {
          'not-blocked': (f) => `Heb ei rwystro ar: ${list(f, 'notBlocking').join(', ')}.`,
          blocked: () => 'Wedi’i rwystro ar bob proffil.',
        },
      },
      'safe-search-circumvention': {
        title: 'SafeSearch ac osgoi’r hidlydd',
        requirement:
          'Mae SafeSearch a Modd Cyfyngedig YouTube wedi’u cloi i ddisgyblion, caiff dirprwyon a VPNs eu rhwystro, ac ni ellir mynd â dyfeisiau o gwmpas yr hidlydd.',
        reasons: {
          'safe-search-off': (f) =>
            `Mae SafeSearch i ffwrdd ar gyfer: ${list(f, 'safeSearchOff').join(', ')}.`,
          'circumvention-allowed': (f) =>
            `Nid yw dirprwyon a VPNs wedi’u rhwystro ar gyfer: ${list(f, 'circumventionAllowed').join(', ')}.`,
          'hardening-missing': (f) =>
            `Mae ${num(f, 'missingHardening')} dyfais heb ran o’u cloi (gosod gorfodol, dirprwy wedi’i gloi neu ffeil polisi’r ysgol).`,
          locked: () => 'SafeSearch wedi’i gloi ac osgoi wedi’i rwystro ar bob proffil disgyblion.',
        },
      },
      'blocked-attempts-recorded': {
        title: 'Pob ymdrech wedi’i rhwystro wedi’i chofnodi',
        requirement:
          'Caiff pob ymdrech wedi’i rhwystro ei chofnodi gyda’r ddyfais, ei chyfeiriad IP, y defnyddiwr, yr amser a’r categori.',
        reasons: {
          'no-devices': () => 'Does dim dyfais wedi’i chofrestru, felly does dim yn cael ei gofnodi.',
          'none-recorded': (f) =>
            `Dim ymdrech wedi’i rhwystro yn y ${num(f, 'days')} diwrnod diwethaf: gwiriwch fod dyfeisiau’n adrodd.`,
          'missing-ip': (f) =>
            `Does gan ${num(f, 'blocked') - num(f, 'withIp')} o ${num(f, 'blocked')} ymdrech wedi’u rhwystro ddim cyfeiriad IP.`,
          recorded: (f) =>
            `Mae gan bob ymdrech wedi’i rhwystro (${num(f, 'blocked')}) ddyfais, cyfeiriad IP ac amser; mae ${num(f, 'withUser')} yn enwi’r defnyddiwr, a’r gweddill ddyfais a rennir.`,
        },
      },
      'alerts-acknowledged': {
        title: 'Rhybuddion wedi’u cydnabod mewn pryd',
        requirement:
          'Mae pryderon difrifol yn codi rhybudd y mae rhywun yn ei gydnabod o fewn amser uwchgyfeirio’r ysgol.',
        reasons: {
          overdue: (f) => `Mae ${num(f, 'overdue')} rhybudd yn aros y tu hwnt i’w hamser uwchgyfeirio.`,
          late: (f) =>
            `Cafodd ${num(f, 'late')} rhybudd eu cydnabod dim ond ar ôl iddynt gael eu huwchgyfeirio.`,
          'in-time': (f) =>
            `Cafodd pob rhybudd a gydnabuwyd (${num(f, 'acknowledged')}) ei gydnabod mewn pryd.`,
          'none-raised': (f) => `Dim rhybudd wedi’i godi yn y ${num(f, 'days')} diwrnod diwethaf.`,
        },
      },
      'incidents-recorded': {
        title: 'Digwyddiadau gyda chamau a chanlyniadau',
        requirement: 'Caiff pob digwyddiad ei gofnodi gyda’r camau a gymerwyd ac, wedi’i gau, ei ganlyniad.',
        reasons: {
          'follow-up-overdue': (f) =>
            `Mae ${num(f, 'followUpOverdue')} digwyddiad agored wedi pasio’u dyddiad dilynol.`,
          'no-outcome': (f) =>
            `Does gan ${num(f, 'closedWithoutOutcome')} digwyddiad caeedig ddim canlyniad wedi’i gofnodi.`,
          'no-actions': (f) =>
            `Does gan ${num(f, 'withoutActions')} digwyddiad sydd wedi bod ar agor ers dros wythnos ddim cam wedi’i gofnodi.`,
          recorded: () => 'Mae gan bob digwyddiad ei gamau, a phob un caeedig ei ganlyniad.',
        },
      },
      'users-told': {
        title: 'Disgyblion a staff yn gwybod eu bod yn cael eu monitro',
        requirement:
          'Mae disgyblion, staff ac ymwelwyr yn gwybod bod eu defnydd o ddyfeisiau’r ysgol yn cael ei fonitro.',
        reasons: {
          'no-devices': () =>
            'Does dim dyfais wedi’i chofrestru, felly nid oes dyfais yn dweud wrth ei defnyddiwr.',
          told: (f) =>
            `Mae pob dyfais wedi’i chofrestru (${num(f, 'devices')}) yn dweud ei bod dan oruchwyliaeth yr ysgol (bar offer a thudalennau rhwystro), ac mae ymwelwyr yn gweld ${f['visitorNotice'] === 'own' ? 'hysbysiad defnydd derbyniol yr ysgol ei hun' : 'yr hysbysiad defnydd derbyniol safonol'} yn gyntaf. Yr ysgol sy’n cadw cytundebau defnydd derbyniol wedi’u llofnodi, nid Waymark.`,
        },
      },
    },
    figures: {
      dsl: 'Person dynodedig ar gyfer diogelu',
      deputyDsl: 'Dirprwy',
      seniorLeader: 'Uwch arweinydd',
      governor: 'Llywodraethwyr',
      technician: 'Technegwyr',
      lastReview: 'Adolygiad diwethaf',
      nextDue: 'Nesaf yn ddyledus',
      checks: 'Gwiriadau wedi’u cofnodi (90 diwrnod)',
      scheduledChecks: 'Ohonynt wedi’u hamserlennu',
      checksWithFailures: 'Ohonynt â methiannau',
      openFailures: 'Methiannau heb eu datrys',
      lastCheck: 'Gwiriad diwethaf',
      devices: 'Dyfeisiau wedi’u cofrestru',
      online: 'Ar-lein nawr',
      silent: 'Tawel yn ystod oriau ysgol',
      oldExtension: 'Hen estyniad',
      oldPolicy: 'Hen bolisi',
      expected: 'Ar y gofrestr asedau',
      neverEnrolled: 'Heb gofrestru erioed',
      profiles: 'Proffiliau',
      notBlocking: 'Ddim yn rhwystro cynnwys anghyfreithlon',
      safeSearchOff: 'SafeSearch i ffwrdd',
      circumventionAllowed: 'Dirprwyon a VPNs wedi’u caniatáu',
      missingHardening: 'Dyfeisiau heb eu cloi’n llawn',
      tamperDevices: 'Dyfeisiau ag adroddiadau osgoi (7 diwrnod)',
      days: 'Diwrnodau a gyfrifwyd',
      blocked: 'Ymdrechion wedi’u rhwystro',
      withIp: 'Gyda chyfeiriad IP',
      withUser: 'Yn enwi’r defnyddiwr',
      withCategory: 'Gyda chategori',
      raised: 'Rhybuddion a godwyd',
      acknowledged: 'Wedi’u cydnabod',
      inTime: 'Wedi’u cydnabod mewn pryd',
      late: 'Wedi’u cydnabod yn hwyr',
      waiting: 'Yn aros nawr',
      overdue: 'Yn aros y tu hwnt i’r amser',
      open: 'Digwyddiadau agored',
      raisedIncidents: 'Digwyddiadau a gofnodwyd',
      followUpOverdue: 'Wedi pasio’r dyddiad dilynol',
      closedWithoutOutcome: 'Wedi’u cau heb ganlyniad',
      withoutActions: 'Ar agor wythnos, dim cam',
      visitorNotice: 'Hysbysiad ymwelwyr',
      missing: 'Ar goll',
    },
    roles,
    none: 'dim',
    unknownReason: 'Gweler y ffigurau.',
  };
}

const TEXT: Record<ReportLanguage, ComplianceText> = { en: english(), cy: welsh() };

export function complianceText(lang: ReportLanguage): ComplianceText {
  return TEXT[lang];
}

/** An item's reason in words, from its figures. */
export function complianceReason(
  lang: ReportLanguage,
  item: { id: ComplianceItemId; reason: string; figures: Array<{ key: string; value: ComplianceValue }> },
): string {
  const fn = TEXT[lang].items[item.id].reasons[item.reason];
  if (!fn) return TEXT[lang].unknownReason;
  return fn(Object.fromEntries(item.figures.map((f) => [f.key, f.value])));
}

/** A figure's value in words: a number, a date, names, or "none". */
export function complianceFigure(lang: ReportLanguage, key: string, value: ComplianceValue): string {
  const text = TEXT[lang];
  if (value === null) return text.none;
  if (Array.isArray(value)) {
    if (value.length === 0) return text.none;
    // `missing` lists role keys; the other lists are staff names or profiles, shown as they are.
    const role = (v: string) =>
      Object.hasOwn(text.roles, v) ? text.roles[v as keyof ComplianceText['roles']] : v;
    return value.map((v) => (key === 'missing' ? role(v) : v)).join(', ');
  }
  if (typeof value === 'number') return value.toLocaleString(lang === 'cy' ? 'cy-GB' : 'en-GB');
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return complianceDate(lang, value);
  if (key === 'visitorNotice')
    return value === 'own'
      ? lang === 'cy'
        ? 'un yr ysgol'
        : 'the school’s own'
      : lang === 'cy'
        ? 'safonol'
        : 'standard';
  return value;
}
