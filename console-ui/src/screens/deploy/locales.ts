import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Deploy to pupil devices',
  intro:
    'Put Waymark on every pupil device with the tools you already use: a policy file for Chrome or Edge on Linux, Windows or macOS, or the settings for the Google Admin console. Each file installs the extension from this server so pupils cannot remove it, gives it this server’s address and an enrollment token, and locks the browser down. Every setting says why it is there.',
  guide: 'Step-by-step instructions for each platform are in the deployment guide, docs/deploy.md.',
  loading: 'Loading the deployment status…',
  loadFailed: 'Could not load the deployment status: {{message}}',
  browsers: { chrome: 'Chrome', edge: 'Edge' },
  package: {
    heading: 'The extension package',
    caption: 'Signed packages this server offers devices',
    browser: 'Browser',
    version: 'Version',
    id: 'Extension ID',
    published: 'Published',
    packageUpdateUrl: 'Update URL inside the package',
    none: 'None',
    newest: 'newest',
    empty:
      'No signed package is published on this server yet, so the files below name the development build ({{id}}). On the server, sign the school’s package with the school’s key:',
    firstTime:
      'The first time, use --new-key instead of --key to create the school’s key. Keep it safe and back it up: the extension ID comes from it, and every update must be signed with it.',
    publishedId: 'The files below name the extension ID {{id}}.',
    updates:
      'Devices look for updates at {{url}}. To publish a new version, run the same command on the server again: devices take it at their next check.',
    problems: 'Packages devices will not take',
  },
  versions: {
    heading: 'Versions on devices',
    caption: 'The extension version each device last reported',
    version: 'Version',
    devices: 'Devices',
    online: 'Online now',
    state: 'State',
    current: 'Up to date',
    behind: 'Update due',
    unreported: 'Not reported yet',
    unknownVersion: 'Unknown',
    empty: 'No device has enrolled yet.',
  },
  proxy: {
    heading: 'The school’s proxy',
    intro:
      'Every policy file locks how the browser reaches the web, so pupils cannot set a proxy of their own (in settings, with an extension or with a launch flag) to get round the filter. Choose what your network uses: it is saved for the school, and every file you make from now on locks it. Files already deployed keep the choice they were made with.',
    legend: 'How devices reach the web',
    modes: {
      system: 'The operating system’s proxy (recommended)',
      direct: 'No proxy',
      pac_script: 'A proxy auto-configuration (PAC) file',
      fixed_servers: 'A fixed proxy server',
    },
    modeHints: {
      system:
        'Whatever the school’s network or device management sets for the whole machine keeps working; a school without a proxy keeps none.',
      direct:
        'Devices connect directly. Only if the school has no web proxy: one set for the machine would be ignored.',
      pac_script: 'The browser fetches the file from the address you give and does what it says.',
      fixed_servers: 'Every request goes through the server you give.',
    },
    pacUrl: 'Address of the PAC file',
    pacUrlHint:
      'https:// only: a PAC file decides where every request goes, so one fetched over plain http could be changed by anyone on the network.',
    server: 'Proxy server',
    serverHint:
      'A host name or address with its port, such as proxy.school.example:3128. Put socks5:// or https:// in front if it is not a plain http proxy.',
    save: 'Save the proxy choice',
    saving: 'Saving…',
    saved:
      'Saved. Every file you make from now on locks this proxy choice: make the files again and redeploy them to change devices already set up.',
    failed: 'The proxy choice was not saved: {{message}}',
    errors: {
      pacUrl: 'Give the PAC file’s full address, starting https://.',
      server:
        'Give the proxy server as a host name or address with its port, such as proxy.school.example:3128.',
    },
  },
  form: {
    heading: 'Make a policy file',
    target: 'Where are the devices?',
    targets: {
      'chrome-linux': 'Chrome on Linux',
      'edge-linux': 'Edge on Linux',
      'chrome-windows': 'Chrome on Windows',
      'edge-windows': 'Edge on Windows',
      'chrome-macos': 'Chrome on macOS',
      'edge-macos': 'Edge on macOS',
      'google-admin': 'Google Admin console',
    },
    targetHints: {
      'chrome-linux': 'A JSON policy file (Chromium too)',
      'edge-linux': 'A JSON policy file',
      'chrome-windows': 'A .reg file for Group Policy or Intune',
      'edge-windows': 'A .reg file for Group Policy or Intune',
      'chrome-macos': 'A configuration profile for your MDM',
      'edge-macos': 'A configuration profile for your MDM',
      'google-admin': 'Chromebooks and managed Chrome',
    },
    serverUrl: 'Server address',
    serverUrlHint: 'The address devices reach this server at. Use https for real devices.',
    tokenChoice: 'Enrollment token',
    tokenChoiceHint: 'Devices enrol with this token the first time they connect.',
    tokenSaved: 'A token I have saved',
    tokenNew: 'Create a new token',
    tokenOption: '{{label}} (used {{uses}} times)',
    tokensGroup: 'The school’s tokens',
    tokenValue: 'Token value',
    tokenValueHint:
      'Waymark keeps only a fingerprint of each token, so it cannot show a token again: paste the value you saved when it was made.',
    tokenCreated:
      'Created “{{label}}”. Its value is filled in below. Keep a copy somewhere safe: Waymark cannot show it again.',
    domains: 'School e-mail domains',
    domainsHint:
      'Separate them with commas. Only these accounts can sign in to the browser. Leave it empty to leave sign-in alone.',
    more: 'More options',
    locale: 'Block page language',
    localeDefault: 'The device’s own (English)',
    languages: { en: 'English', cy: 'Welsh' },
    profile: 'Profile for shared devices',
    profileHint:
      'The profile the enrollment token gives shared devices. The server decides from the token and the class; a device asking for another profile is reported as tampering.',
    profileNone: 'None: the class decides',
    profiles: {
      EYFS: 'Early years (EYFS)',
      KS1: 'Key Stage 1',
      KS2: 'Key Stage 2',
      KS3: 'Key Stage 3',
      KS4: 'Key Stage 4',
      KS5: 'Key Stage 5 (sixth form)',
      staff: 'Staff',
    },
    submit: 'Show the file',
    working: 'Making the file…',
    failed: 'Could not make the file: {{message}}',
    changed: 'You have changed the form since this file was made: show it again to update it.',
  },
  errors: {
    serverUrl: 'Give the server’s full address, starting https:// (or http://).',
    enrollmentToken: 'Give an enrollment token: printable characters, no spaces.',
    accountDomains: 'Give e-mail domains such as school.org.uk, separated by commas.',
  },
  preview: {
    heading: 'Your file: {{fileName}}',
    download: 'Download',
    copy: 'Copy the text',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the text below and copy it yourself.',
    where: 'Where it goes',
    updateUrl: 'Update URL',
    contents: 'What is in it',
    contentsLabel: 'Contents of {{fileName}}',
    regNote: 'The download is saved as UTF-16 with a byte-order mark, as regedit expects.',
    caption: 'Why each setting is there',
    setting: 'Setting',
    value: 'Value',
    why: 'Why',
    adminConsole: 'In the Admin console',
    warningsHeading: 'Before you deploy',
    token: {
      valid: 'The token is “{{label}}”, used {{uses}} times so far.',
      validLimited: 'The token is “{{label}}”, used {{uses}} of {{maxUses}} times.',
    },
    tokenStatus: { revoked: 'revoked', expired: 'expired', 'used-up': 'used up' },
    warnings: {
      unpublished:
        'No signed package is published on this server yet, so this file names the development build ({{extensionId}}). Publish the school’s package first, then make the file again.',
      'package-update-url':
        'The Admin console takes updates from the update URL inside the package, and {{fileName}} has none that matches. Package it with --update-url {{updateUrl}}.',
      'token-unknown': 'This enrollment token is not one of the school’s: devices will not enrol with it.',
      'token-unusable': 'The enrollment token “{{label}}” is {{status}}: devices will not enrol with it.',
      'no-domains': 'No e-mail domains given, so browser sign-in is not limited to the school’s accounts.',
      'plain-http':
        'The server address is plain http. Use https for real devices: tokens and reports travel over it.',
      'profile-mismatch':
        'This token gives devices {{tokenProfile}}, not {{fixedProfile}}: they will enforce {{tokenProfile}} and be reported as tampering. Choose a token made for {{fixedProfile}}.',
    },
  },
  install: {
    'chrome-linux':
      'Copy it to /etc/opt/chrome/policies/managed/ on each device (Chromium on Debian or Ubuntu: /etc/chromium/policies/managed/), owned by root and readable by everyone. Chrome applies it when it next starts.',
    'edge-linux':
      'Copy it to /etc/opt/edge/policies/managed/ on each device, owned by root and readable by everyone. Edge applies it when it next starts.',
    'chrome-windows':
      'Import it on each device: with regedit, “reg import”, a Group Policy preference, or an Intune script run as SYSTEM. The devices must be joined to Active Directory or Microsoft Entra ID, or enrolled in Chrome Enterprise Core: Chrome only force-installs extensions from outside its store on managed devices.',
    'edge-windows':
      'Import it on each device: with regedit, “reg import”, a Group Policy preference, or an Intune script run as SYSTEM. The devices must be joined to Active Directory or Microsoft Entra ID, or enrolled in MDM: Edge only force-installs extensions from outside its store on managed devices.',
    'chrome-macos':
      'Upload it to your MDM (Jamf, Intune, Mosyle…) as a custom configuration profile for pupil Macs. Chrome only force-installs extensions from outside its store on Macs an MDM manages.',
    'edge-macos':
      'Upload it to your MDM (Jamf, Intune, Mosyle…) as a custom configuration profile for pupil Macs. Edge only force-installs extensions from outside its store on Macs an MDM manages.',
    'google-admin':
      'In the Google Admin console, under Devices › Chrome › Apps & extensions › Users & browsers, choose the pupils’ organisational unit, add Waymark by ID “From a custom URL” with the ID and update URL below, force-install it, and paste this file into “Policy for extensions”. Then choose the settings in the table under Devices › Chrome › Settings.',
  },
  why: {
    serverUrl:
      'The school’s Waymark server: the extension gets its policy from here and sends every report here.',
    enrollmentToken:
      'Enrols the device the first time it connects; the server then gives the device its own key. Revoke the token when the roll-out is finished.',
    locale: 'The language of the block pages.',
    fixedProfile:
      'The profile this shared device should follow. The server decides from the enrollment token and class, and reports a device that asks for another.',
    ExtensionInstallForcelist:
      'Installs Waymark on every profile without asking, from the school’s server. Pupils cannot remove it or turn it off.',
    ExtensionSettings:
      'Takes updates from the school’s server, not a store, and keeps the Waymark button on the toolbar so pupils can see they are supervised and find “I need help”. Every other extension is blocked, with a message saying why.',
    ExtensionInstallBlocklist:
      'Pupils cannot add other extensions: proxies, VPNs and “unblockers” could read pages or get round the filter.',
    ExtensionInstallAllowlist:
      'The one exception to the block. Add any other extension the school relies on, such as accessibility tools.',
    IncognitoModeAvailability:
      'Incognito windows are off: extensions do not run in them, so browsing there would be unfiltered and unreported.',
    InPrivateModeAvailability:
      'InPrivate windows are off: extensions do not run in them, so browsing there would be unfiltered and unreported.',
    BrowserGuestModeEnabled:
      'Guest mode is off: a guest profile has no extensions, so it would be unfiltered.',
    BrowserAddPersonEnabled:
      'No new profiles: pupils stay in the profile the school manages, so every report names the right pupil.',
    BrowserAddProfileEnabled:
      'No new profiles: pupils stay in the profile the school manages, so every report names the right pupil.',
    DeveloperToolsAvailability:
      'Developer tools are off: they can rewrite pages, run scripts and show the source of blocked content.',
    ExtensionDeveloperModeSettings: 'Developer mode on the extensions page stays off.',
    URLBlocklist:
      'Blocks what Waymark cannot see: internal browser pages that could stop it or show its enrollment token, data: pages typed into the address bar, view-source: and javascript: addresses, and local files (file://), whose pages a policy-installed extension cannot see. The new tab, sign-in and accessibility settings pages stay open.',
    ForceGoogleSafeSearch: 'Google SafeSearch is locked on by the browser too, from the very first page.',
    ForceBingSafeSearch: 'Bing, Edge’s own search engine, is locked to strict SafeSearch.',
    ForceYouTubeRestrict: 'YouTube Restricted Mode is locked to Strict, as Waymark asks for.',
    DnsOverHttpsMode:
      'Secure DNS is off: it would send look-ups round the school’s network filter, which holds the IWF and CTIRU lists.',
    ProxySettings:
      'Locks how the browser reaches the web to the school’s proxy choice ({{proxy}}), so pupils cannot set another proxy in settings, with an extension or with a launch flag to get round the filter. Waymark reports a proxy that device policy did not set.',
    RestrictSigninToPattern:
      'Only the school’s accounts ({{domains}}) can sign in to the browser, so reports carry the pupil’s school identity and personal accounts cannot bring their own extensions.',
  },
};

export const cy: Translation<typeof en> = {
  title: 'Gosod ar ddyfeisiau disgyblion',
  intro:
    'Rhowch Waymark ar bob dyfais disgybl gyda’r offer rydych chi’n eu defnyddio’n barod: ffeil bolisi ar gyfer Chrome neu Edge ar Linux, Windows neu macOS, neu’r gosodiadau ar gyfer consol Google Admin. Mae pob ffeil yn gosod yr estyniad o’r gweinydd hwn fel na all disgyblion ei dynnu, yn rhoi cyfeiriad y gweinydd a thocyn cofrestru iddo, ac yn cloi’r porwr. Mae pob gosodiad yn dweud pam mae yno.',
  guide: 'Mae cyfarwyddiadau cam wrth gam ar gyfer pob platfform yn y canllaw gosod, docs/deploy.md.',
  loading: 'Yn llwytho statws y gosod…',
  loadFailed: 'Methu llwytho statws y gosod: {{message}}',
  browsers: { chrome: 'Chrome', edge: 'Edge' },
  package: {
    heading: 'Pecyn yr estyniad',
    caption: 'Pecynnau wedi’u llofnodi y mae’r gweinydd hwn yn eu cynnig i ddyfeisiau',
    browser: 'Porwr',
    version: 'Fersiwn',
    id: 'ID yr estyniad',
    published: 'Cyhoeddwyd',
    packageUpdateUrl: 'URL diweddaru yn y pecyn',
    none: 'Dim',
    newest: 'diweddaraf',
    empty:
      'Does dim pecyn wedi’i lofnodi wedi’i gyhoeddi ar y gweinydd hwn eto, felly mae’r ffeiliau isod yn enwi’r fersiwn datblygu ({{id}}). Ar y gweinydd, llofnodwch becyn yr ysgol ag allwedd yr ysgol:',
    firstTime:
      'Y tro cyntaf, defnyddiwch --new-key yn lle --key i greu allwedd yr ysgol. Cadwch hi’n ddiogel a gwnewch gopi wrth gefn: ohoni hi y daw ID yr estyniad, a rhaid llofnodi pob diweddariad â hi.',
    publishedId: 'Mae’r ffeiliau isod yn enwi ID yr estyniad {{id}}.',
    updates:
      'Mae dyfeisiau’n chwilio am ddiweddariadau yn {{url}}. I gyhoeddi fersiwn newydd, rhedwch yr un gorchymyn ar y gweinydd eto: bydd dyfeisiau’n ei gymryd y tro nesaf y byddan nhw’n gwirio.',
    problems: 'Pecynnau na fydd dyfeisiau’n eu derbyn',
  },
  versions: {
    heading: 'Fersiynau ar ddyfeisiau',
    caption: 'Y fersiwn o’r estyniad a adroddodd pob dyfais ddiwethaf',
    version: 'Fersiwn',
    devices: 'Dyfeisiau',
    online: 'Ar-lein nawr',
    state: 'Cyflwr',
    current: 'Yn gyfredol',
    behind: 'Diweddariad i ddod',
    unreported: 'Heb adrodd eto',
    unknownVersion: 'Anhysbys',
    empty: 'Does dim dyfais wedi cofrestru eto.',
  },
  proxy: {
    heading: 'Dirprwy’r ysgol',
    intro:
      'Mae pob ffeil bolisi yn cloi sut mae’r porwr yn cyrraedd y we, felly all disgyblion ddim gosod eu dirprwy eu hunain (yn y gosodiadau, gydag estyniad neu gyda baner lansio) i osgoi’r hidlydd. Dewiswch yr hyn y mae eich rhwydwaith yn ei ddefnyddio: caiff ei gadw ar gyfer yr ysgol, ac mae pob ffeil a wnewch o hyn ymlaen yn ei gloi. Mae ffeiliau sydd eisoes wedi’u dosbarthu yn cadw’r dewis y cawsant eu gwneud ag ef.',
    legend: 'Sut mae dyfeisiau’n cyrraedd y we',
    modes: {
      system: 'Dirprwy’r system weithredu (argymhellir)',
      direct: 'Dim dirprwy',
      pac_script: 'Ffeil ffurfweddu dirprwy awtomatig (PAC)',
      fixed_servers: 'Gweinydd dirprwy sefydlog',
    },
    modeHints: {
      system:
        'Mae beth bynnag y mae rhwydwaith yr ysgol neu’r system rheoli dyfeisiau yn ei osod ar gyfer y peiriant cyfan yn dal i weithio; mae ysgol heb ddirprwy yn cadw dim.',
      direct:
        'Mae dyfeisiau’n cysylltu’n uniongyrchol. Dim ond os nad oes gan yr ysgol ddirprwy gwe: byddai un a osodwyd ar gyfer y peiriant yn cael ei anwybyddu.',
      pac_script: 'Mae’r porwr yn nôl y ffeil o’r cyfeiriad a roddwch ac yn gwneud yr hyn y mae’n ei ddweud.',
      fixed_servers: 'Mae pob cais yn mynd drwy’r gweinydd a roddwch.',
    },
    pacUrl: 'Cyfeiriad y ffeil PAC',
    pacUrlHint:
      'https:// yn unig: mae ffeil PAC yn penderfynu ble mae pob cais yn mynd, felly gallai unrhyw un ar y rhwydwaith newid un a nôlwyd dros http plaen.',
    server: 'Gweinydd dirprwy',
    serverHint:
      'Enw gwesteiwr neu gyfeiriad gyda’i borth, fel proxy.school.example:3128. Rhowch socks5:// neu https:// o’i flaen os nad yw’n ddirprwy http plaen.',
    save: 'Cadw’r dewis dirprwy',
    saving: 'Yn cadw…',
    saved:
      'Wedi cadw. Mae pob ffeil a wnewch o hyn ymlaen yn cloi’r dewis dirprwy hwn: gwnewch y ffeiliau eto a’u hailddosbarthu i newid dyfeisiau sydd eisoes wedi’u gosod.',
    failed: 'Ni chafodd y dewis dirprwy ei gadw: {{message}}',
    errors: {
      pacUrl: 'Rhowch gyfeiriad llawn y ffeil PAC, yn dechrau gyda https://.',
      server:
        'Rhowch y gweinydd dirprwy fel enw gwesteiwr neu gyfeiriad gyda’i borth, fel proxy.school.example:3128.',
    },
  },
  form: {
    heading: 'Gwneud ffeil bolisi',
    target: 'Ble mae’r dyfeisiau?',
    targets: {
      'chrome-linux': 'Chrome ar Linux',
      'edge-linux': 'Edge ar Linux',
      'chrome-windows': 'Chrome ar Windows',
      'edge-windows': 'Edge ar Windows',
      'chrome-macos': 'Chrome ar macOS',
      'edge-macos': 'Edge ar macOS',
      'google-admin': 'Consol Google Admin',
    },
    targetHints: {
      'chrome-linux': 'Ffeil bolisi JSON (Chromium hefyd)',
      'edge-linux': 'Ffeil bolisi JSON',
      'chrome-windows': 'Ffeil .reg ar gyfer Polisi Grŵp neu Intune',
      'edge-windows': 'Ffeil .reg ar gyfer Polisi Grŵp neu Intune',
      'chrome-macos': 'Proffil ffurfweddu ar gyfer eich MDM',
      'edge-macos': 'Proffil ffurfweddu ar gyfer eich MDM',
      'google-admin': 'Chromebooks a Chrome wedi’i reoli',
    },
    serverUrl: 'Cyfeiriad y gweinydd',
    serverUrlHint:
      'Y cyfeiriad y mae dyfeisiau’n cyrraedd y gweinydd hwn arno. Defnyddiwch https ar gyfer dyfeisiau go iawn.',
    tokenChoice: 'Tocyn cofrestru',
    tokenChoiceHint: 'Mae dyfeisiau’n cofrestru gyda’r tocyn hwn y tro cyntaf y maen nhw’n cysylltu.',
    tokenSaved: 'Tocyn rydw i wedi’i gadw',
    tokenNew: 'Creu tocyn newydd',
    tokenOption: '{{label}} (defnyddiwyd {{uses}} o weithiau)',
    tokensGroup: 'Tocynnau’r ysgol',
    tokenValue: 'Gwerth y tocyn',
    tokenValueHint:
      'Dim ond ôl bys pob tocyn y mae Waymark yn ei gadw, felly all e ddim dangos tocyn eto: gludwch y gwerth a gadwoch chi pan gafodd ei wneud.',
    tokenCreated:
      'Wedi creu “{{label}}”. Mae ei werth wedi’i lenwi isod. Cadwch gopi yn rhywle diogel: all Waymark ddim ei ddangos eto.',
    domains: 'Parthau e-bost yr ysgol',
    domainsHint:
      'Gwahanwch nhw â choma. Dim ond y cyfrifon hyn all fewngofnodi i’r porwr. Gadewch yn wag i beidio â chyfyngu ar fewngofnodi.',
    more: 'Rhagor o ddewisiadau',
    locale: 'Iaith y tudalennau blocio',
    localeDefault: 'Iaith y ddyfais ei hun (Saesneg)',
    languages: { en: 'Saesneg', cy: 'Cymraeg' },
    profile: 'Proffil ar gyfer dyfeisiau a rennir',
    profileHint:
      'Y proffil mae’r tocyn cofrestru’n ei roi i ddyfeisiau a rennir. Y gweinydd sy’n penderfynu o’r tocyn a’r dosbarth; caiff dyfais sy’n gofyn am broffil arall ei hadrodd fel ymyrryd.',
    profileNone: 'Dim: y dosbarth sy’n penderfynu',
    profiles: {
      EYFS: 'Blynyddoedd cynnar (EYFS)',
      KS1: 'Cyfnod Allweddol 1',
      KS2: 'Cyfnod Allweddol 2',
      KS3: 'Cyfnod Allweddol 3',
      KS4: 'Cyfnod Allweddol 4',
      KS5: 'Cyfnod Allweddol 5 (chweched dosbarth)',
      staff: 'Staff',
    },
    submit: 'Dangos y ffeil',
    working: 'Yn gwneud y ffeil…',
    failed: 'Methu gwneud y ffeil: {{message}}',
    changed: 'Rydych chi wedi newid y ffurflen ers gwneud y ffeil hon: dangoswch hi eto i’w diweddaru.',
  },
  errors: {
    serverUrl: 'Rhowch gyfeiriad llawn y gweinydd, yn dechrau gyda https:// (neu http://).',
    enrollmentToken: 'Rhowch docyn cofrestru: nodau argraffadwy, heb fylchau.',
    accountDomains: 'Rhowch barthau e-bost fel ysgol.org.uk, wedi’u gwahanu â choma.',
  },
  preview: {
    heading: 'Eich ffeil: {{fileName}}',
    download: 'Llwytho i lawr',
    copy: 'Copïo’r testun',
    copied: 'Wedi’i gopïo i’r clipfwrdd.',
    copyFailed: 'Methu copïo: dewiswch y testun isod a’i gopïo eich hun.',
    where: 'Ble mae’n mynd',
    updateUrl: 'URL diweddaru',
    contents: 'Beth sydd ynddi',
    contentsLabel: 'Cynnwys {{fileName}}',
    regNote: 'Caiff y ffeil ei chadw fel UTF-16 gyda nod trefn beit, fel y mae regedit yn ei ddisgwyl.',
    caption: 'Pam mae pob gosodiad yno',
    setting: 'Gosodiad',
    value: 'Gwerth',
    why: 'Pam',
    adminConsole: 'Yn y consol Admin',
    warningsHeading: 'Cyn i chi osod',
    token: {
      valid: '“{{label}}” yw’r tocyn, wedi’i ddefnyddio {{uses}} o weithiau hyd yma.',
      validLimited: '“{{label}}” yw’r tocyn, wedi’i ddefnyddio {{uses}} o {{maxUses}} o weithiau.',
    },
    tokenStatus: {
      revoked: 'wedi’i ddirymu',
      expired: 'wedi dod i ben',
      'used-up': 'wedi’i ddefnyddio’n llawn',
    },
    warnings: {
      unpublished:
        'Does dim pecyn wedi’i lofnodi wedi’i gyhoeddi ar y gweinydd hwn eto, felly mae’r ffeil hon yn enwi’r fersiwn datblygu ({{extensionId}}). Cyhoeddwch becyn yr ysgol yn gyntaf, yna gwnewch y ffeil eto.',
      'package-update-url':
        'Mae’r consol Admin yn cymryd diweddariadau o’r URL diweddaru sydd yn y pecyn, a does gan {{fileName}} ddim un sy’n cyfateb. Pecynnwch ef gyda --update-url {{updateUrl}}.',
      'token-unknown':
        'Nid yw’r tocyn cofrestru hwn yn un o docynnau’r ysgol: fydd dyfeisiau ddim yn cofrestru gydag ef.',
      'token-unusable':
        'Mae’r tocyn cofrestru “{{label}}” {{status}}: fydd dyfeisiau ddim yn cofrestru gydag ef.',
      'no-domains':
        'Does dim parthau e-bost wedi’u rhoi, felly dydy mewngofnodi i’r porwr ddim wedi’i gyfyngu i gyfrifon yr ysgol.',
      'plain-http':
        'Cyfeiriad http plaen yw cyfeiriad y gweinydd. Defnyddiwch https ar gyfer dyfeisiau go iawn: mae tocynnau ac adroddiadau’n teithio drosto.',
      'profile-mismatch':
        'Mae’r tocyn hwn yn rhoi {{tokenProfile}} i ddyfeisiau, nid {{fixedProfile}}: byddan nhw’n gorfodi {{tokenProfile}} ac yn cael eu hadrodd fel ymyrryd. Dewiswch docyn a wnaed ar gyfer {{fixedProfile}}.',
    },
  },
  install: {
    'chrome-linux':
      'Copïwch hi i /etc/opt/chrome/policies/managed/ ar bob dyfais (Chromium ar Debian neu Ubuntu: /etc/chromium/policies/managed/), yn eiddo i root ac yn ddarllenadwy gan bawb. Bydd Chrome yn ei defnyddio y tro nesaf y bydd yn cychwyn.',
    'edge-linux':
      'Copïwch hi i /etc/opt/edge/policies/managed/ ar bob dyfais, yn eiddo i root ac yn ddarllenadwy gan bawb. Bydd Edge yn ei defnyddio y tro nesaf y bydd yn cychwyn.',
    'chrome-windows':
      'Mewnforiwch hi ar bob dyfais: gyda regedit, “reg import”, dewis Polisi Grŵp, neu sgript Intune sy’n rhedeg fel SYSTEM. Rhaid i’r dyfeisiau fod wedi ymuno ag Active Directory neu Microsoft Entra ID, neu wedi’u cofrestru yn Chrome Enterprise Core: dim ond ar ddyfeisiau wedi’u rheoli y mae Chrome yn gorfodi gosod estyniadau o’r tu allan i’w siop.',
    'edge-windows':
      'Mewnforiwch hi ar bob dyfais: gyda regedit, “reg import”, dewis Polisi Grŵp, neu sgript Intune sy’n rhedeg fel SYSTEM. Rhaid i’r dyfeisiau fod wedi ymuno ag Active Directory neu Microsoft Entra ID, neu wedi’u cofrestru mewn MDM: dim ond ar ddyfeisiau wedi’u rheoli y mae Edge yn gorfodi gosod estyniadau o’r tu allan i’w siop.',
    'chrome-macos':
      'Llwythwch hi i fyny i’ch MDM (Jamf, Intune, Mosyle…) fel proffil ffurfweddu personol ar gyfer Macs disgyblion. Dim ond ar Macs y mae MDM yn eu rheoli y mae Chrome yn gorfodi gosod estyniadau o’r tu allan i’w siop.',
    'edge-macos':
      'Llwythwch hi i fyny i’ch MDM (Jamf, Intune, Mosyle…) fel proffil ffurfweddu personol ar gyfer Macs disgyblion. Dim ond ar Macs y mae MDM yn eu rheoli y mae Edge yn gorfodi gosod estyniadau o’r tu allan i’w siop.',
    'google-admin':
      'Yn y consol Google Admin, o dan Devices › Chrome › Apps & extensions › Users & browsers, dewiswch uned drefniadol y disgyblion, ychwanegwch Waymark drwy ID “From a custom URL” gyda’r ID a’r URL diweddaru isod, gorfodwch ei osod, a gludwch y ffeil hon i “Policy for extensions”. Yna dewiswch y gosodiadau yn y tabl o dan Devices › Chrome › Settings.',
  },
  why: {
    serverUrl:
      'Gweinydd Waymark yr ysgol: mae’r estyniad yn cael ei bolisi oddi yma ac yn anfon pob adroddiad yma.',
    enrollmentToken:
      'Mae’n cofrestru’r ddyfais y tro cyntaf y mae’n cysylltu; yna mae’r gweinydd yn rhoi ei hallwedd ei hun i’r ddyfais. Dirymwch y tocyn pan fydd y cyflwyno wedi gorffen.',
    locale: 'Iaith y tudalennau blocio.',
    fixedProfile:
      'Y proffil y dylai’r ddyfais a rennir hon ei ddilyn. Y gweinydd sy’n penderfynu o’r tocyn cofrestru a’r dosbarth, ac mae’n adrodd dyfais sy’n gofyn am un arall.',
    ExtensionInstallForcelist:
      'Mae’n gosod Waymark ar bob proffil heb ofyn, o weinydd yr ysgol. Ni all disgyblion ei dynnu na’i ddiffodd.',
    ExtensionSettings:
      'Mae’n cymryd diweddariadau o weinydd yr ysgol, nid o siop, ac yn cadw botwm Waymark ar y bar offer fel bod disgyblion yn gweld eu bod dan oruchwyliaeth ac yn gallu dod o hyd i “Rydw i angen help”. Caiff pob estyniad arall ei flocio, gyda neges yn dweud pam.',
    ExtensionInstallBlocklist:
      'Ni all disgyblion ychwanegu estyniadau eraill: gallai dirprwyon, VPNs ac “offer dadflocio” ddarllen tudalennau neu fynd o amgylch yr hidlydd.',
    ExtensionInstallAllowlist:
      'Yr unig eithriad i’r bloc. Ychwanegwch unrhyw estyniad arall y mae’r ysgol yn dibynnu arno, fel offer hygyrchedd.',
    IncognitoModeAvailability:
      'Mae ffenestri Incognito wedi’u diffodd: dydy estyniadau ddim yn rhedeg ynddyn nhw, felly byddai pori yno heb ei hidlo a heb ei adrodd.',
    InPrivateModeAvailability:
      'Mae ffenestri InPrivate wedi’u diffodd: dydy estyniadau ddim yn rhedeg ynddyn nhw, felly byddai pori yno heb ei hidlo a heb ei adrodd.',
    BrowserGuestModeEnabled:
      'Mae’r modd gwestai wedi’i ddiffodd: does gan broffil gwestai ddim estyniadau, felly fyddai dim hidlo.',
    BrowserAddPersonEnabled:
      'Dim proffiliau newydd: mae disgyblion yn aros yn y proffil y mae’r ysgol yn ei reoli, felly mae pob adroddiad yn enwi’r disgybl cywir.',
    BrowserAddProfileEnabled:
      'Dim proffiliau newydd: mae disgyblion yn aros yn y proffil y mae’r ysgol yn ei reoli, felly mae pob adroddiad yn enwi’r disgybl cywir.',
    DeveloperToolsAvailability:
      'Mae’r offer datblygwyr wedi’u diffodd: gallan nhw ailysgrifennu tudalennau, rhedeg sgriptiau a dangos ffynhonnell cynnwys sydd wedi’i flocio.',
    ExtensionDeveloperModeSettings: 'Mae’r modd datblygwr ar dudalen yr estyniadau yn aros wedi’i ddiffodd.',
    URLBlocklist:
      'Mae’n blocio’r hyn na all Waymark ei weld: tudalennau mewnol y porwr a allai ei atal neu ddangos ei docyn cofrestru, tudalennau data: wedi’u teipio i’r bar cyfeiriad, cyfeiriadau view-source: a javascript:, a ffeiliau lleol (file://), na all estyniad a osodwyd gan bolisi weld eu tudalennau. Mae’r tab newydd, mewngofnodi a’r gosodiadau hygyrchedd yn aros ar agor.',
    ForceGoogleSafeSearch:
      'Mae SafeSearch Google wedi’i gloi ymlaen gan y porwr hefyd, o’r dudalen gyntaf un.',
    ForceBingSafeSearch: 'Mae Bing, peiriant chwilio Edge ei hun, wedi’i gloi i SafeSearch llym.',
    ForceYouTubeRestrict: 'Mae Modd Cyfyngedig YouTube wedi’i gloi i Llym, fel y mae Waymark yn gofyn.',
    DnsOverHttpsMode:
      'Mae DNS diogel wedi’i ddiffodd: byddai’n anfon chwiliadau o amgylch hidlydd rhwydwaith yr ysgol, sy’n dal rhestrau’r IWF a’r CTIRU.',
    ProxySettings:
      'Mae’n cloi sut mae’r porwr yn cyrraedd y we i ddewis dirprwy’r ysgol ({{proxy}}), felly all disgyblion ddim gosod dirprwy arall yn y gosodiadau, gydag estyniad neu gyda baner lansio i osgoi’r hidlydd. Mae Waymark yn adrodd am ddirprwy na chafodd ei osod gan bolisi’r ddyfais.',
    RestrictSigninToPattern:
      'Dim ond cyfrifon yr ysgol ({{domains}}) all fewngofnodi i’r porwr, felly mae adroddiadau’n cario hunaniaeth ysgol y disgybl ac ni all cyfrifon personol ddod â’u hestyniadau eu hunain.',
  },
};
