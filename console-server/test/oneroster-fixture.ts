import zlib from 'node:zlib';

/**
 * OneRoster CSV bundles generated for the tests and `bench:roster`: a secondary school of
 * `pupils` pupils (Years 7 to 13) in form groups and teaching sets, and `staff` teachers.
 */
export interface BundleShape {
  orgId: string;
  orgName: string;
  pupils: number;
  staff: number;
  /** Form groups (homeroom classes) and teaching sets together. */
  groups: number;
  /** Groups each pupil is in: one form group and the rest sets. */
  groupsPerPupil: number;
  version?: '1.1' | '1.2';
  /** Pupils' e-mail domain (another school's test gives another). */
  domain?: string;
}

export const SECONDARY: BundleShape = {
  orgId: 'org-ysgol-uwchradd',
  orgName: 'Waymark Demo Primary School',
  pupils: 2000,
  staff: 150,
  groups: 400,
  groupsPerPupil: 6,
};

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') +
  '\n';

export function pupilEmail(i: number, domain = 'pupils.uwchradd.test') {
  return `pupil${i}@${domain}`;
}

export function makeBundle(shape: BundleShape): Record<string, string> {
  const version = shape.version ?? '1.1';
  const domain = shape.domain ?? 'pupils.uwchradd.test';
  const years = 7; // Years 7 to 13
  const forms = Math.max(years, Math.round(shape.pupils / 25));
  const sets = shape.groups - forms;
  const setsPerPupil = shape.groupsPerPupil - 1;
  const setsPerBlock = Math.floor(sets / setsPerPupil);
  const formsPerYear = Math.floor(forms / years);

  const orgs = [
    ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
    [shape.orgId, 'active', '2026-09-01', shape.orgName, 'school', 'URN123456', ''],
  ];
  const sessions = [
    [
      'sourcedId',
      'status',
      'dateLastModified',
      'title',
      'type',
      'startDate',
      'endDate',
      'parentSourcedId',
      'schoolYear',
    ],
    ['year-2026', 'active', '2026-09-01', '2026/27', 'schoolYear', '2026-09-01', '2027-07-21', '', '2027'],
    [
      'term-autumn',
      'active',
      '2026-09-01',
      'Autumn term',
      'term',
      '2026-09-01',
      '2026-12-18',
      'year-2026',
      '2027',
    ],
    [
      'term-spring',
      'active',
      '2026-09-01',
      'Spring term',
      'term',
      '2027-01-04',
      '2027-03-26',
      'year-2026',
      '2027',
    ],
  ];
  const courses = [
    [
      'sourcedId',
      'status',
      'dateLastModified',
      'schoolYearSourcedId',
      'title',
      'courseCode',
      'grades',
      'orgSourcedId',
    ],
  ];
  for (let b = 0; b < setsPerPupil; b++)
    courses.push([
      `course-${b}`,
      'active',
      '2026-09-01',
      'year-2026',
      `Subject ${b + 1}`,
      `S${b + 1}`,
      '',
      shape.orgId,
    ]);
  const classes = [
    [
      'sourcedId',
      'status',
      'dateLastModified',
      'title',
      'grades',
      'courseSourcedId',
      'classCode',
      'classType',
      'location',
      'schoolSourcedId',
      'termSourcedIds',
    ],
  ];
  const gradeOf = (pupil: number) => String(7 + (pupil % years)).padStart(2, '0');
  for (let f = 0; f < forms; f++) {
    const year = 7 + (f % years);
    classes.push([
      `form-${f}`,
      'active',
      '2026-09-01',
      `${year}F${Math.floor(f / years) + 1}`,
      String(year).padStart(2, '0'),
      '',
      `F${f}`,
      'homeroom',
      '',
      shape.orgId,
      'term-autumn',
    ]);
  }
  for (let s = 0; s < sets; s++)
    classes.push([
      `set-${s}`,
      'active',
      '2026-09-01',
      `Set ${s + 1}`,
      '',
      `course-${Math.floor(s / Math.max(1, setsPerBlock)) % setsPerPupil}`,
      `S${s}`,
      'scheduled',
      `Room ${s % 60}`,
      shape.orgId,
      'term-autumn',
    ]);

  const users =
    version === '1.1'
      ? [
          [
            'sourcedId',
            'status',
            'dateLastModified',
            'enabledUser',
            'orgSourcedIds',
            'role',
            'username',
            'userIds',
            'givenName',
            'familyName',
            'middleName',
            'identifier',
            'email',
            'sms',
            'phone',
            'agentSourcedIds',
            'grades',
            'password',
          ],
        ]
      : [
          [
            'sourcedId',
            'status',
            'dateLastModified',
            'enabledUser',
            'username',
            'userIds',
            'givenName',
            'familyName',
            'middleName',
            'identifier',
            'email',
            'sms',
            'phone',
            'agentSourcedIds',
            'grades',
            'password',
            'userMasterIdentifier',
            'resourceSourcedIds',
            'preferredGivenName',
            'preferredMiddleName',
            'preferredFamilyName',
            'primaryOrgSourcedId',
            'pronouns',
          ],
        ];
  const roles = [
    [
      'sourcedId',
      'status',
      'dateLastModified',
      'userSourcedId',
      'roleType',
      'role',
      'beginDate',
      'endDate',
      'orgSourcedId',
      'userProfileSourcedId',
    ],
  ];
  const user = (id: string, role: string, given: string, family: string, email: string, grade: string) => {
    if (version === '1.1')
      users.push([
        id,
        'active',
        '2026-09-01',
        'true',
        shape.orgId,
        role,
        email,
        '',
        given,
        family,
        '',
        '',
        email,
        '',
        '',
        '',
        grade,
        '',
      ]);
    else {
      users.push([
        id,
        'active',
        '2026-09-01',
        'true',
        email,
        '',
        given,
        family,
        '',
        '',
        email,
        '',
        '',
        '',
        grade,
        '',
        '',
        '',
        '',
        '',
        '',
        shape.orgId,
        '',
      ]);
      roles.push([`role-${id}`, 'active', '2026-09-01', id, 'primary', role, '', '', shape.orgId, '']);
    }
  };
  for (let t = 0; t < shape.staff; t++)
    user(`staff-${t}`, 'teacher', 'Teacher', `Number ${t}`, `teacher${t}@uwchradd.test`, '');
  for (let p = 0; p < shape.pupils; p++)
    user(`pupil-${p}`, 'student', 'Pupil', `Number ${p}`, pupilEmail(p, domain), gradeOf(p));

  const enrollments = [
    [
      'sourcedId',
      'status',
      'dateLastModified',
      'classSourcedId',
      'schoolSourcedId',
      'userSourcedId',
      'role',
      'primary',
      'beginDate',
      'endDate',
    ],
  ];
  let e = 0;
  const enrol = (klass: string, userId: string, role: string, primary = 'false') =>
    enrollments.push([
      `enr-${e++}`,
      'active',
      '2026-09-01',
      klass,
      shape.orgId,
      userId,
      role,
      primary,
      '',
      '',
    ]);
  for (let f = 0; f < forms; f++) enrol(`form-${f}`, `staff-${f % shape.staff}`, 'teacher', 'true');
  for (let s = 0; s < sets; s++) enrol(`set-${s}`, `staff-${(s + forms) % shape.staff}`, 'teacher', 'true');
  for (let p = 0; p < shape.pupils; p++) {
    const year = p % years;
    const form = year + years * (Math.floor(p / years) % formsPerYear);
    enrol(`form-${form}`, `pupil-${p}`, 'student', 'true');
    for (let b = 0; b < setsPerPupil; b++)
      enrol(`set-${b * setsPerBlock + ((p * 7 + b) % setsPerBlock)}`, `pupil-${p}`, 'student');
  }
  const files: Record<string, string> = {
    'manifest.csv': csv([
      ['propertyName', 'value'],
      ['manifest.version', '1.0'],
      ['oneroster.version', version],
    ]),
    'orgs.csv': csv(orgs),
    'academicSessions.csv': csv(sessions),
    'courses.csv': csv(courses),
    'classes.csv': csv(classes),
    'users.csv': csv(users),
    'enrollments.csv': csv(enrollments),
  };
  if (version === '1.2') files['roles.csv'] = csv(roles);
  return files;
}

/** A ZIP of the files (stored, not deflated: what a MIS's export may well be), as yauzl reads it. */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
