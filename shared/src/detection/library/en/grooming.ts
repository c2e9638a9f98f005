import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const PICS =
  '(nudes|nude (pics|pictures|photos)|naked (pics|pictures|photos|selfies|videos)|(pics|pictures|photos) of my body|private (pics|pictures)|dirty (pics|pictures))';
const ASKED = '(asked|asks|asking|wants|keeps asking|told|tells|forced|pressured|pressuring|begging|made)';

/** Grooming and sexual exploitation: what a child says when it is happening to them. */
export const GROOMING_EN: PhraseSection = {
  id: 'grooming.en',
  category: 'grooming',
  topic:
    'grooming and sexual exploitation: secrecy, meeting up, gifts for pictures, blackmail, abuse disclosed',
  language: 'en',
  sources: [SOURCES.childnetGrooming, SOURCES.nspccGrooming, SOURCES.seeds],
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
    ],
    low: ['stranger danger'],
  },
};

/** Sharing nudes and semi-nudes ("sexting"): asking, sending, being sent, and it being shared. */
export const SEXTING_EN: PhraseSection = {
  id: 'sexting.en',
  category: 'grooming',
  incidentKind: 'sharing-nudes',
  topic: 'sharing nudes and semi-nudes (sexting): asked, sent, received, shared on',
  language: 'en',
  sources: [SOURCES.childnetGrooming, SOURCES.nspccGrooming, SOURCES.hwbNudes],
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
    ],
    medium: [
      '(sexting|sext|sexted)',
      'nudes',
      '(dick|dic|cock) pic',
      'is it illegal to (send|have|keep) (nudes|naked pictures|naked pics)',
      'what (age|age do you have to be) to send (nudes|naked pictures)',
    ],
  },
};
