import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Where a child meets someone online. */
const APP =
  '(online|roblox|discord|snapchat|snap|tiktok|instagram|insta|fortnite|minecraft|xbox|playstation|whatsapp|omegle|kik|telegram|a game|an app|twitch|among us|vrchat)';
/** Someone who may be grooming: an adult, a stranger, or anyone met online. */
const CONTACT =
  '(a man|a guy|an adult|a grown up|someone|somebody|a stranger|an older|this guy|this man|this person)';
const ASKED = '(ask|keep asking|want|wanted to know|want to know|tell me to|made me|beg|pressure me)';
const IMAGE = '(pic|picture|photo|selfie|video|nude|snap|vid|something back|one back)';
/** What a groomer asks to know: where the child is, who they are, whether they are alone. */
const FINDS =
  '(address|postcode|where i live|what school|which school|my school|how old i am|what age i am|my age|my number|my real name|if im alone|if im home alone)';
const SECRET =
  '(not to tell|dont tell|shouldnt tell|cant tell|mustnt tell|never tell|not tell|keep it secret|keep it a secret|keep it between us|our secret|our little secret)';
const FAMILY = '(mum|mam|mom|dad|parents|family|anyone|teacher|friends)';

/**
 * Grooming told as what happened (stop 29): an adult, a stranger or someone met online asked,
 * sent, paid or told, and what for (pictures, secrecy, meeting, where the child lives, how old
 * they are). The child rarely names it; CEOP, NSPCC and Childnet list these as the signs (being
 * asked for personal details, gifts or money then a request, being told to keep secrets,
 * flattery from an older contact, threats after an image is sent). General families, no test text.
 * Inflections are the matcher's (ask, asks, asked, asking are one word).
 */
export const GROOMING_TOLD_EN: PhraseSection = {
  id: 'grooming-told.en',
  category: 'grooming',
  topic: 'grooming told as what happened: asked, sent, paid, told to keep secrets, threatened',
  language: 'en',
  sources: [SOURCES.ceop, SOURCES.nspccGrooming, SOURCES.childnetGrooming, SOURCES.iwf, SOURCES.kcsie],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `${CONTACT} ... ${ASKED} ... ${FINDS}`,
      `(older|an adult|a grown up|lying about his age|lying about her age) ... (want|ask|keep asking) ... (${FINDS}|to meet|pic|picture|photo|nude|my snap)`,
      `(send|give|pay|buy) me (money|cash|robux|vbucks|gift card|skin|a gift|present) ... (want|ask|expect|say i owe) ... ${IMAGE}`,
      `(pay|give me money|give me robux|send me money) (me|you|u) (for|to send|if i send|in exchange for) ... ${IMAGE}`,
      `(say|said|tell me|told me) ... ${SECRET} ... about (him|her|them|us|our chats|what we|what happened|the pics|the money)`,
      `${APP} ... (say|said|tell me|told me) ... ${SECRET}`,
      `${CONTACT} ... (say|said|tell me|told me) ... ${SECRET}`,
      `(only|no one but|nobody but) (he|she|him|her) (understand|get|love|care about) me ... ${SECRET}`,
      '(video|video call|cam|camera|facetime|call|live|pic|photo) (with no|without (a|my|any)|without) (top|clothes|shirt|bra|trousers|pants|clothes on)',
      `(send|share|give|show) ... ${IMAGE} ... (threaten|blackmail|going to share|going to post|going to send|gonna share|gonna post|want money|want more|demand)`,
      `${APP} ... (say|said|told me|call me) (im|i am|i look) (pretty|beautiful|cute|hot|sexy|mature)`,
      '(get|have|make) my (nude|pic|photo|picture|video) (taken|removed|deleted|took) (off|down)',
    ],
    medium: [
      `(he|she) (say|said|told me) ... ${SECRET} ... ${FAMILY}`,
      '(is it|its) (ok|okay|bad|wrong|normal|illegal|safe) (to|if i) (send|sent) (pic|picture|photo|nude) to ... (boyfriend|girlfriend|bf|gf|crush|boy|girl)',
      '(is it|its) (ok|okay|normal|wrong|illegal|bad|weird) (to|if i) (date|go out with|be with) ... (older|years older|18|19|20|21|22|25|twice my age|an adult)',
      '(only|no one but|nobody but) (he|she|him|her) (understand|get|really know) me',
    ],
  },
};
