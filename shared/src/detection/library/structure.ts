import type { Risk } from '../types';

/** A Welsh term: read back from its mutated forms ("farw" is "marw"), which English words never are. */
export interface WelshTerm {
  cy: string;
}
const cy = (phrase: string): WelshTerm => ({ cy: phrase });
/** Terms in the phrase syntax; Welsh ones marked. */
export type Terms = ReadonlyArray<string | WelshTerm>;

/**
 * The word families of the structural rule (see ../structure.ts): who (a person), wanting or
 * planning (an intent), and what (a harm), found close together in one sentence in any wording.
 * Written from the guidance in ./sources.ts (Childline and Samaritans on how children say they
 * want to die or disappear, CEOP and NSPCC on what groomers ask for, KCSIE on threats of
 * violence), never from a test set: each family is the general word, and the matcher's spelling,
 * shorthand and Welsh mutation handling applies to it as to the phrases. Phrase syntax as in the
 * library: `(a|b)` alternatives, `[a]` optional.
 */

/** The pupil: the subject of "i want to die", or the one a reading is about. */
export const SELF: Terms = [
  '(i|me|myself|my self|meself|i am|i have|i would|i will|i had|i was)',
  // Welsh: "dw i", "rydw i", "fi", "wi"
  cy('(fi|dwi|dw i|rydw i|rwyf|rwy|wi|mi)'),
];

/** Someone else the pupil is worried about ("my friend says she wants to die"). */
export const CONCERN: Terms = [
  '(he|she|they|we|he is|she is|they are|we are|he was|she was|he has|she has)',
  '(friend|best friend|mate|bestie|bff|sister|brother|cousin|girlfriend|boyfriend|someone|somebody|ffrind)',
];

/** Who a harm is done to, when it is the pupil or someone they are with (self-harm). */
export const REFLEXIVE: Terms = [
  '(myself|my self|meself|mysef|himself|herself|themselves|themself|yourself|your self|urself|ourselves)',
  cy('(fy hun|fy hunan|fi fy hun|ei hun|ei hunan|eu hunain)'),
];

/** Who a harm is done to, when it is someone else (violence). "me" only with someone else's intent. */
export const TARGET: Terms = [
  '(him|her|them|you|someone|somebody|everyone|everybody|people|me)',
  '(teacher|teachers|mum|mam|dad|stepdad|stepmum|brother|sister|boy|girl|kid|kids|pupils|students|classmates|class|bully|bullies|school|year 7s|year 8s|year 9s|year 10s|year 11s)',
  cy('(fe|fo|hi|nhw|ti|chdi)'),
];

/** Who a harm is done to when the target is a people or a place of worship (extremism). */
export const GROUP_TARGET: Terms = [
  '(mosque|mosques|church|churches|synagogue|synagogues|temple|temples|gurdwara|muslims|jews|jewish people|immigrants|refugees|asylum seekers|black people|white people|gay people|trans people|christians|hindus|sikhs)',
];

/** Wanting, planning, or thinking about doing something. */
export const INTENT: Terms = [
  '(want|wanted|wanna) [to]',
  '(going|gonna) [to]',
  '(plan|planning|planned|ready|decided|about|trying|try|need|gotta) to',
  'plan',
  '(wish|wishing|wished)',
  '(think|thinking|thought|thoughts) [a lot|alot|so much|loads|all the time|every day|everyday] (about|of)',
  '(should|shall)',
  // Welsh: eisiau and its spoken forms, "mynd i" (going to), "meddwl am" (thinking about)
  cy('(eisiau|isio|isho|ishe|moyn|mynd i|meddwl am)'),
];

/** A feeling rather than a wish or a plan ("i feel like dying"): flagged medium, not high. */
export const WEAK_INTENT: Terms = ['(feel|feeling|felt|feels) like', 'what if'];

/** Not wanting (cancels a wish to die; makes a wish not to live one). */
export const NEGATION: Terms = [
  '[do|does|did|will|would|could|can|am|is|are|was|were|should] (not|never)',
  'no',
  cy('(ddim|byth|nid|peidio)'),
];

/** Words that end a clause between an intent and a harm ("i want to go out but my phone is dying"). */
export const BREAKS: Terms = ['(but|because|if|when|while|unless|until|so that|or|than)'];

/** Words that start another noun between an intent and a harm: "i think my phone is going to die". */
export const OTHER_SUBJECT: Terms = ['(my|his|her|their|our|your|the|a|an|this|that|it|its)'];

export type HarmKind =
  /** Dying or ending one's life: the pupil or the person they worry about is the subject. */
  | 'death'
  /** Not living, existing, waking up: only with a negation before it ("i dont want to live"). */
  | 'life'
  /** A harm done to a person: self-harm with a reflexive object, violence with a target. */
  | 'harm'
  /** Restricting or purging (eating disorders, in the self-harm category). */
  | 'eating'
  /** What a groomer asks for: images, meeting, secrecy. */
  | 'grooming';

export interface HarmFamily {
  /** Unique, names the family in a match ("[rule] want + die"). */
  id: string;
  kind: HarmKind;
  phrases: Terms;
  /** For `harm` families: the risk when the target is someone else (violence); self-harm is high. */
  violenceRisk?: Risk;
  /** Grooming: also asked by an adult the child knows (images and secrecy; meeting a coach is ordinary). */
  trusted?: boolean;
  /** "kill me" said of someone else is usually a figure of speech ("my mum is going to kill me"). */
  notAtMe?: boolean;
}

export const HARMS: readonly HarmFamily[] = [
  {
    id: 'die',
    kind: 'death',
    phrases: [
      '(die|dead|death|suicide|commit suicide|kill myself|unalive|overdose|od|kms|sewerslide|suicidal)',
      '(end it|end it all|end things|end everything|end my life|end my own life|take my life|take my own life|end their life|end her life|end his life)',
      '(disappear|vanish|be gone|go away forever|not be here|sleep forever|never wake up|not wake up|stop existing|cease to exist|stop breathing)',
      // "I want it all to stop" (Childline, Samaritans): the pain or life itself ending
      '(it|it all|everything|all of it|all this|the pain|my life|life) to (stop|end|be over) [forever]',
      // the means, said as a plan (Samaritans media guidance: method)
      '(take|swallow|down) (all|loads of|a load of|the whole packet of|the whole box of|lots of|a bunch of) [my|the|mums|dads] (pills|tablets|meds|medication|paracetamol|painkillers)',
      '(jump|throw myself) (off|from|in front of) (a|the) (bridge|building|roof|cliff|train|car|bus|lorry|tower|car park)',
      cy('(marw|diflannu|lladd fy hun|gorddos|cysgu am byth)'),
    ],
  },
  {
    id: 'live',
    kind: 'life',
    phrases: [
      '(live|living|alive|exist|existing|here|be here|be born|born|wake up|be around|around|go on|carry on)',
      cy('(byw|bod yn fyw|deffro|dihuno|bod yma)'),
    ],
  },
  {
    id: 'kill',
    kind: 'harm',
    violenceRisk: 'high',
    notAtMe: true,
    phrases: ['(kill|murder|strangle|poison|drown|hang|suffocate|choke)', cy('(lladd|crogi|boddi|gwenwyno)')],
  },
  {
    id: 'hurt',
    kind: 'harm',
    violenceRisk: 'high',
    phrases: [
      '(stab|shoot|shoot up|knife|bomb|blow up|run over|set fire to|burn|hurt|harm|injure|cut|slash)',
      cy('(trywanu|saethu|brifo|niweidio|anafu|torri|llosgi)'),
    ],
  },
  {
    id: 'hit',
    kind: 'harm',
    violenceRisk: 'medium',
    phrases: ['(beat up|batter|punch|jump|hit|kick|headbutt|slap)', cy('(curo|taro|ymosod ar)')],
  },
  {
    id: 'starve',
    kind: 'eating',
    phrases: [
      '(starve|purge|make myself sick|make myself throw up|make myself vomit|throw up after eating|be sick after eating)',
      '(stop eating|not eat|skip meals|eat nothing) (completely|altogether|for good|forever|anything|at all|for days|all day|for a week|again|every day|til|till|until)',
      cy('(llwgu|peidio bwyta|stopio bwyta)'),
    ],
  },
  {
    id: 'images',
    kind: 'grooming',
    trusted: true,
    phrases: [
      '(send|sending|show|take) (pics|pictures|photos|a pic|a picture|a photo|nudes|videos|a video|selfies|more|snaps) [of me|of myself|of my body]',
      '(video call|facetime|go on cam|turn on my camera|take off my|undress|touch me)',
      cy('(anfon lluniau|lluniau)'),
    ],
  },
  {
    id: 'secrecy',
    kind: 'grooming',
    trusted: true,
    phrases: [
      '(keep it secret|keep it a secret|keep this secret|keep us secret|our secret|between us|not tell|not to tell|delete the messages|delete the chat|delete our messages|delete the chats)',
      cy('(cyfrinach|peidio dweud)'),
    ],
  },
  {
    // What a stranger asks to know (CEOP, Childnet): where the child lives, goes to school, how old they are.
    id: 'personal',
    kind: 'grooming',
    phrases: [
      '(address|home address|postcode|where i live|where you live|what school|which school|how old i am|how old you are|what age i am|my age|your age|phone number|real name|if im alone|if im home alone)',
      cy('(cyfeiriad|ble dw i n byw|faint ydw i)'),
    ],
  },
  {
    id: 'meeting',
    kind: 'grooming',
    phrases: [
      '(meet|meet up|meet me|meet in person|meet him|meet her|come over|come to his|come to her|visit him|get in his car)',
      cy('(cwrdd|cyfarfod)'),
    ],
  },
];

/** Someone a grooming disclosure is about: an adult or a stranger. */
export const ADULT: Terms = [
  '(man|men|guy|guys|older man|older boy|older guy|older girl|adult|grown up|stranger|bloke|dude|old man|someone older)',
  cy('(dyn|oedolyn)'),
];

/** Adults a child knows: a grooming contact when they ask for images or secrecy (KCSIE, NSPCC). */
export const TRUSTED_ADULT: Terms = [
  '(coach|tutor|neighbour|uncle|stepdad|step dad|mums boyfriend|teacher|youth leader|babysitter|lodger|family friend)',
];

/** Anyone: a contact only in a text that says where they were met online. */
export const ANYONE: Terms = ['(he|she|they|someone|somebody|this person|boy|girl|friend)'];

/** Where a stranger was met: "he" becomes a contact in a text about one of these. */
export const ONLINE: Terms = [
  '(online|insta|instagram|snap|snapchat|tiktok|discord|roblox|fortnite|minecraft|whatsapp|xbox|playstation|ps5|app|dm|dms|omegle|telegram|kik|twitch|chat|game|gaming|ar lein)',
];

/** Asking or pressing for something (grooming's intent: it is the other person's). */
export const ASKING: Terms = [
  '(ask|asks|asked|asking|keeps asking|keep asking|want|wants|wanted|told|tells|telling|said|says|begging|begs|making|made|pressuring|pressured|offered|offering|promised|trying to get|tried to get|going to|gonna)',
  cy('(gofyn|eisiau|isio|moyn|dweud)'),
];

/**
 * Innocent context for a structural match, anywhere in its sentence: figures of speech built from
 * the same words ("dying of laughter", "killing it", "bored to death", "dead tired"). The library's
 * benign phrases and schoolwork topics apply too.
 */
export const STRUCTURE_INNOCENT: Terms = [
  '(of|from) (laughter|laughing|embarrassment|boredom|cringe|shame|old age|happiness|excitement|hunger|thirst|heat|cold|natural causes)',
  '(die|dying|died) (laughing|happy)',
  '(killing|killed|kill) it',
  'to death',
  '(dead|deadly) (tired|funny|serious|good|easy|boring)',
  '(to die for|dying to|die for a)',
  '(die|dead) (if|when|once|in (this|the|that) (exam|test|lesson|class|match|heat|cold|queue))',
  '(in|on|at) (minecraft|roblox|fortnite|the game|a game|my game|this game|this level|the level|gta|among us)',
  '(hang|hanging) (out|around|on|up)',
  '(feelings|chances|reputation|grade|grades)',
  '(hit|hitting) (him|her|them|you|me) up',
  '(kick|kicking) (him|her|them|you|me) (out|off)',
  '(photos|pics|pictures|a photo|a pic|a picture) of (my|the|our|your) (homework|work|project|drawing|art|essay|book|dog|cat|garden|pet)',
  '(shoot|shooting) (a video|a film|hoops|the ball|goals|photos)',
  '(cut|cutting) (my|his|her|their|your) (hair|fringe|nails|losses)',
  '(live|living|exist) (in|at|with|near|on|there|abroad|here|like that|like this)',
  '(go on|carry on) (holiday|a trip|the trip|the ride|with|at|to|without|playing|talking)',
  '(wake up|here|be here|be around|around|born) (early|late|at|on|in|for|by|tomorrow morning|today|right now|with)',
  '(be gone|disappear|go away) (for|on|until|till|from|by|at|all)',
  '(meet|meet up|meet me|meet him|meet her|come over) (at school|after school|in town|for lunch|for dinner)',
  '(burn|burnt) (calories|fat|the toast|a cd|a dvd)',
  '(jump|jumping) (rope|higher|on the trampoline|the queue)',
  // games: dying and killing are how they are played
  '(in|on|at) (hardcore|survival|creative|ranked|the boss|a boss|this boss|the lobby|zombies|warzone|valorant|apex|cod|call of duty|pvp|bedwars|skyblock|the nether|the end|my world|a server|my server|the server)',
  '(respawn|respawning|speedrun|speedrunning|my character|my avatar|my sim|my sims|the npc|npc|mobs|the mob|creeper|ender dragon|the boss|boss fight|controller|headshot|loadout)',
  // reading and escaping into something
  '(disappear|vanish|escape|get lost|lose myself) into',
  // someone ill or old, a pet, a plant: worry, not intent
  '(in|at|from) (hospital|the hospital|a hospice|hospice|intensive care|a and e|a&e)',
  '(is|will|are) (she|he|my nan|nan|nain|my grandad|grandad|taid|my gran|my granny|my dog|my cat|my hamster|my fish|my pet|my plant|the plant|the fish|the dog|the cat)',
  '(cancer|covid|a heart attack|old age|dementia|an illness|being ill|the operation|surgery)',
  // devices and batteries
  '(phone|battery|laptop|ipad|tablet|controller|chromebook|airpods|headphones|torch|charger|console|switch|xbox|ps5|tv|wifi) (is|s|will|gonna|going|about)',
  // play and sport
  '(play fight|play fighting|playfight|messing about|messing around|mucking about|as a joke|for a laugh|in pe|in rugby|in boxing|in karate|in judo|at training|sparring|in a game of|in tag|in dodgeball)',
];

/**
 * Words that keep a harm grave after an innocent-looking word: "live in" is innocent before a place,
 * not before "this world" or "pain".
 */
export const STRUCTURE_GRAVE: Terms = [
  '(this world|the world|this body|my body|this family|this house|pain|fear|misery|this life|this hell|hell|my head|my own skin)',
];
