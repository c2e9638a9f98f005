import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Groups proscribed in the UK (Terrorism Act 2000), by the names and short forms people search for. */
const PROSCRIBED_INTERNATIONAL =
  '(isis|isil|islamic state|daesh|al qaeda|al qaida|alqaeda|al shabaab|al shabab|boko haram|hamas|hezbollah|hizballah|hizb ut tahrir|al muhajiroun|lashkar e taiba|lashkar e tayyiba|jaish e mohammed|tehrik e taliban|wagner group|palestine action|russian imperial movement)';
const PROSCRIBED_EXTREME_RIGHT =
  '(national action|sonnenkrieg division|feuerkrieg division|atomwaffen|atomwaffen division|the base|terrorgram|terrorgram collective|system resistance network|scottish dawn|ns131|maniacs murder cult|mkyu)';

/** Extremism and radicalisation, including groups proscribed in the UK. */
export const EXTREMISM_EN: PhraseSection = {
  id: 'extremism.en',
  category: 'extremism',
  topic: 'extremism and radicalisation: proscribed groups, recruitment, extremist ideas and attacks',
  language: 'en',
  sources: [SOURCES.proscribed, SOURCES.dfeStandards, SOURCES.hwbIllegal],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `(join|support|donate to|fight for) ${PROSCRIBED_INTERNATIONAL}`,
      `(join|support|donate to|fight for) ${PROSCRIBED_EXTREME_RIGHT}`,
      `${PROSCRIBED_INTERNATIONAL} (recruitment|recruiter|recruiters|propaganda|telegram|channel|nasheed|nasheeds|magazine|manifesto|beheading|beheadings|execution|executions)`,
      `${PROSCRIBED_EXTREME_RIGHT} (recruitment|recruiter|propaganda|telegram|channel|manifesto|join|membership|chat)`,
      '(christchurch|buffalo|el paso|utoya|halle) (shooter|shooting|attack) (manifesto|video|livestream|footage)',
      '(tarrant|breivik|elliot rodger) (manifesto|video|hero|saint)',
      '(the great replacement|great replacement) manifesto',
      '(martyrdom|martyr) operation',
      '(become|becoming) a (martyr|shaheed|mujahid)',
      'travel to (syria|iraq) to (join|fight)',
      '(start|prepare for|fight in|win) (a|the) race war',
      '(saint|st) (tarrant|breivik|elliot rodger)',
      '(siege|iron march) (book|pdf|mason)',
      'accelerationism (guide|pdf|telegram)',
    ],
    medium: [
      PROSCRIBED_EXTREME_RIGHT,
      '(isis|isil|daesh) (flag|videos|fighters|bride|brides)',
      '(great replacement|white genocide|race war|white power|white pride worldwide|14 words|fourteen words|rahowa|zog|jewish question|kalergi plan)',
      '(heil hitler|sieg heil|1488|hh88)',
      '(blood and honour|combat 18|c18|patriotic alternative|britain first) (join|membership|rally)',
      '(jihadi|jihadist|jihadis|kafir must die|kuffar must die)',
      '(incel|incels|blackpill|black pill|supreme gentleman|beta uprising|foid|foids|femoid|femoids)',
      '(nazi|neo nazi|neonazi) (memes|music|groups|uniform for sale)',
      '(holocaust) (denial|hoax|never happened|didnt happen|was fake)',
      'jews (control|run) (the world|the media|the banks)',
      'remigration',
      'how to make (pipe bomb|ied|suicide vest)',
    ],
    low: [PROSCRIBED_INTERNATIONAL, 'jihad', '(far right|far left|extremist|extremism) (groups|websites)'],
  },
};
