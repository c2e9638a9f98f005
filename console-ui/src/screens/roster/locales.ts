import type { Translation } from '../../i18n/types';

export const en = {
  title: 'Roster and timetable',
  intro:
    'Bring the school’s pupils, groups and teachers from its MIS as a OneRoster 1.1 or 1.2 export, and its timetable as a CSV file. Each file is checked and previewed first; nothing changes until you apply it, and every import applied is in the change-control log.',
  refused: 'Roster imports are for the school admin.',
  oneRoster: {
    title: 'OneRoster export',
    hint: 'The export’s ZIP file, or its CSV files (orgs, academicSessions, courses, classes, users, enrollments; roles for 1.2).',
    file: 'OneRoster ZIP or CSV files',
  },
  timetable: {
    title: 'Timetable',
    hint: 'A CSV file with the columns week, day, period, start, end, group, teacher_email, room (see the README).',
    file: 'Timetable CSV file',
  },
  preview: 'Preview changes',
  previewing: 'Checking…',
  apply: 'Apply these changes',
  applying: 'Applying…',
  applied: 'Applied. The change is in the change-control log.',
  noFile: 'Choose a file first.',
  changes: {
    title: 'What would change',
    appliedTitle: 'What changed',
    version: 'OneRoster {{version}} from {{org}}',
    pupilsAdded: 'Pupils added',
    pupilsMoved: 'Pupils moved',
    pupilsLeaving: 'Pupils leaving (archived, never deleted)',
    pupilsUnchanged: 'Pupils unchanged',
    groupsAdded: 'Groups added',
    groupsEnded: 'Groups ended',
    teachersAdded: 'Teachers added',
    enrollments: 'Enrollments',
    terms: 'Terms',
    lessons: 'Lessons in the timetable',
    moved: '{{name}}: {{from}} → {{to}}',
    examples: 'Examples',
  },
  errors: {
    title_one:
      '{{count}} line is wrong: fix it and preview again. Nothing will be applied until every line is right.',
    title_other:
      '{{count}} lines are wrong: fix them and preview again. Nothing will be applied until every line is right.',
    file: 'File',
    line: 'Line',
    error: 'Problem',
  },
};

export const cy: Translation<typeof en> = {
  title: 'Rhestr ddisgyblion ac amserlen',
  intro:
    'Dewch â disgyblion, grwpiau ac athrawon yr ysgol o’i system wybodaeth reoli fel allforyn OneRoster 1.1 neu 1.2, a’i hamserlen fel ffeil CSV. Caiff pob ffeil ei gwirio a’i rhagweld yn gyntaf; does dim yn newid nes i chi ei gymhwyso, ac mae pob mewnforyn a gymhwysir yn y log rheoli newidiadau.',
  refused: 'Gweinyddwr yr ysgol sy’n mewnforio rhestrau disgyblion.',
  oneRoster: {
    title: 'Allforyn OneRoster',
    hint: 'Ffeil ZIP yr allforyn, neu ei ffeiliau CSV (orgs, academicSessions, courses, classes, users, enrollments; roles ar gyfer 1.2).',
    file: 'Ffeil ZIP neu ffeiliau CSV OneRoster',
  },
  timetable: {
    title: 'Amserlen',
    hint: 'Ffeil CSV gyda’r colofnau week, day, period, start, end, group, teacher_email, room (gweler y README).',
    file: 'Ffeil CSV yr amserlen',
  },
  preview: 'Rhagweld y newidiadau',
  previewing: 'Yn gwirio…',
  apply: 'Cymhwyso’r newidiadau hyn',
  applying: 'Yn cymhwyso…',
  applied: 'Wedi’i gymhwyso. Mae’r newid yn y log rheoli newidiadau.',
  noFile: 'Dewiswch ffeil yn gyntaf.',
  changes: {
    title: 'Beth fyddai’n newid',
    appliedTitle: 'Beth newidiodd',
    version: 'OneRoster {{version}} gan {{org}}',
    pupilsAdded: 'Disgyblion wedi’u hychwanegu',
    pupilsMoved: 'Disgyblion wedi symud',
    pupilsLeaving: 'Disgyblion yn gadael (wedi’u harchifo, byth wedi’u dileu)',
    pupilsUnchanged: 'Disgyblion heb newid',
    groupsAdded: 'Grwpiau wedi’u hychwanegu',
    groupsEnded: 'Grwpiau wedi dod i ben',
    teachersAdded: 'Athrawon wedi’u hychwanegu',
    enrollments: 'Cofrestriadau',
    terms: 'Tymhorau',
    lessons: 'Gwersi yn yr amserlen',
    moved: '{{name}}: {{from}} → {{to}}',
    examples: 'Enghreifftiau',
  },
  errors: {
    title_one:
      'Mae {{count}} llinell yn anghywir: cywirwch hi a rhagweld eto. Ni chaiff dim ei gymhwyso nes bod pob llinell yn gywir.',
    title_other:
      'Mae {{count}} llinell yn anghywir: cywirwch nhw a rhagweld eto. Ni chaiff dim ei gymhwyso nes bod pob llinell yn gywir.',
    file: 'Ffeil',
    line: 'Llinell',
    error: 'Problem',
  },
};
