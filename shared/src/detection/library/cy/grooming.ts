import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const PICS = '(lluniau|llun|fideos|fideo|delweddau|delwedd) (noeth|hanner noeth|rhywiol|preifat)';

/** Meithrin perthynas amhriodol, camfanteisio rhywiol a secstio (grooming, sexual exploitation, sexting) in Welsh. */
export const GROOMING_CY: PhraseSection = {
  id: 'grooming.cy',
  category: 'grooming',
  topic:
    'meithrin perthynas amhriodol, camfanteisio rhywiol a secstio (grooming, exploitation, sexting), Welsh',
  language: 'cy',
  sources: [
    SOURCES.hwbGrooming,
    SOURCES.hwbNudes,
    SOURCES.internetMattersCy,
    SOURCES.dyfedPowysSexting,
    SOURCES.welshAuthor,
  ],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `(anfon|rhannu|gyrru|tynnu|danfon) ${PICS}`,
      `(gofyn|gofyn am|eisiau|isio|moyn|pwyso arna i i anfon) ${PICS}`,
      `(noethluniau|noethlun) (ohona i|ohonof fi|fi)`,
      `(bygwth|yn bygwth) (rhannu|postio|anfon|dangos) fy (lluniau|llun|fideos|fideo|noethluniau)`,
      '(blacmelio fi|fy blacmelio|yn fy blacmelio|blacmel rhywiol)',
      "(cadw’n|cadw'n|cadw fe’n|cadw hyn yn|cadw fo’n) cyfrinach (rhyngon ni|oddi wrth dy rieni|rhag dy rieni)",
      '(ein|ei) cyfrinach (ni|fach ni)',
      '(paid|peidiwch|paid ti) (â|a) dweud wrth (dy|eich) (rhieni|mam|dad|athro|athrawes|neb)',
      '(cwrdd|cyfarfod|cwrdd lan) (â|a|efo|gyda) (rhywun|dyn|ffrind|fo|fe|hi) (o’r we|or we|ar-lein|ar lein|o’r rhyngrwyd|o gêm|o gem)',
      '(eisiau|isio|moyn) cwrdd (â|a|efo|gyda) fi (ar ben fy hun|heb ddweud wrth neb|yn y byd go iawn)',
      '(arian|anrhegion|robux|vbucks) am (lluniau|llun|fideos)',
      '(tynnu|tynnu fy|tynnu dy) dillad (ar|o flaen|i) (y camera|gwe-gamera|camera|fideo)',
      '(wnaeth|wnaeth e|wnaeth o|wnaeth hi|mae e’n|mae o’n) (cyffwrdd|gyffwrdd) (â|a) fi',
      '(ces i|cefais i|wedi cael) fy (treisio|cam-drin|cam drin|meithrin)',
    ],
    medium: [
      '(noethluniau|secstio|sexting|lluniau noeth|delweddau noeth)',
      '(meithrin perthynas amhriodol|grwmio|camfanteisio rhywiol|camfanteisio’n rhywiol|cam-drin rhywiol|cam drin rhywiol|treisio)',
      '(cariad ar-lein|cariad ar lein|cariad o’r we)',
      '(blacmel|sextortion)',
    ],
  },
};
