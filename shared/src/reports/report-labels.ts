import { CATEGORY_LABELS, type Category, type Profile } from '../policy/categories';
import {
  INCIDENT_ACTIONS,
  type IncidentAction,
  type IncidentCategory,
  type IncidentStatus,
} from '../incidents/model';
import type { ReportLanguage } from './report-model';

/**
 * What the reports call things, in English and Welsh: one source for the console, the CSV
 * downloads and the digest, so a governor reads the same words on screen and on paper.
 */
interface ReportLabels {
  categories: Record<Category | 'uncategorised', string>;
  keyStages: Record<Profile, string>;
  incidentKinds: Record<Exclude<IncidentCategory, Category>, string>;
  actions: Record<IncidentAction, string>;
  statuses: Record<IncidentStatus, string>;
  noClass: string;
}

const en: ReportLabels = {
  categories: { ...CATEGORY_LABELS, uncategorised: 'Not on the allow-list / uncategorised' },
  keyStages: {
    EYFS: 'Early years (EYFS)',
    KS1: 'Key stage 1',
    KS2: 'Key stage 2',
    KS3: 'Key stage 3',
    KS4: 'Key stage 4',
    KS5: 'Key stage 5 (sixth form)',
    staff: 'Staff',
  },
  incidentKinds: {
    cyberbullying: 'Cyberbullying',
    'sharing-nudes': 'Sharing nudes and semi-nudes',
    'inappropriate-communication': 'Inappropriate communication',
    'misuse-of-school-systems': 'Misuse of school systems',
    'data-protection': 'Data protection',
    circumvention: 'Getting round the filter',
    other: 'Other',
  },
  actions: INCIDENT_ACTIONS,
  statuses: { open: 'Open', 'under-review': 'Under review', closed: 'Closed' },
  noClass: 'No class',
};

const cy: ReportLabels = {
  categories: {
    'illegal-csam': 'Anghyfreithlon: deunydd cam-drin plant yn rhywiol',
    'illegal-terrorism': 'Anghyfreithlon: cynnwys terfysgol',
    'illegal-hate': 'Anghyfreithlon: cynnwys hiliol neu gasineb troseddol',
    extremism: 'Eithafiaeth a radicaleiddio',
    discrimination: 'Bwlio a gwahaniaethu',
    pornography: 'Pornograffi',
    'self-harm': 'Hunan-niweidio, hunanladdiad ac anhwylderau bwyta',
    grooming: 'Meithrin perthynas amhriodol, camfanteisio rhywiol a secstio',
    violence: 'Trais ac arfau',
    'substance-abuse': 'Cyffuriau, alcohol a chamddefnyddio sylweddau',
    piracy: 'Môr-ladrata a dwyn hawlfraint',
    gambling: 'Gamblo',
    'proxy-vpn': 'Dirprwyon, VPNs ac offer osgoi’r hidlydd',
    'social-media': 'Cyfryngau cymdeithasol',
    messaging: 'Negeseuon a sgwrsio',
    'file-sharing': 'Rhannu ffeiliau',
    video: 'Ffrydio fideo',
    gaming: 'Gemau ar-lein',
    uncategorised: 'Heb fod ar y rhestr ganiatáu / heb gategori',
  },
  keyStages: {
    EYFS: 'Blynyddoedd cynnar (EYFS)',
    KS1: 'Cyfnod allweddol 1',
    KS2: 'Cyfnod allweddol 2',
    KS3: 'Cyfnod allweddol 3',
    KS4: 'Cyfnod allweddol 4',
    KS5: 'Cyfnod allweddol 5 (chweched dosbarth)',
    staff: 'Staff',
  },
  incidentKinds: {
    cyberbullying: 'Seiberfwlio',
    'sharing-nudes': 'Rhannu delweddau noeth a lled-noeth',
    'inappropriate-communication': 'Cyfathrebu amhriodol',
    'misuse-of-school-systems': 'Camddefnyddio systemau’r ysgol',
    'data-protection': 'Diogelu data',
    circumvention: 'Osgoi’r hidlydd',
    other: 'Arall',
  },
  actions: {
    'refer-class-teacher': 'Cyfeirio at athro’r dosbarth / tiwtor',
    'refer-online-safety-lead': 'Cyfeirio at yr arweinydd diogelwch ar-lein',
    'refer-ict-coordinator': 'Cyfeirio at y cydlynydd TGCh',
    'refer-headteacher': 'Cyfeirio at y pennaeth',
    'refer-dsl': 'Cyfeirio at y person diogelu dynodedig',
    'refer-police': 'Cyfeirio at yr heddlu',
    'refer-technical-support': 'Cyfeirio at y gefnogaeth dechnegol (hidlo / diogelwch)',
    'inform-parents': 'Rhoi gwybod i rieni / gofalwyr',
    'removal-of-access': 'Dileu hawliau mynediad i’r rhwydwaith / rhyngrwyd',
    warning: 'Rhybudd',
    'further-sanction': 'Cosb bellach (e.e. cadw i mewn / gwahardd)',
    'refer-line-manager': 'Cyfeirio at y rheolwr llinell',
    'refer-la-hr': 'Cyfeirio at yr awdurdod lleol / adnoddau dynol',
    suspension: 'Atal o’r gwaith',
    disciplinary: 'Camau disgyblu',
  },
  statuses: { open: 'Ar agor', 'under-review': 'Yn cael ei adolygu', closed: 'Ar gau' },
  noClass: 'Dim dosbarth',
};

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = { en, cy };

/** A key of a report (category, incident kind, action, status or key stage) in words; unknown keys as they are. */
export function reportLabel(
  lang: ReportLanguage,
  group: 'categories' | 'keyStages' | 'actions' | 'statuses',
  key: string,
): string {
  const labels = REPORT_LABELS[lang];
  // Own properties only: a key named `constructor` is shown as it is, not as Object's function.
  const own = (table: Record<string, string>) => (Object.hasOwn(table, key) ? table[key] : undefined);
  if (group === 'categories') return own(labels.categories) ?? own(labels.incidentKinds) ?? key;
  return own(labels[group]) ?? key;
}
