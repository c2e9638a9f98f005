import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Bullying: being bullied (disclosed), bullying others, and telling someone to hurt themselves. */
export const BULLYING_EN: PhraseSection = {
  id: 'bullying.en',
  category: 'discrimination',
  incidentKind: 'cyberbullying',
  topic: 'bullying and cyberbullying, told by the pupil bullied or written by the one bullying',
  language: 'en',
  sources: [SOURCES.hwbBullying, SOURCES.meicBullying, SOURCES.seeds, SOURCES.antiBullying],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(go|just|you should|u should|pls|please) (kill|unalive) (yourself|urself|your self)',
      '(kys|kill yourself)',
      'you should (die|not exist|not be alive)',
      '(everyone|everybody|the world|we all) (wants|would be happier|would be better) (you dead|if you (died|were dead|killed yourself))',
      '(nobody|no one|noone) would (care|miss you) if you (died|were dead|killed yourself)',
      // Widened (stop 27): being told to die, as a pupil tells it (Childline, Anti-Bullying Alliance).
      '(told|tells|telling|keep telling|keeps telling|said|says|messaged|sent) me to (kill myself|kms|go die|die|unalive myself|end it|hang myself|cut myself)',
      '(told|tells|telling|keep telling|keeps telling|said|says) (i should|that i should) (kill myself|die|go die|not exist|unalive myself)',
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
      // Widened (stop 27): what pupils say is happening to them, any subject, any tense.
      '(ignore|ignores|ignoring|laugh at|laughs at|laughing at|exclude|excludes|excluding|leave out|leaves out|leaving out|pick on|picks on|picking on|make fun of|makes fun of|making fun of|bully|bullies|bullying|harass|harasses|harassing|tease|teases|teasing|mock|mocks|mocking|humiliate|humiliated|humiliates|threaten|threatens|threatened|threatening|spit on|spat on|trip up|tripped|push|pushes|pushed|hit|hits|punch|punches|punched|kick|kicks|kicked|slap|slapped|film|filmed|filming|gang up on|ganged up on|spread rumours about|spreading rumours about|talk about|talking about|talk behind) me (at|in|on|after|every|everyday|all|because|for|online|and|when|behind)',
      '(always|keep|keeps|kept|constantly|still) (ignoring|laughing at|picking on|making fun of|bullying|teasing|mocking|threatening|hitting|pushing|kicking|excluding|leaving out) me',
      '(kicked|removed|left|blocked) me (out of|from) [the] (group chat|gc|groupchat|group|chat)',
      '(group chat|gc|groupchat|snapchat group|whatsapp group) (about me|to (bully|mock|laugh at|hate on) me|where they (bully|mock|laugh at|talk about) me)',
      '(posted|shared|sent|spread|put) (a|an) (embarrassing|ugly|edited|fake|horrible|mean) (video|photo|pic|picture|meme|screenshot) of me',
      '(video|photo|pic|picture|meme) of me (going round|around school|everywhere|on snapchat|on tiktok|on instagram|in the group chat)',
      '(scared|afraid|too scared|frightened) to go (to|into) school',
      '(dont|do not|never) want to go (to|back to) school (because|bc|cos|coz|cuz) [of] (bullies|the bullies|people|everyone|they|the girls|the boys|of them)',
      '(everyone|everybody|people|the whole (school|class|year)) ... (laughs at|laugh at|ignores|ignore|avoids|avoid) me',
      '(i am|im|i feel) (left out|excluded|ignored) (at|in|by) (school|my class|everyone|my friends)',
      '(they|people|everyone) (call|calls|called) me (fat|ugly|gay|a loser|names|stupid|a freak|a slut|a slag)',
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
  sources: [SOURCES.seeds, SOURCES.hwbIllegal, SOURCES.antiBullying],
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
