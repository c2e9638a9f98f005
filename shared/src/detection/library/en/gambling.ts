import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Gambling: casinos, betting, and the gambling inside games (skins, cases, loot boxes). */
export const GAMBLING_EN: PhraseSection = {
  id: 'gambling.en',
  category: 'gambling',
  topic: 'gambling: casinos, betting, skins and case opening, debts',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.dfeStandards],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    medium: [
      '(online casino|online casinos|casino online|crypto casino|stake casino|stake com|free spins|no deposit bonus|slot machines online|online slots)',
      '(bet365|betfair|paddy power|paddypower|sky bet|skybet|william hill|ladbrokes|coral bet|betway|888 casino|pokerstars|roobet|rollbit|csgoempire|csgo roll|hellcase|skinclub|key drop)',
      '(skin|skins|case|cs2|csgo|cs go) (gambling|betting|site|sites|opening site)',
      'how to (bet|gamble|place a bet) (under 18|without id|at 16|at 15)',
      '(gambling|betting) (under 18|without id|with my parents card|with my mums card|with my dads card)',
      '(lost|lose|losing) (my|my parents|my mums|my dads) money (gambling|betting|on slots|on stake)',
      '(gambling|betting) (debt|addiction|problem)',
      'how to win [at] (roulette|slots|blackjack|poker) (every time|online)',
    ],
    low: [
      '(betting odds|betting tips|accumulator tips|poker online|roulette|blackjack online|scratch cards online|loot boxes|lootboxes)',
      'gambling',
    ],
  },
};
