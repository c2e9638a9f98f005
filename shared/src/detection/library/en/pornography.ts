import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Pornography: sites, searches and the spellings used to get round filters. */
export const PORNOGRAPHY_EN: PhraseSection = {
  id: 'pornography.en',
  category: 'pornography',
  topic: 'pornography: sites, searches, filter-dodging spellings',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.algospeakNetsweeper, SOURCES.dfeStandards, SOURCES.iwf],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    medium: [
      '(porn|porno|pornography|pron|prawn hub|cornhub|corn hub|corn star|corn stars|corn videos|pornhub|xvideos|xnxx|xhamster|redtube|youporn|brazzers|spankbang|onlyfans|only fans|fansly|chaturbate|stripchat|camsoda|rule34|rule 34|r34|hentai|nhentai|xxx)',
      '(sex|seggs|secks|sexy) (videos|video|vids|movies|clips|chat|cam|cams|pics|pictures|photos|games|stories)',
      '(naked|nude|topless) (women|woman|girls|girl|men|man|boys|celebs|celebrities|pics|pictures|photos|videos)',
      '(hot|sexy) (naked|nude) (girls|women|pics|videos)',
      '(milf|milfs|camgirl|camgirls|cam girl|nsfw|lewd|lewds|ahegao)',
      '(blowjob|blow job|handjob|hand job|deepthroat|anal sex|creampie|gangbang|threesome|orgasm|masturbate|masturbation|dildo|vibrator|fleshlight)',
      '(boobs|tits|titties|pussy|dick|cock|penis|vagina) (pics|pictures|photos|videos|out)',
      '(strip|stripping|striptease) (video|videos|game|show)',
      '(sex|seggs) (with|position|positions|tips)',
      // Widened (stop 27): the paraphrases and site-hunting a filter sees (DfE standards; IWF on
      // self-generated imagery and nudification apps).
      '(free|watch|hd|best) (adult|xxx|nsfw|18 plus|over 18) (videos|sites|websites|content|movies|films|channels|clips|games)',
      '(adult|nsfw|18 plus|over 18|xxx) (sites|websites|videos|content|discord|discords|servers|subreddits|reddit|twitter|tiktok|chat|chats|games|apps)',
      '(sites|websites|apps) like (pornhub|onlyfans|xvideos|chaturbate|xnxx|omegle)',
      '(celebrity|celeb|celebs|influencer|streamer|tiktoker|youtuber|actress|singer) (nudes|naked|leaks|leaked pics|leaked photos|leaked videos|sex tape|nsfw)',
      '(sex tape|sextape|leaked nudes|nude leaks|onlyfans leak)',
      '(omegle|ome tv|ometv|chatroulette|monkey app|emerald chat) (naked|nude|boobs|flash|flashing|girls|18|adult|nsfw)',
      '(horny|nsfw|lewd|dirty) (chat|chats|discord|server|girls|pics|roleplay|rp|snapchat|snaps)',
      '(nsfw rp|erp|sex roleplay|sexting roleplay)',
      '(nudify|undress|clothes remover|nudifier|deepnude) (app|ai|website|bot)',
      '(how to|where to|where can i) (watch|find|see|get) (porn|naked|nudes|nsfw|adult videos|sex videos) (at school|on a school chromebook|without my parents knowing|for free|without paying)',
      '(naked|nude|topless) (girls|women|men|boys) (videos|pics|pictures|photos|gifs|live)',
      '(pornstar|porn star|camgirl|cam girls|stripper|strippers) (videos|pics|names)',
    ],
    low: [
      '(sex|seggs|sexy|boobs|tits|horny|nudity|kinky|erotic|fetish|bdsm)',
      'playboy',
      '(omegle|ome tv|ometv|chatroulette)',
    ],
  },
};

/** Child sexual abuse material: searching for it is a crime; always high, and the illegal-content procedure applies. */
export const CSAM_EN: PhraseSection = {
  id: 'csam.en',
  category: 'illegal-csam',
  topic: 'child sexual abuse material (illegal)',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.hwbIllegal, SOURCES.dfeStandards, SOURCES.iwf],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(child|children|kid|kids|underage|under age|preteen|pre teen|young teen|schoolgirl) (porn|porno|nudes|naked|sex|xxx)',
      '(cp|csam) (links|videos|pics|telegram|discord|mega)',
      '(jailbait|jail bait|pthc|loli porn|lolicon|shotacon|shota porn|child corn)',
      '(13|14|15|12|11) (year old|yo|y o) (nudes|naked|porn|sex)',
      // Widened (stop 27, IWF): asking for images of children, including peers and AI-made ones.
      '(minor|minors|kiddie|kiddy|preteens|young girls|young boys|little girls|little boys) (porn|nudes|naked|nsfw|sex|xxx)',
      '(nudes|naked pics|naked pictures|nude pics) of (girls|boys|kids|children) (in my class|at my school|from my school|in my year|my age|under 18)',
      '(ai|deepfake|fake) (nudes|naked pics|porn) of (a|my) (classmate|friend|girl in my class|boy in my class|teacher|student)',
    ],
  },
};
