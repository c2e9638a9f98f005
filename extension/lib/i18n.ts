import type { Category } from '@waymark/shared';

export type Locale = 'en' | 'cy';

/** Block page and popup text, in English and Welsh. Young pupils get the short forms. */
export interface Strings {
  blockedTitle: string;
  youngMessage: string;
  youngHelp: string;
  notAllowed: (className: string | null) => string;
  page: string;
  reason: string;
  /** The category list that holds the site (KS3 and older). */
  list: string;
  askTeacherHeading: string;
  reasonLabel: string;
  askTeacherButton: string;
  requestAccessButton: string;
  sending: string;
  status: Record<'pending' | 'approved' | 'denied' | 'forwarded', string>;
  illegalMessage: string;
  needHelpHeading: string;
  helpTeacher: string;
  helpChildline: (phone: string) => string;
  helpChildlineLink: string;
  helpCeop: string;
  helpCeopLink: string;
  helpMeic: string;
  concernButton: string;
  concernLabel: string;
  concernSend: string;
  concernSent: string;
  supervisedNote: (school: string) => string;
  /** Said when the school lets teachers see thumbnails of screens in lessons. */
  screensNote: string;
  settingUp: string;
  supervisedBy: (school: string | null) => string;
  yourClass: (className: string) => string;
  connected: string;
  offline: string;
  categories: Record<Category, string>;
  visitorNoticeTitle: (school: string) => string;
  visitorGreeting: (name: string, until: string) => string;
  visitorAgree: string;
  visitorReady: string;
  visitorEnded: string;
  visitorEndedHelp: string;
  /** Why, for a page opened by its number address (an IP address) rather than its name. */
  rawAddress: string;
  /** Why, when the school blocks every copy of other sites (translate proxies, archives). */
  mirrorSite: string;
  /** Why, for a page made from its address or a page's code (data:, view-source:, blob:), not a website. */
  pageScheme: string;
  lockTitle: string;
  lockYoung: string;
  lockFrom: (from: string) => string;
  lockUntil: (time: string) => string;
  lockHelpStillOpen: string;
  messageTitle: string;
  messageFrom: (from: string, time: string) => string;
  replyLabel: string;
  replySend: string;
  replySent: string;
  replyFailed: string;
  replyOnce: string;
  popupLocked: (time: string) => string;
  popupMessage: (from: string) => string;
}

const en: Strings = {
  lockTitle: 'Your teacher has paused your screen',
  lockYoung: 'Stop and look at your teacher.',
  lockFrom: (from) => `From ${from}`,
  lockUntil: (time) => `Your screen will come back by ${time}, or sooner when your teacher unlocks it.`,
  lockHelpStillOpen: 'You can still get help:',
  messageTitle: 'A message from your teacher',
  messageFrom: (from, time) => `${from} at ${time}`,
  replyLabel: 'Your answer (you can send one)',
  replySend: 'Send my answer',
  replySent: 'Your answer has been sent to your teacher.',
  replyFailed: 'Your answer could not be sent. Try again in a moment.',
  replyOnce: 'You have answered this message.',
  popupLocked: (time) => `Your teacher has paused your screen until ${time}.`,
  popupMessage: (from) => `You have a message from ${from}.`,
  blockedTitle: 'This page is blocked',
  youngMessage: 'This page is not for you.',
  youngHelp: 'Tell your teacher or a grown-up.',
  notAllowed: (className) => `Your school has not allowed this page${className ? ` for ${className}` : ''}.`,
  page: 'Page',
  reason: 'Why',
  list: 'Listed by',
  rawAddress:
    'This address is a number (an IP address), not a website’s name, so the school’s filter cannot check it',
  mirrorSite: 'This is a copy of another website (a translation or archive), and your school blocks those',
  pageScheme:
    'This is not a website but a page made from its own address or another page’s code, so the school’s filter cannot check it',
  askTeacherHeading: 'Do you need this page for your work?',
  reasonLabel: 'Tell your teacher why you need it',
  askTeacherButton: 'Ask my teacher to open it',
  requestAccessButton: 'Request access',
  sending: 'Sending…',
  status: {
    pending: 'Your request has been sent. Waiting for your teacher…',
    approved: 'Your teacher has opened this page. Taking you there…',
    denied: 'Your teacher said no this time.',
    forwarded: 'Your teacher has passed your request to the online-safety lead.',
  },
  illegalMessage:
    'This page is not allowed at school. You have not done anything wrong by seeing this message. If something online has worried you, talk to an adult you trust.',
  needHelpHeading: 'Need help?',
  helpTeacher: 'Talk to your teacher, or another adult you trust.',
  helpChildline: (phone) => `Call Childline free on ${phone}, or visit`,
  helpChildlineLink: 'childline.org.uk',
  helpCeop: 'Worried about someone you met online?',
  helpCeopLink: 'Report it to CEOP',
  helpMeic: 'Meic: a free helpline for children and young people in Wales, 080880 23456',
  concernButton: 'I need help / report a concern',
  concernLabel: 'What is worrying you? (you can leave this empty)',
  concernSend: 'Send to my teacher',
  concernSent: 'Your message has been sent. A member of staff will talk to you.',
  supervisedNote: (school) =>
    `${school} looks after how this device uses the internet. Your teachers can see the pages you visit.`,
  screensNote: 'In lessons, your teacher can also see a small picture of your screen.',
  settingUp: 'This device is still getting its settings from your school. Try again in a minute.',
  supervisedBy: (school) => `This device is supervised by ${school ?? 'your school'}.`,
  yourClass: (className) => `Your class: ${className}`,
  connected: 'Connected to your school.',
  offline: 'Not connected to your school right now. What you do is still kept and sent later.',
  visitorNoticeTitle: (school) => `Before you start: ${school}’s rules for visitors`,
  visitorGreeting: (name, until) =>
    `Hello ${name}. Your visitor pass lets you use the internet on this device until ${until}.`,
  visitorAgree: 'I have read this and I agree',
  visitorReady: 'Thank you. You can start now: type an address or open a bookmark.',
  visitorEnded: 'Your visitor pass has ended',
  visitorEndedHelp:
    'This device no longer opens websites for you. If you still need it, ask the school office for a new pass.',
  categories: {
    'illegal-csam': 'Not allowed',
    'illegal-terrorism': 'Not allowed',
    'illegal-hate': 'Not allowed',
    extremism: 'Extremism',
    discrimination: 'Discrimination',
    pornography: 'Adult content',
    'self-harm': 'Self-harm',
    grooming: 'Unsafe contact and sharing pictures',
    violence: 'Violence',
    'substance-abuse': 'Drugs and alcohol',
    piracy: 'Piracy',
    gambling: 'Gambling',
    'proxy-vpn': 'Proxies and VPNs (getting round the school’s filter)',
    'social-media': 'Social media',
    messaging: 'Messaging and chat',
    'file-sharing': 'File sharing',
    video: 'Video',
    gaming: 'Online games',
  },
};

const cy: Strings = {
  lockTitle: 'Mae dy athro wedi oedi dy sgrin',
  lockYoung: 'Stopia ac edrych ar dy athro.',
  lockFrom: (from) => `Gan ${from}`,
  lockUntil: (time) => `Bydd dy sgrin yn ôl erbyn ${time}, neu’n gynt pan fydd dy athro yn ei datgloi.`,
  lockHelpStillOpen: 'Gelli di gael help o hyd:',
  messageTitle: 'Neges gan dy athro',
  messageFrom: (from, time) => `${from} am ${time}`,
  replyLabel: 'Dy ateb (gelli di anfon un)',
  replySend: 'Anfon fy ateb',
  replySent: 'Mae dy ateb wedi’i anfon at dy athro.',
  replyFailed: 'Doedd dim modd anfon dy ateb. Rho gynnig arall arni mewn munud.',
  replyOnce: 'Rwyt ti wedi ateb y neges hon.',
  popupLocked: (time) => `Mae dy athro wedi oedi dy sgrin tan ${time}.`,
  popupMessage: (from) => `Mae gen ti neges gan ${from}.`,
  blockedTitle: 'Mae’r dudalen hon wedi’i rhwystro',
  youngMessage: 'Dydy’r dudalen hon ddim i ti.',
  youngHelp: 'Dywed wrth dy athro neu oedolyn.',
  notAllowed: (className) =>
    `Dydy dy ysgol ddim wedi caniatáu’r dudalen hon${className ? ` ar gyfer ${className}` : ''}.`,
  page: 'Tudalen',
  reason: 'Pam',
  list: 'Wedi’i restru gan',
  rawAddress:
    'Rhif (cyfeiriad IP) yw’r cyfeiriad hwn, nid enw gwefan, felly all hidlydd yr ysgol ddim ei wirio',
  mirrorSite: 'Copi o wefan arall yw hwn (cyfieithiad neu archif), ac mae dy ysgol yn rhwystro’r rheini',
  pageScheme:
    'Nid gwefan yw hon ond tudalen wedi’i gwneud o’i chyfeiriad ei hun neu o god tudalen arall, felly all hidlydd yr ysgol ddim ei gwirio',
  askTeacherHeading: 'Wyt ti angen y dudalen hon ar gyfer dy waith?',
  reasonLabel: 'Dywed wrth dy athro pam rwyt ti ei hangen',
  askTeacherButton: 'Gofyn i fy athro ei hagor',
  requestAccessButton: 'Gofyn am fynediad',
  sending: 'Yn anfon…',
  status: {
    pending: 'Mae dy gais wedi’i anfon. Yn aros am dy athro…',
    approved: 'Mae dy athro wedi agor y dudalen hon. Yn mynd â ti yno…',
    denied: 'Dywedodd dy athro na y tro hwn.',
    forwarded: 'Mae dy athro wedi anfon dy gais at yr arweinydd diogelwch ar-lein.',
  },
  illegalMessage:
    'Dydy’r dudalen hon ddim yn cael ei chaniatáu yn yr ysgol. Dwyt ti ddim wedi gwneud dim byd o’i le. Os oes rhywbeth ar-lein wedi dy boeni, siarada gydag oedolyn rwyt ti’n ymddiried ynddo.',
  needHelpHeading: 'Angen help?',
  helpTeacher: 'Siarada gyda dy athro, neu oedolyn arall rwyt ti’n ymddiried ynddo.',
  helpChildline: (phone) => `Ffonia Childline am ddim ar ${phone}, neu cer i`,
  helpChildlineLink: 'childline.org.uk',
  helpCeop: 'Yn poeni am rywun rwyt ti wedi cwrdd â nhw ar-lein?',
  helpCeopLink: 'Rho wybod i CEOP',
  helpMeic: 'Meic: llinell gymorth i blant a phobl ifanc yng Nghymru, 080880 23456',
  concernButton: 'Dw i angen help / rhoi gwybod am bryder',
  concernLabel: 'Beth sy’n dy boeni? (gelli di adael hwn yn wag)',
  concernSend: 'Anfon at fy athro',
  concernSent: 'Mae dy neges wedi’i hanfon. Bydd aelod o staff yn siarad gyda ti.',
  supervisedNote: (school) =>
    `Mae ${school} yn gofalu am sut mae’r ddyfais hon yn defnyddio’r rhyngrwyd. Mae dy athrawon yn gallu gweld y tudalennau rwyt ti’n ymweld â nhw.`,
  screensNote: 'Yn ystod gwersi, mae dy athro hefyd yn gallu gweld llun bach o dy sgrin.',
  settingUp: 'Mae’r ddyfais hon yn dal i gael ei gosodiadau gan dy ysgol. Rho gynnig arall arni mewn munud.',
  supervisedBy: (school) => `Mae’r ddyfais hon yn cael ei goruchwylio gan ${school ?? 'dy ysgol'}.`,
  yourClass: (className) => `Dy ddosbarth: ${className}`,
  connected: 'Wedi cysylltu â dy ysgol.',
  offline:
    'Heb gysylltu â dy ysgol ar hyn o bryd. Mae beth rwyt ti’n ei wneud yn cael ei gadw a’i anfon wedyn.',
  visitorNoticeTitle: (school) => `Cyn dechrau: rheolau ${school} i ymwelwyr`,
  visitorGreeting: (name, until) =>
    `Helo ${name}. Mae eich tocyn ymwelydd yn gadael i chi ddefnyddio’r rhyngrwyd ar y ddyfais hon tan ${until}.`,
  visitorAgree: 'Rydw i wedi darllen hwn ac rydw i’n cytuno',
  visitorReady: 'Diolch. Gallwch chi ddechrau nawr: teipiwch gyfeiriad neu agorwch nod tudalen.',
  visitorEnded: 'Mae eich tocyn ymwelydd wedi dod i ben',
  visitorEndedHelp:
    'Dydy’r ddyfais hon ddim yn agor gwefannau i chi mwyach. Os oes ei hangen arnoch chi o hyd, gofynnwch i swyddfa’r ysgol am docyn newydd.',
  categories: {
    'illegal-csam': 'Dim caniatâd',
    'illegal-terrorism': 'Dim caniatâd',
    'illegal-hate': 'Dim caniatâd',
    extremism: 'Eithafiaeth',
    discrimination: 'Gwahaniaethu',
    pornography: 'Cynnwys i oedolion',
    'self-harm': 'Hunan-niweidio',
    grooming: 'Cyswllt anniogel a rhannu lluniau',
    violence: 'Trais',
    'substance-abuse': 'Cyffuriau ac alcohol',
    piracy: 'Môr-ladrata',
    gambling: 'Gamblo',
    'proxy-vpn': 'Dirprwyon a VPNs (osgoi hidlydd yr ysgol)',
    'social-media': 'Cyfryngau cymdeithasol',
    messaging: 'Negeseuon a sgwrsio',
    'file-sharing': 'Rhannu ffeiliau',
    video: 'Fideo',
    gaming: 'Gemau ar-lein',
  },
};

export function strings(locale: string | undefined): Strings {
  return locale === 'cy' ? cy : en;
}
