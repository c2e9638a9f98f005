import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const PICS =
  '(nudes|nude (pics|pictures|photos)|naked (pics|pictures|photos|selfies|videos)|(pics|pictures|photos) of my body|private (pics|pictures)|dirty (pics|pictures))';
const ASKED = '(asked|asks|asking|wants|keeps asking|told|tells|forced|pressured|pressuring|begging|made)';

/** Where a child meets someone online. */
const APP =
  '(online|the internet|roblox|discord|snapchat|snap|tiktok|instagram|insta|fortnite|minecraft|xbox|playstation|psn|whatsapp|omegle|kik|telegram|a game|a gaming app|an app|wizz|yubo|twitch|reddit)';
const WANTS = '(wants|asked|asks|keeps asking|told|tells|made|makes|pressured|forced)';
/** A picture of the body ("my" and "the" between are fillers; plurals are the matcher's job). */
const BODY_PIC =
  '((pic|photo|picture|selfie|video) (of|in|without) (body|chest|boob|bum|underwear|bra|pants|bikini|pyjamas|shower|bath|clothes|top)|(body|underwear|bra|bikini|shower|bath) (pic|photo|picture|selfie|video))';
const CHILD_AGE = '(9|10|11|12|13|14|15)';
const ADULT_NUM = '(18|19|20|21|22|23|24|25|26|27|28|29|30|31|32|35|40|45|50)';
const ADULT_AGE = `(${ADULT_NUM}|an adult|a grown up|a grown man|twice my age)`;

/** Grooming and sexual exploitation: what a child says when it is happening to them. */
export const GROOMING_EN: PhraseSection = {
  id: 'grooming.en',
  category: 'grooming',
  topic:
    'grooming and sexual exploitation: secrecy, meeting up, gifts for pictures, blackmail, abuse disclosed',
  language: 'en',
  sources: [
    SOURCES.childnetGrooming,
    SOURCES.nspccGrooming,
    SOURCES.seeds,
    SOURCES.ceop,
    SOURCES.iwf,
    SOURCES.kcsie,
  ],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(asked|asks|asking|wants|keeps asking|pressured|pressuring|forcing|forced|begging|made) me (to send|for|to take) (nudes|pics|pictures|photos|a picture|a photo|videos)',
      `${ASKED} me to (keep (it|this|our chats|our messages) secret|not tell (anyone|my parents|my mum|my dad))`,
      `(keep|keeping) (it|this|our chats|our messages|our relationship) secret from (parents|mum|mom|dad|family|teachers)`,
      '(dont|do not|never) tell your (parents|mum|mom|dad|family|teacher) about (us|me|this|our chats)',
      '(its|it is|this is) our [little]secret',
      '(wants|asked|asks|keeps asking) [me] to meet [up] (in real life|irl|alone|at (his|her|their) house|without telling)',
      '(meet|meeting|meet up with) (someone|a guy|a man|a girl|a friend|him|her) (i met|from) (online|the internet|a game|roblox|discord|snapchat|tiktok)',
      '(online|internet) (boyfriend|girlfriend|friend) (wants|asked) to meet',
      'older (man|guy|boyfriend|person) (wants|asked|is asking) [me] (to|for)',
      '(money|gifts|robux|vbucks|v bucks|gift cards|skins) (for|to send|if i send) (pics|pictures|photos|nudes)',
      '(threatening|threatened|threatens|going) to (share|post|send|leak) my (nudes|pics|pictures|photos|videos)',
      'someone (is blackmailing|blackmailed|blackmails) me',
      '(sextortion|sextorted|sextortion scam)',
      '(wants|asked|told) me to (go on|turn on|use) (camera|cam|webcam|video call|facetime) (naked|with no clothes|without clothes|and undress)',
      '(undress|get naked|take my clothes off) (on|for) (camera|cam|webcam|video call|facetime|him|her|them)',
      '(touched|touches|touching|keeps touching) me (down there|inappropriately|where i (dont|didnt|did not|do not) want|in my private (parts|areas))',
      '(i was|i got|i have been|ive been|i think i (am|was) being) (raped|sexually assaulted|molested|abused|groomed)',
      '(he|she|they|someone) (raped|molested|sexually assaulted|abused|groomed) me',
      'am i being groomed',
      '(roblox|discord|fortnite|minecraft|snapchat|tiktok|instagram|online|game|internet|app) ... (wants|asked|asking|keeps asking) [me] to meet [up]',
      '(being|been|getting) groomed',
      'grooming me',
      '(he|she|they) (said|says) (he|she|they) (loves|love) me and (is|are|im|i am) (older|20|21|25|30)',
      '(boyfriend|girlfriend) is [much]older [than me]and (wants|asked)',
      // Widened from guidance (stop 27): the signs Childnet, NSPCC/Childline and CEOP list (secrecy,
      // meeting up, images, gifts for images, isolation, "which room is your computer in", moving to a
      // private app, blackmail), told by the child in their own words and any word order.
      `${WANTS} me to (meet [up] (in person|irl|in real life|alone|at his house|at her house|at their house|without telling|secretly)|keep (it|this|us|our chats|our messages|our chat|our relationship) (secret|a secret|between us|from my parents)|not tell (anyone|my parents|my mum|my dad|my mom|my family)|go on (cam|camera|webcam|facetime|video call) [naked|alone|at night]|turn on my (camera|cam|webcam)|take off my (clothes|top|shirt|trousers)|undress|show (him|her|them) my (body|chest|boobs|bum|privates))`,
      `(met|know|talk to|play with|chat to|chat with|speak to) ... ${APP} ... (wants|asked|asks|told|tells|sent|sends|is asking|keeps asking) me`,
      `(asked|asks|wants|keeps asking|told|pressured|made) me ... ${BODY_PIC}`,
      `(send|sending|sent) ... ${BODY_PIC}`,
      `${WANTS} me (to|for) (my address|my home address|where i live|my school|what school i go to|my number|my phone number)`,
      `${WANTS} me (to delete|to clear) (our|the|his|her|all the|all our) (chats|messages|conversation|conversations|texts|snaps|pics|photos|dms)`,
      `${WANTS} me (to|not to) (tell|talk to) (anyone|my (parents|mum|mom|dad|family|friends|teacher|teachers))`,
      `${WANTS} me to (move|talk|chat|go|switch) (to|on) (snapchat|snap|whatsapp|telegram|kik|discord|a private chat|private|dms|another app|a different app|signal)`,
      `(asked|asks|asking|keeps asking|wants to know) [me] (what (im|i am|i was|i m) wearing|if (im|i am) (alone|home alone|on my own|by myself)|if my (parents|mum|mom|dad) (are|is) (home|in|around|watching)|which room (my|the) (computer|laptop|phone|ipad) is in|if (ive|i have) ever been kissed|if (im|i am) a virgin|about my body|how big my)`,
      `(says|said|told me|tells me|keeps saying) (im|i am|i was) [so] (mature|grown up|beautiful|sexy|hot|special) for my age`,
      `(says|said|told me|tells me|keeps saying) (no one|nobody|noone) (would|will) (believe|understand) me`,
      `(says|said|told me|tells me|keeps saying) (its|it is|this is) (normal|ok|okay|fine) (for us|to do this|between us|because he loves me|because she loves me)`,
      `(gave|gives|sent|sends|bought|buys|offered|offers|offering|promised|will give|pays|paid) me (robux|vbucks|v bucks|money|cash|gift card|skins|a phone|clothes|presents|gifts|nitro|alcohol|vapes) ... (pics|pictures|photos|nudes|a pic|a picture|a video|videos|meet|keep it secret)`,
      `(robux|vbucks|v bucks|money|gift card|gift cards|skins|nitro) (for|in exchange for|to send) (pics|pictures|photos|a pic|a picture|videos|a video|feet pics|my pics|selfies)`,
      `(is|s) ${ADULT_AGE} and (i am|im) ${CHILD_AGE}`,
      `(i am|im) ${CHILD_AGE} and ... (is|s) ${ADULT_AGE}`,
      `(is|s) ${ADULT_AGE} and (wants|asked|asks|keeps asking) (me|to meet|to date)`,
      '(older|adult) (boys|men|guys|lads) (give|gave|buy|bought|get|got) (me|us) (alcohol|vodka|drink|drugs|weed|vapes|gifts|lifts|money|presents)',
      `(unless|if i dont|if i do not|or else) [i] (pay|send (more|money|another|him|her)|give (him|her|them) money|do what (he|she|they) (says|say))`,
      `(pay|send money|send more) or (he|she|they|he ll|she ll|theyll) [will] (share|post|send|leak|expose|show)`,
      '(has|have|got|screenshotted|saved|recorded) (nudes|pics|photos|video|pictures) and (wants|is asking for|asks for|demands) (money|more|robux|gift cards)',
      `(made|makes|forced|forces|forcing|tried to make|told) me (touch (him|her|his|them)|do sexual|do sexual things|do stuff|do things|watch porn|watch (him|her)|have sex|take my clothes off|kiss (him|her))`,
      `(touched|touch|touches|touching|grabbed|grabs) (my|me on my|me in my) (private|privates|private parts|private area|bum|chest|boobs|breasts|willy|vagina|penis|thigh|thighs|crotch)`,
      `(showed|shows|sent|sends) me (his|her) (private parts|privates|willy|penis|dick|body|naked body)`,
      '(is|keeps|has been|was|keep) (asking|asked|asks) [me] for (pics|pictures|photos|nudes|my address|my number|my snap|feet pics|videos)',
      '(asl|a s l) ... (send|pic|pics|photo|photos|picture|pictures|selfie|snap|address|where do you live|pic of you|face|body|cam)',
    ],
    medium: [
      '(sexual abuse|sexually abused|sexual exploitation|child sexual exploitation|cse|molested|molestation)',
      'grooming',
      'groomer',
      '(rape|raped|rapist)',
      '(sexual assault|sexually assaulted)',
      'online (boyfriend|girlfriend)',
      'met (him|her|them|someone) online',
      'how old do you have to be to (have sex|date an adult)',
      'is it (ok|okay|illegal|wrong) to date (someone|a man|a guy|an adult) (older|18|19|20|21|22|25)',
      'age gap (relationship|dating)',
      `(dating|going out with|seeing|talking to) (a|an) ${ADULT_NUM} (year old|yo|man|guy)`,
      // Widened (stop 27): a groomer's lines and the child asking about them.
      'what (are|r) (you|u) wearing',
      '(are|r) (you|u) (alone|home alone|on your own|by yourself)',
      '(are|r) (your|ur) (parents|mum|mom|dad) (home|in|around|watching|asleep)',
      '(mature|grown up) for (your|ur) age',
      '(keep|keeping) (this|it|us) (between us|our secret|a secret)',
      '(dont|do not|never) tell (anyone|your parents|ur parents|your mum|your mom|your dad) (about|we|that)',
      '(delete|deleting) (our|these) (chats|messages|conversation)',
      '(send|sent|snd) [me] [more|another] (pic|photo|selfie|picture) (of you|of urself|of yourself|please|pls|plz|babe|baby|hun)',
      '(meet|meet up|meeting) (someone|a person|a guy|a man|a girl|a friend) (from|i met) (online|the internet|a game|roblox|discord|snapchat)',
      'is it (safe|ok|okay) to meet (someone|a friend|a person) (from|i met) (online|the internet|a game)',
      '(sugar daddy|sugar daddies|sugar baby|sugar babies)',
      'my (online friend|online boyfriend|online bf|internet friend) (is|says|wants|asked)',
    ],
    low: ['stranger danger', '(omegle|ome tv|ometv|chatroulette|monkey app|emerald chat|wizz app|yubo)'],
  },
};

/** Sharing nudes and semi-nudes ("sexting"): asking, sending, being sent, and it being shared. */
export const SEXTING_EN: PhraseSection = {
  id: 'sexting.en',
  category: 'grooming',
  incidentKind: 'sharing-nudes',
  topic: 'sharing nudes and semi-nudes (sexting): asked, sent, received, shared on',
  language: 'en',
  sources: [
    SOURCES.childnetGrooming,
    SOURCES.nspccGrooming,
    SOURCES.hwbNudes,
    SOURCES.ceop,
    SOURCES.iwf,
    SOURCES.kcsie,
  ],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `(send|sending|sent|share|shared) [him|her|them|my boyfriend|my girlfriend|someone] ${PICS}`,
      `how to (send|take) ${PICS}`,
      `(shared|posted|leaked|spread|screenshotted) my ${PICS}`,
      `${PICS} (got|were|have been|are being) (shared|leaked|posted|sent round|spread)`,
      `how to (delete|remove|take down|get back)${PICS}`,
      '(report|remove) (nudes|nude pics|naked pics) (online|from the internet)',
      'take it down (nudes|naked|pics|photos)',
      '(he|she|they|someone|a man|a guy) (sent|keeps sending|sends) me (nudes|dick pics|a dick pic|naked pictures|naked pics|his dick|porn)',
      'snapchat (nudes|naked)',
      '(nude|naked) (snap|snaps|snapchat)',
      'rate my (nudes|body)',
      // Widened (stop 27): IWF and CEOP on self-generated images and nudification.
      `(pic|pics|photo|photos|picture|pictures|nudes) of (girls|boys|a girl|a boy|someone|people|kids) (in my class|at my school|from my school|in my year|my age)`,
      '(nudify|undress|remove the clothes from|take the clothes off) [a|my|her|his|this] (photo|picture|pic|classmate|friend|girl|boy|teacher)',
      '(i|i have|ive) (sent|shared) (nudes|a nude|naked pics|naked photos|a naked picture|pics of my body)',
    ],
    medium: [
      '(sexting|sext|sexted)',
      'nudes',
      '(dick|dic|cock) pic',
      'is it illegal to (send|have|keep) (nudes|naked pictures|naked pics)',
      'what (age|age do you have to be) to send (nudes|naked pictures)',
      '(nudify|nudifier|undress ai|deepnude|deep nude|ai nudes|ai nude|clothes remover) [app|ai|website|bot|tool]',
      '(send|sending) (nudes|pics) (for|to) (money|robux|vbucks|followers)',
    ],
  },
};
