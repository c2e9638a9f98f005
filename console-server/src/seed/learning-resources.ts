import type { Profile } from '@waymark/shared';

/**
 * The online learning resources the seed schools' policies name (docs/architecture.md, "The
 * policy model"), with the host names a pupil's browser opens as a main frame or a frame to sign
 * in and do a lesson. The starter allow-lists for EYFS, KS1 and KS2 are built from this list, so
 * a pupil can sign in and work, not just see a home page. Sub-resources (scripts, images, video
 * streams) are not listed: the extension filters only main-frame and frame navigations.
 *
 * Each filter is a Chrome URLAllowlist filter: a bare domain also allows its subdomains.
 */
interface LearningResource {
  name: string;
  /** The key stages the starter allow-lists give it to. */
  stages: readonly Profile[];
  /** Where pupils sign in and work, and what those pages open in frames. */
  hosts: readonly string[];
  /** Why these hosts and these stages. */
  basis: string;
}

/**
 * Where the host names come from. No network access was available while this list was written:
 * the hosts are from working knowledge of each service's sign-in and lesson pages (as schools'
 * filtering allow-lists commonly give them). A technician who finds one missing adds it to the
 * profile from the console; the list is reviewed with the starter lists.
 */
export const LEARNING_RESOURCE_SOURCES = {
  reviewed: '2026-12',
  policies: [
    'Meltham Moor Primary School (Kirklees model) Online Safety Policy, 2023: "Access to school systems" (Purple Mash, Sumdog, TT Rockstars, Google Classroom) and "Remote education and home learning" (Google Classroom, Class Dojo, Purple Mash, White Rose, Oak Academy)',
    "The Welsh seed school's Online Safety Policy: Hwb (see welsh-school.ts)",
  ],
  hosts: 'working knowledge of each service, written without network access; see each basis',
} as const;

const PRIMARY: readonly Profile[] = ['EYFS', 'KS1', 'KS2'];
const KS1_KS2: readonly Profile[] = ['KS1', 'KS2'];

export const LEARNING_RESOURCES: readonly LearningResource[] = [
  {
    name: 'Purple Mash',
    stages: PRIMARY,
    hosts: ['purplemash.com', '2simple.com'],
    basis:
      "Named by the Kirklees policy for pupil log-ins and remote learning. Pupils sign in at www.purplemash.com/sch/<school> (or with the school's Google or Microsoft account, through the always-allowed sign-in domains); Mini Mash, its EYFS area, is on the same host; 2Simple, its publisher, serves its apps' pages from 2simple.com.",
  },
  {
    name: 'Sumdog',
    stages: KS1_KS2,
    hosts: ['sumdog.com'],
    basis:
      'Named by the Kirklees policy for pupil log-ins. Pupils sign in and play on subdomains of sumdog.com (www and the pupil app); for ages 5 to 14, so KS1 and KS2.',
  },
  {
    name: 'Times Tables Rock Stars',
    stages: KS1_KS2,
    hosts: ['ttrockstars.com'],
    basis:
      'Named by the Kirklees policy ("TTrackstars") for pupil log-ins. Pupils sign in and play at play.ttrockstars.com; the school\'s pages are on www.ttrockstars.com. Times tables start in Year 2, so KS1 and KS2.',
  },
  {
    name: 'Google Classroom',
    stages: KS1_KS2,
    hosts: [
      'classroom.google.com',
      'accounts.google.com',
      'accounts.google.co.uk',
      'docs.google.com',
      'drive.google.com',
    ],
    basis:
      'Named by the Kirklees policy for pupil log-ins and remote learning. Classroom is classroom.google.com; signing in goes through accounts.google.com (and, for UK accounts, accounts.google.co.uk to set the session); assignments open Docs, Slides, Sheets and Forms on docs.google.com and files on drive.google.com, in the page or in frames. EYFS pupils do not sign in to it themselves.',
  },
  {
    name: 'ClassDojo',
    stages: PRIMARY,
    hosts: ['classdojo.com'],
    basis:
      'Named by the Kirklees policy for remote learning. Pupils sign in with a class text or QR code and add to their portfolio on subdomains of classdojo.com (student, home and teach); used from Reception.',
  },
  {
    name: 'White Rose Education (maths)',
    stages: PRIMARY,
    hosts: ['whiteroseeducation.com', 'whiterosemaths.com', 'player.vimeo.com'],
    basis:
      'Named by the Kirklees policy ("White Rose") for remote learning. Its site is whiteroseeducation.com (whiterosemaths.com before 2023, still linked from schools\' pages); its lesson videos are Vimeo players in frames (player.vimeo.com only, not vimeo.com). Schemes of learning from Reception to Year 6.',
  },
  {
    name: 'Oak National Academy',
    stages: KS1_KS2,
    hosts: ['thenational.academy', 'docs.google.com/forms'],
    basis:
      'Named by the Kirklees policy ("Oak Academy") for remote learning. Lessons are on www.thenational.academy (and classroom.thenational.academy for the 2020 to 2022 lessons, whose quizzes are Google Forms in frames). No pupil sign-in; lessons from Year 1, so KS1 and KS2.',
  },
];

/** The allow-list filters the resources above give a key stage, in list order, without repeats. */
export function resourceHosts(profile: Profile): string[] {
  const hosts = LEARNING_RESOURCES.filter((r) => r.stages.includes(profile)).flatMap((r) => r.hosts);
  return [...new Set(hosts)];
}
