import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Staff accounts',
  intro:
    'The school’s staff accounts. A high-risk alert goes to the designated safeguarding leads first; if nobody acknowledges it in the time set on the Alerts screen, it goes to the deputy DSLs, then to the senior leader. Any DSL account can be named a deputy.',
  refused: 'Staff accounts are managed by the school admin.',
  loading: 'Loading accounts…',
  none: 'No staff accounts.',
  noDeputy:
    'No deputy DSL is named: an alert nobody acknowledges goes from the DSLs straight to the senior leader.',
  list: {
    name: 'Name',
    email: 'E-mail',
    role: 'Role',
    status: 'Status',
    deputy: 'Deputy DSL',
    deputyLabel: 'Deputy DSL',
    deputyName: 'Deputy DSL: {{name}}',
    active: 'Active',
    disabled: 'Disabled',
    locked: 'Locked after failed sign-ins',
    notManaged: 'Managed by the trust',
  },
  saved_on: '{{name}} is now a deputy DSL.',
  saved_off: '{{name}} is no longer a deputy DSL.',
};

export const cy: Translation<typeof en> = {
  title: 'Cyfrifon staff',
  intro:
    'Cyfrifon staff yr ysgol. Mae rhybudd risg uchel yn mynd at yr arweinwyr diogelu dynodedig yn gyntaf; os nad oes neb yn ei gydnabod yn yr amser a osodwyd ar y sgrin Rhybuddion, mae’n mynd at y dirprwy DSL, yna at yr uwch arweinydd. Gellir enwi unrhyw gyfrif DSL yn ddirprwy.',
  refused: 'Gweinyddwr yr ysgol sy’n rheoli cyfrifon staff.',
  loading: 'Yn llwytho cyfrifon…',
  none: 'Dim cyfrifon staff.',
  noDeputy:
    'Does dim dirprwy DSL wedi’i enwi: mae rhybudd nad oes neb yn ei gydnabod yn mynd o’r DSL yn syth at yr uwch arweinydd.',
  list: {
    name: 'Enw',
    email: 'E-bost',
    role: 'Rôl',
    status: 'Statws',
    deputy: 'Dirprwy DSL',
    deputyLabel: 'Dirprwy DSL',
    deputyName: 'Dirprwy DSL: {{name}}',
    active: 'Gweithredol',
    disabled: 'Wedi’i analluogi',
    locked: 'Wedi’i gloi ar ôl methu mewngofnodi',
    notManaged: 'Yn cael ei reoli gan yr ymddiriedolaeth',
  },
  saved_on: 'Mae {{name}} bellach yn ddirprwy DSL.',
  saved_off: 'Nid yw {{name}} yn ddirprwy DSL mwyach.',
};
