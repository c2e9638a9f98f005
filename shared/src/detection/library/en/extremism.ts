import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Groups proscribed in the UK (Terrorism Act 2000), by the names and short forms people search for. */
const PROSCRIBED_INTERNATIONAL =
  '(isis|isil|islamic state|daesh|al qaeda|al qaida|alqaeda|al shabaab|al shabab|boko haram|hamas|hezbollah|hizballah|hizb ut tahrir|al muhajiroun|lashkar e taiba|lashkar e tayyiba|jaish e mohammed|tehrik e taliban|wagner group|palestine action|russian imperial movement)';
/** Northern Ireland-related groups proscribed in the UK, and the PKK. */
const PROSCRIBED_NI =
  '(ira|the ira|real ira|new ira|continuity ira|provisional ira|inla|uvf|ulster volunteer force|uda|ulster defence association|lvf|loyalist volunteer force|red hand commando|pkk)';
/** What a group is called without its name (Prevent: recruitment often comes before a name). */
const GROUP_KIND =
  '(terrorist|terror|extremist|jihadi|jihadist|militant|nazi|neo nazi|neonazi|white nationalist|white supremacist|far right|islamist|fascist|accelerationist|paramilitary)';
const PROSCRIBED_EXTREME_RIGHT =
  '(national action|sonnenkrieg division|feuerkrieg division|atomwaffen|atomwaffen division|the base|terrorgram|terrorgram collective|system resistance network|scottish dawn|ns131|maniacs murder cult|mkyu)';

/** Extremism and radicalisation, including groups proscribed in the UK. */
export const EXTREMISM_EN: PhraseSection = {
  id: 'extremism.en',
  category: 'extremism',
  topic: 'extremism and radicalisation: proscribed groups, recruitment, extremist ideas and attacks',
  language: 'en',
  sources: [SOURCES.proscribed, SOURCES.dfeStandards, SOURCES.hwbIllegal, SOURCES.preventDuty],
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
      // Widened from the Prevent duty guidance and KCSIE (stop 27): wanting to join or become,
      // recruiting others, planning an attack, the texts extremists pass round; named or not.
      `(join|joining|support|fight for|donate to|sign up to|sign up for|get into|recruit for|be part of|become part of) ${PROSCRIBED_NI}`,
      `(join|joining|sign up to|sign up for|recruit for|be part of|become part of|start|form|set up|find) ${GROUP_KIND} (group|cell|organisation|organization|movement|army|militia|network|gang|channel|server)`,
      `(how to|how do i|how can i|i want to|i wanna|i am going to|im going to|ways to|steps to) (become|be|join) (a|an) (terrorist|jihadi|jihadist|mujahid|mujahideen|martyr|shaheed|suicide bomber|nazi|neo nazi|white supremacist|extremist|freedom fighter for isis)`,
      '(how to|how do i|how can i|ways to|best way to) (radicalise|radicalize|recruit) (someone|people|young people|my friends|others|kids|teenagers)',
      '(where|how) (can i|to|do i) (find|contact|talk to|meet|join) ... (recruiter|recruiters|extremists|jihadis|mujahideen|nazis|isis|the caliphate|the base|national action)',
      '(plan|planning|carry out|commit|do) (a|an) (terrorist attack|terror attack|lone wolf attack|attack on (a|the) (mosque|synagogue|church|crowd|concert|school))',
      '(kill|killing|fight|attack|slaughter) (the|all) (kuffar|kafir|kafirs|kuffs|infidels|disbelievers|non believers|apostates|jews|muslims|immigrants)',
      '(make|making) hijrah to (syria|the caliphate|the islamic state|sham)',
      '(join|live in|travel to|go to) the caliphate',
      '(turner diaries|anarchist cookbook|dabiq|rumiyah|inspire magazine|the siege|siege by james mason|white resistance manual|terrorgram publication|hard reset) (pdf|download|free|read online|epub)',
      '(download|read|pdf of|where to find) ... (manifesto|turner diaries|anarchist cookbook|dabiq|rumiyah|inspire magazine)',
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
      // Widened (stop 27)
      `${PROSCRIBED_NI} (propaganda|recruitment|songs|chants|flag for sale|membership)`,
      `${GROUP_KIND} (group|groups|movement|cell|channel|channels|server|servers|group chat|telegram|discord|propaganda|memes|recruitment) (uk|near me|to join|join|invite|link|links)`,
      '(white|european|british) (race|people) (is|are) (dying|being replaced|under attack|superior|going extinct)',
      '[the] (jews|muslims|immigrants|migrants|elites|globalists) (are|r) (replacing|invading|taking over|destroying) (us|britain|the uk|europe|the west|white people)',
      '(lone wolf|lone actor) (attack|attacks|terrorist|terrorism)',
      '(turner diaries|anarchist cookbook|dabiq|rumiyah|inspire magazine|siege mason)',
      '(mujahideen|mujahid|shaheed|martyrdom) (videos|nasheeds|songs|speeches)',
      '(andrew tate|tate) (war room|hustlers university)',
      '(based|redpill|red pill|blackpill) (memes|community|discord|telegram) (join|invite|link)',
    ],
    low: [
      PROSCRIBED_INTERNATIONAL,
      PROSCRIBED_NI,
      'jihad',
      '(far right|far left|extremist|extremism) (groups|websites)',
    ],
  },
};
