import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Pornography: sites, searches and the spellings used to get round filters. */
export const PORNOGRAPHY_EN: PhraseSection = {
  id: 'pornography.en',
  category: 'pornography',
  topic: 'pornography: sites, searches, filter-dodging spellings',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.algospeakNetsweeper, SOURCES.dfeStandards],
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
    ],
    low: ['(sex|seggs|sexy|boobs|tits|horny|nudity|kinky|erotic|fetish|bdsm)', 'playboy'],
  },
};

/** Child sexual abuse material: searching for it is a crime; always high, and the illegal-content procedure applies. */
export const CSAM_EN: PhraseSection = {
  id: 'csam.en',
  category: 'illegal-csam',
  topic: 'child sexual abuse material (illegal)',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.hwbIllegal, SOURCES.dfeStandards],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(child|children|kid|kids|underage|under age|preteen|pre teen|young teen|schoolgirl) (porn|porno|nudes|naked|sex|xxx)',
      '(cp|csam) (links|videos|pics|telegram|discord|mega)',
      '(jailbait|jail bait|pthc|loli porn|lolicon|shotacon|shota porn|child corn)',
      '(13|14|15|12|11) (year old|yo|y o) (nudes|naked|porn|sex)',
    ],
  },
};
