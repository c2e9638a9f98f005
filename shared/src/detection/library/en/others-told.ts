import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/**
 * The other categories told as facts and asked in slang (stop 29): general families written from
 * the guidance in ../sources.ts (Prevent and the proscribed list on extremist slogans and
 * attack-seeking, Talk to Frank on drug slang, KCSIE and the Anti-Bullying Alliance on how
 * children describe bullying and threats, the Gambling Commission on under-18 gambling). No test text.
 */

const ATTACK =
  '(christchurch|buffalo|el paso|utoya|halle|manchester arena|manchester|london bridge|westminster|southport|nice|paris|bataclan|9 11|911|7 7|columbine|parkland|uvalde|sandy hook)';

export const EXTREMISM_TOLD_EN: PhraseSection = {
  id: 'extremism-told.en',
  category: 'extremism',
  topic: 'extremism told and asked: attack footage, attack copying, supremacist slogans, readiness',
  language: 'en',
  sources: [SOURCES.preventDuty, SOURCES.proscribed, SOURCES.kcsie],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `(watch|see|find|download|where is|link to|link for|full) ... ${ATTACK} (video|footage|livestream|live stream|stream|shooting video|attack video)`,
      `${ATTACK} (shooting|attack|bombing|shooter|bomber) (video|footage|livestream|uncensored|full|link|unedited)`,
      `(make|build) (a|an) (bomb|ied|pipe bomb|nail bomb|explosive) (like|as in|from) ... (${ATTACK}|attack|bomber|bombing)`,
      '(how to|how do i|how can i|ways to|where to) (make|build|get) (a bomb|bombs|explosives|an explosive|a pipe bomb|a nail bomb|an ied|tatp|thermite|napalm)',
      '(join|joining|fight for|fight|stand up for|defend|save) (the|our) (white race|white people|aryan race|european race|race war|fatherland|caliphate|ummah against)',
      '(do something|take action|act|fight back|strike) (about|against) (them|the immigrants|the muslims|the jews|the invaders|the kuffar|the infidels) ... (ready|before it|now|soon|take over)',
      '(before|until) (they|them|immigrants|muslims|jews|the invaders) (take over|replace us|outnumber us|win)',
      `(hero|saint|legend|icon|based|right) ... (tarrant|breivik|elliot rodger|dylann roof|anders breivik|the christchurch shooter|the buffalo shooter)`,
    ],
    medium: [
      '(hitler|the nazis|nazism|fascism) (was|were|is|are) (right|a hero|heroes|good|correct|the good guys|based|misunderstood)',
      '(is|was|were) (hitler|the nazis|nazis) [actually|really|secretly] (a hero|right|good|the good guys)',
      '(white|european|aryan) (race|people|children) (will|are going to|is going to|are gonna|gonna) (be|go) (extinct|replaced|wiped out|gone)',
      '(great replacement|white genocide|replacement) (theory|proof|is real|evidence|explained|true)',
      '(remove|deport|send back|get rid of) (all|every) (immigrants|muslims|foreigners|jews|refugees|migrants)',
      '(kuffar|kafir|infidels|race traitor|race traitors) (must|should|deserve to) (die|pay|be punished)',
    ],
  },
};

export const SUBSTANCES_TOLD_EN: PhraseSection = {
  id: 'substances-told.en',
  category: 'substance-abuse',
  topic: 'drugs asked in slang, mixed, sold at school, and criminal exploitation told as favours',
  language: 'en',
  sources: [SOURCES.talkToFrank, SOURCES.kcsie],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(older boys|older kids|the olders|a gang|some guys|men) (give|pay|offer) (me|us) ... (to|for) (carry|hold|drop|deliver|move|run)',
      '(carry|carrying|hold|holding|drop|dropping|deliver|delivering|run|running) (bags|packages|parcels|a bag|a package|a parcel|stuff|things|a phone|the phone) (for|to) (them|older boys|the olders|a gang|some guys|my cousins mates|people i dont know)',
    ],
    medium: [
      '(how much|how many) (xanax|xans|bars|benzos|codeine|lean|ket|mdma|pills|molly|edibles|gummies|acid|tabs|shrooms) ... (to get high|to trip|to feel it|to get messed up|to get wasted|to get faded|for a first time|is safe|should i take)',
      '(mix|take) (alcohol|vodka|drink|weed|pill|xanax|codeine|lean) (and|with) ... (to get|and get) (high|wasted|drunk|faded|messed up)',
      '(k hole|k holed|khole|k holing|green out|greened out|greening out|whitey|whiteyed|pulling a whitey|tripping balls|nodding out|gurning|gurn|bag of white|sniff (coke|lines)|line of coke|lines of coke|bump of ket|key of ket|xan bar|xan bars)',
      '(sell|deal) (edible|weed|vape|thc vape|cart|pill|coke|xans|ket|drug|gummy|brownie) (at|in|round|around) (school|college|the park|class|my school|lunch|break)',
      '(someone|somebody|a kid|a boy|a girl|people|he|she|they) (at|in|from) (school|my class|my year|college) (is|are|was|were) (selling|dealing|giving out)',
    ],
  },
};

export const VIOLENCE_TOLD_EN: PhraseSection = {
  id: 'violence-told.en',
  category: 'violence',
  topic: 'violence told as plans and questions, and violence at home disclosed',
  language: 'en',
  sources: [SOURCES.kcsie, SOURCES.violencePreventionWales],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(bring|take|brought|took|carry) ... (knife|blade|machete|zombie knife|gun|air rifle|bb gun|knuckle duster|pepper spray) (in|into|to) (school|college|class)',
      '(knife|blade|machete|gun|something sharp) (in|into) my (bag|pocket|blazer|locker|coat|hoodie) (for|to use on|in case) (him|her|them|someone|that boy|that girl|tomorrow|after school)',
      '(how hard|where) ... (hit|punch|kick) (someone|a person|him|her|somebody) (to|so) ... (knock|unconscious|pass out)',
      '(make|build) (pepper spray|mace|acid|a weapon|a shank|a shiv|a taser|a zip gun) (to use|to spray|to throw|for) (on|at|against) (someone|him|her|them|people|a person)',
      '(he|she|they|hes|shes|theyre|theyll) ... (regret|pay for|be sorry for) (it|this|that|what) ... (bag|knife|something for|got something|after school|wait and see)',
      '(get|got|getting|jump|jumping|rush|rushing|do|doing) (him|her|them|that boy|that girl) (after school|outside school|at the gates|on the way home|tomorrow) ... (regret|pay|sorry|wont know|knife|shank|bleed)',
    ],
    medium: [
      'my (dad|step dad|stepdad|mum|mam|mom|step mum|brother|sister|uncle|mums boyfriend|mams boyfriend|carer) (hit|beat|punch|kick|slap|hurt|choke|throw things at|lock) (me|us|my mum|my mam|my sister|my brother)',
      '(threaten|threatened|said|going|gonna) ... (jump|beat up|batter|stab|shank|smash|rush|merk|bang) (me|us|my brother|my friend) (after school|on the way home|outside|at the park|at the gates|tomorrow|later)',
      '(want|wanna|going|gonna) [to] (get|hurt|batter|bang|merk|smash|end) (him|her|them|someone) (back|for what|after what|cos|because)',
    ],
  },
};

export const BULLYING_TOLD_EN: PhraseSection = {
  id: 'bullying-told.en',
  category: 'discrimination',
  incidentKind: 'cyberbullying',
  topic: 'bullying told as what happens: left out, laughed at, posted about, pushed, called names',
  language: 'en',
  sources: [SOURCES.antiBullying, SOURCES.hwbBullying, SOURCES.kcsie],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(telling|tell|told|tells|keep telling|keeps telling|saying|said|says) me to [go] (kill myself|kms|die|unalive myself|hang myself|end it|drink bleach)',
      '(kys|go die|go kill yourself|neck yourself|unalive yourself|drink bleach)',
    ],
    medium: [
      '(make|made|start|set up|create) ... (group chat|gc|group|page|account|tiktok|video|meme|fake account) ... (make fun of|mock|laugh at|roast|hate on|bully|slag off|expose) (me|her|him|us)',
      '(post|share|upload|made|make) ... (tiktok|video|pic|photo|picture|story|meme|post|page) (making fun of|about|of|mocking|laughing at|roasting|to make fun of) me',
      '(make|get|stop) (them|people|someone|everyone|kids) ... (post|share|upload|spread) (video|pic|photo|stuff|meme|rumour|lie) (of|about) me',
      '(wont|will not|dont|do not|never) (let|lets) me (sit|play|join|hang out|be) (with|in) (them|their|the group|us)',
      '(no one|nobody|noone|none of them|everyone refuses to) (sits|sit|will sit|wants to sit|plays|talks|will talk|speaks) (near|with|next to|to) me',
      '(everyone|they|people|the other kids|kids|the whole class|my class) [all] (laugh|laughs|laughing|stare|stares|whisper|whispers|point) (at me|when i|whenever i|every time i)',
      '(they|kids|people|everyone|boys|girls|someone) ... (say|call) (i|im|me) (smell|stink|ugly|fat|a freak|weird|disgusting|a loser|gay|a nerd|poor|a tramp|smelly)',
      '(shove|push|trip|hit|kick|punch) me ... (take|took|steal|stole|break|broke|throw|threw|hide|hid) my (stuff|thing|bag|phone|lunch|money|pencil case|book|shoe|coat)',
      '(called|calling|call|calls) [me] (gay|a faggot|a fag|a lesbian|a dyke|a tranny|the n word|a paki|a terrorist|a monkey|retarded|a retard|autistic|a spastic) (as an insult|every day|all the time|at school|in class|on the bus|in the group chat)',
      '(being|get|getting|got) (called|called names|bullied|picked on|left out|excluded|ignored|laughed at|made fun of) (every day|all the time|at school|for being|because i|because im|cos im)',
      '(why|how come) (does|do) (everyone|everybody|people|they|nobody|no one) (exclude|ignore|hate|leave out|pick on|laugh at|avoid) me',
      '(how to|how do i|how can i|ways to) (make someone|make her|make him|make them) (cry|feel bad|feel worthless|hate themselves|upset) [with words|by texting|online|over text|on snap|in the group chat]',
      '(people|someone|they|kids) ... (post|say|write|spread) (mean|nasty|horrible|hurtful|rude) (thing|stuff|comment|rumour|lie) (about|to) me',
    ],
  },
};

export const GAMBLING_TOLD_EN: PhraseSection = {
  id: 'gambling-told.en',
  category: 'gambling',
  topic: 'gambling under 18 told and asked: apps without age checks, losses, betting in games',
  language: 'en',
  sources: [SOURCES.gamblingCommission],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    medium: [
      '(betting|gambling|casino|slot|poker|roulette) (app|site|website) ... (dont|do not|wont|doesnt|no) (check|ask for|need|verify) (age|id|your age|my age)',
      '(lost|lose|spent|blew|waste|gambled away|bet) ... (money|cash|savings) (on|at|in) (betting|bet|gambling|slot|a slots app|slots app|casino|poker|roulette|case opening|scratch card|loot box)',
      '(gamble|gambling|bet|betting) (on|in|with) (roblox|fortnite|csgo|cs2|cs go|skins|fifa|fc|minecraft|twitch|discord|robux)',
      '(can|could) ... (13|14|15|16|17|kid|under 18s|teenager|under 18) ... (bet|gamble|use betting apps|play slots|play poker) [online]',
      '(how to|ways to|can i) (bet|gamble|get a betting account|open a betting account) (under 18|underage|without id|at 15|at 16|at 17|with my mums card|with my dads card|with a fake id)',
    ],
  },
};

export const CIRCUMVENTION_TOLD_EN: PhraseSection = {
  id: 'circumvention-told.en',
  category: 'proxy-vpn',
  incidentKind: 'circumvention',
  topic: 'getting past the school filter, said any way',
  language: 'en',
  sources: [SOURCES.dfeStandards],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    medium: [
      '(get|bypass|dodge|sneak) (past|round|around) ... (wifi|wi fi|internet|filter|block|blocker|firewall|restriction|securly|smoothwall|lightspeed|goguardian|waymark|netsweeper|web filter)',
      '(unblocked|unblock) (games|game|sites|websites|youtube|tiktok|discord|roblox) (proxy|proxies|site|link|links|for school|at school|on chromebook|66|76|77|911|wtf|premium)',
      '(proxy|proxies|vpn|vpns) (for|to use at|on) (school|a school chromebook|my school laptop|chromebook|college)',
    ],
  },
};
