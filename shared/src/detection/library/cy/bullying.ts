import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Bwlio a seiberfwlio (bullying and cyberbullying) in Welsh, in radical forms. */
export const BULLYING_CY: PhraseSection = {
  id: 'bullying.cy',
  category: 'discrimination',
  incidentKind: 'cyberbullying',
  topic: 'bwlio a seiberfwlio (bullying and cyberbullying), Welsh',
  language: 'cy',
  sources: [SOURCES.hwbBullying, SOURCES.meicBullying, SOURCES.welshAuthor],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(lladd|cer i lladd|dos i lladd) dy hun',
      '(dylet ti|dylech chi|cer i|dos i) marw',
      '(byddai|bydde|fydde) pawb yn (hapusach|well) (heb|hebddot) (ti|di)',
    ],
    medium: [
      '(cael|ces i|wedi cael|yn cael|dw i’n cael) (fy|dy) bwlio',
      'fy bwlio (yn yr ysgol|ar-lein|ar lein|bob dydd)',
      '(pawb|pawb yn yr ysgol|y dosbarth) yn fy casau',
      '(neb|does neb) yn fy (hoffi|licio|lico)',
      '(neb|does neb) eisiau bod yn ffrindiau (efo|gyda|â) fi',
      '(dim|does gen i ddim|sgen i ddim|sda fi ddim) ffrindiau',
      '(galw|galwon nhw|maen nhw’n galw) enwau arna i',
      '(chwerthin|chwerthin am) fy pen',
      '(postio|rhannu) (celwyddau|lluniau|sïon|sion) amdana i',
      '(cyfrif ffug|proffil ffug) (ohona i|amdana i)',
      // Widened (stop 27): what is done to the pupil, any subject.
      "(yn|wedi|nhw'n|pawb yn|maen nhw'n) fy (anwybyddu|pryfocio|gwawdio|bygwth|taro|cicio|gwthio|gadael allan)",
      "(ofn|gormod o ofn) mynd (i'r|i) ysgol",
      '(seiberfwlio|seiber-fwlio|seibrfwlio|seibr-fwlio|bwlio ar-lein|bwlio ar lein)',
      '(rwyt ti’n|ti’n|rwyt ti) (hyll|dew|tew|ddiwerth|diwerth|anobeithiol) a (does neb|neb) yn dy hoffi',
    ],
    low: ['(bwlio|bwli|bwlis|bwlïod|bwliod)'],
  },
};
