import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Bullying: being bullied (disclosed), bullying others, and telling someone to hurt themselves. */
export const BULLYING_EN: PhraseSection = {
  id: 'bullying.en',
  category: 'discrimination',
  incidentKind: 'cyberbullying',
  topic: 'bullying and cyberbullying, told by the pupil bullied or written by the one bullying',
  language: 'en',
  sources: [SOURCES.hwbBullying, SOURCES.meicBullying, SOURCES.seeds],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(go|just|you should|u should|pls|please) (kill|unalive) (yourself|urself|your self)',
      '(kys|kill yourself)',
      'you should (die|not exist|not be alive)',
      '(everyone|everybody|the world|we all) (wants|would be happier|would be better) (you dead|if you (died|were dead|killed yourself))',
      '(nobody|no one|noone) would (care|miss you) if you (died|were dead|killed yourself)',
    ],
    medium: [
      '(i am|im|i get|i keep getting|i have been|ive been|i think im|getting|being) bullied',
      'bullied (at|in|after) school',
      '(how to|how do i) (stop|deal with|handle|cope with) (being bullied|bullies|bullying|cyberbullying)',
      '(everyone|everybody|people|they|the whole class|my class) ... (hates|hate) me',
      '(nobody|no one|noone) (likes|wants to be friends with|talks to|sits with) me',
      'i have no friends',
      '(they|people|everyone) [keep|keeps] (calling me names|laughing at me|picking on me|making fun of me|leaving me out)',
      '(they|people|someone) (made|posted|shared) (fake account|fake profile|hate page|group chat) (of|about) me',
      '(posting|posted|spreading|spread) (lies|rumours|rumors|pictures|pics) about me',
      'how to (get back at|get revenge on|humiliate|embarrass) (someone|a bully|my classmate)',
      '(roast|roasting) (someone|my friend|a fat kid|an ugly kid) (mean|brutal)',
      '(you are|youre|ur|your) [so] (ugly|fat|worthless|pathetic|a loser|disgusting)',
      '(ugly|fat|stupid) (loser|pig|cow|freak|retard)',
      'cyberbullying',
      'happy slapping',
    ],
    low: ['bullying', 'bully', 'bullies'],
  },
};

/** Discrimination: slurs, hate aimed at a group, and asking for hateful jokes. */
export const DISCRIMINATION_EN: PhraseSection = {
  id: 'discrimination.en',
  category: 'discrimination',
  topic: 'discrimination and hate: slurs, hateful jokes, hatred of a group',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.hwbIllegal],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(kill|gas|shoot|burn|hang|exterminate|deport)(jews|muslims|blacks|black people|gays|gay people|trans people|immigrants|pakis|asians|gypsies|travellers|refugees|women)',
      '(jews|muslims|blacks|black people|gays|gay people|trans people|immigrants|refugees|women) (should|deserve to|must) (die|be killed|be gassed|be shot|burn|hang)',
    ],
    medium: [
      '(nigger|niggers|nigga|niggas|negro|coon|wog|paki|pakis|chink|chinks|gook|kike|kikes|spic|raghead|towelhead|sand nigger|gyppo|pikey|golliwog)',
      '(faggot|faggots|fag|fags|tranny|trannies|shemale|poofter|batty boy|dyke)',
      '(retard|retards|retarded|spastic|spaz|mong|mongo|window licker)',
      '(racist|sexist|homophobic|transphobic|antisemitic|islamophobic|gay|black|jew|muslim|rape|dead baby) jokes',
      '(i hate|hate all|hate) (jews|muslims|blacks|black people|gays|gay people|trans people|immigrants|refugees|women|asians|pakis)',
      '(jews|muslims|blacks|immigrants|women|gays) (are|r) (evil|animals|vermin|inferior|subhuman|the problem|ruining)',
      'go back to your [own]country',
      '(white|black|asian) people are (superior|inferior|better|worse)',
    ],
  },
};
