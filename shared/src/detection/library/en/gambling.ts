import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Gambling: casinos, betting, and the gambling inside games (skins, cases, loot boxes). */
export const GAMBLING_EN: PhraseSection = {
  id: 'gambling.en',
  category: 'gambling',
  topic: 'gambling: casinos, betting, skins and case opening, debts',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.dfeStandards, SOURCES.gamblingCommission],
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
      // Widened (stop 27): gambling inside games and gambling under age, as the Gambling
      // Commission's young people survey describes it.
      '(roblox|rbx|robux|fortnite|vbucks|cs2|csgo|skin|skins|case) (gambling|betting|coinflip|coin flip|jackpot|crash|roulette|casino) [site|sites]',
      '(bloxflip|rbxflip|bloxmoon|rblxwild|bloxland|case battles|case battle|csgoroll|csgoempire|gamdom|clash gg|duelbits|hypedrop|key drop|stake us)',
      '(bet|betting|gamble|gambling|casino|slots) (with|using|on) (mums|mum|mom|moms|dads|dad|parents|parent|my mums|my dads|my parents) (card|money|account|bank card|credit card|phone)',
      '(betting|gambling|casino|slots|bookies) (sites|apps|site|app) ... (under 18|no id|without id|16 year olds|15 year olds|minors|underage|no verification)',
      '(underage|under 18|no id|no kyc) (betting|gambling|casino|slots|bookies|betting sites|gambling sites)',
      '(chasing losses|chase my losses|win my money back|win back my money|win back what i lost)',
      '(i owe|owe) (money|my mates|my friends) (from|because of|after) (gambling|betting|stake|slots)',
      '(how to|best way to) (make money|get rich) (gambling|betting|on stake|on slots)',
      '(cant|can not) stop (gambling|betting|opening cases|buying loot boxes|spinning)',
    ],
    low: [
      '(betting odds|betting tips|accumulator tips|poker online|roulette|blackjack online|scratch cards online|loot boxes|lootboxes)',
      'gambling',
    ],
  },
};
