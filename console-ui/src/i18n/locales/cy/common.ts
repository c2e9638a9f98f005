import type { Translation } from '../../types';
import type { common as en } from '../en/common';

export const common: Translation<typeof en> = {
  brand: 'Waymark',
  skipToContent: "Neidio i'r prif gynnwys",
  loading: 'Yn llwytho…',
  serverUnreachable: 'Methu cyrraedd gweinydd Waymark: {{message}}',
  nav: {
    label: 'Prif',
    classes: 'Dosbarthiadau byw',
    overview: 'Trosolwg',
    incidents: 'Log digwyddiadau',
    policies: 'Polisïau',
    devices: 'Dyfeisiau',
    visitors: 'Tocynnau ymwelwyr',
    reports: 'Adroddiadau',
    trust: 'Ymddiriedolaeth',
  },
  account: {
    menu: 'Cyfrif',
    signedInAs: 'Wedi mewngofnodi fel {{name}}',
    signOut: 'Allgofnodi',
    language: 'Iaith',
  },
  languages: { en: 'English', cy: 'Cymraeg' },
  roles: {
    teacher: 'Athro',
    dsl: 'Person dynodedig ar gyfer diogelu / arweinydd diogelwch ar-lein',
    technician: 'Technegydd',
    governor: 'Llywodraethwr',
    'senior-leader': 'Uwch arweinydd ar gyfer hidlo a monitro',
    admin: 'Gweinyddwr yr ysgol',
    'trust-dsl': 'Arweinydd diogelu’r ymddiriedolaeth',
    'trust-reporter': 'Adrodd i’r ymddiriedolaeth (gweithrediaeth, ymddiriedolwyr)',
  },
  signIn: {
    title: 'Waymark',
    intro: "Mewngofnodwch i oruchwylio'ch dosbarthiadau.",
    email: 'E-bost yr ysgol',
    password: 'Cyfrinair',
    submit: 'Mewngofnodi',
    submitting: 'Yn mewngofnodi…',
    withProvider: 'Mewngofnodi gyda {{provider}}',
    or: 'neu',
  },
  classes: {
    title: 'Eich dosbarthiadau',
    loading: "Yn llwytho'r dosbarthiadau…",
    none: "Does gennych chi ddim dosbarthiadau i'w gwylio. Gofynnwch i'ch DSL eich ychwanegu at ddosbarth.",
    summary: '{{profile}} · {{count}} disgybl',
  },
  notFound: 'Does dim tudalen yma.',
};
