import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/**
 * Hunanladdiad a hunan-niweidio (suicide and self-harm) in Welsh. Phrases are written in their
 * radical (unmutated) forms: the matcher reads "ladd", "nghreithiau", "farw" back to them.
 */
export const SELF_HARM_CY: PhraseSection = {
  id: 'self-harm.cy',
  category: 'self-harm',
  topic: 'hunanladdiad a hunan-niweidio (suicide and self-harm), Welsh',
  language: 'cy',
  sources: [SOURCES.ofcomSuicideCy, SOURCES.bbcCymruFyw, SOURCES.hwbIllegal, SOURCES.welshAuthor],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(lladd|niweidio|brifo|anafu|torri|llosgi|gwenwyno|crogi|boddi|llwgu) (fy hun|fy hunan|fi fy hun)',
      '(eisiau|isio|isho|ishe|moyn|mo yn|am) (marw|lladd fy hun|diflannu am byth|cysgu am byth)',
      '(ddim|dim) (eisiau|isio|isho|moyn) (byw|bod yn fyw|deffro)',
      '(dim|does dim|sdim) (rheswm|pwynt) (i fyw|byw|bod yn fyw|mewn byw)',
      '(pawb|pawb arall|fy nheulu|y byd) (yn well|yn well eu byd|yn hapusach) (heb|hebdda|hebddo) (fi|i)',
      '(meddyliau|teimladau) hunanladdol',
      "(teimlo'n|dw i'n|rwy'n|rydw i'n|wi'n) hunanladdol",
      '(cymryd|cymeryd) gorddos',
      'gorddos o (parasetamol|paracetamol|tabledi|pils|pilsen|moddion|ibuprofen)',
      'faint o (parasetamol|paracetamol|tabledi|pils) (i marw|i lladd|sy’n lladd|syn lladd)',
      'torri fy (garddwrn|arddyrnau|braich|breichiau|coes|coesau|gwddf)',
      'neidio (oddi ar|o|off) (pont|y bont|adeilad|to|clogwyn)',
      'cuddio [fy] (creithiau|craith|toriadau|marciau|hunan-niweidio|hunan niweidio)',
      'sut i (hunan-niweidio|hunan niweidio|hunan-anafu|lladd fy hun|crogi fy hun)',
      'ffordd (hawdd|ddi-boen|ddiboen|gyflym) i (marw|lladd fy hun)',
      '(nodyn|llythyr) hunanladdiad',
      // Widened (stop 27): the same ideas as the English families (others better off, tired of
      // living, not waking up), in radical forms.
      'yn well (tasen i|taswn i|pe bawn i|petawn i|os bydda i) (wedi marw|ddim yma|dim yma|wedi mynd|byth wedi cael fy ngeni)',
      '(wedi blino|blino) ar (byw|bywyd|bod yn fyw)',
      '(cysgu|mynd i gysgu) a (peidio|byth) (deffro|dihuno)',
      '(ddim|dim) (eisiau|isio|isho|moyn) bod (yma|yma rhagor|yma mwyach)',
      '(bywyd|bywyd i) (ddim|dim) yn werth (ei byw|byw)',
      '(meddwl|meddwl am) (lladd fy hun|hunanladdiad|marw)',
      '(ffrind|fy ffrind|ffrind gorau) (eisiau|isio|moyn) (lladd ei hun|marw)',
    ],
    medium: [
      '(hunanladdiad|hunanladdol|lladd ei hun|lladd eu hunain)',
      '(hunan-niweidio|hunan niweidio|hunan-anafu|hunan anafu|hunan-niwed)',
      '(casau|casáu) fy (hun|hunan|bywyd)',
      "(teimlo'n|dw i'n|rwy'n) (diwerth|ddiwerth|anobeithiol|wag)",
      '(ddim|dim) yn gallu (ymdopi|cario mlaen|mynd ymlaen)',
      '(neb|does neb) yn (poeni amdana i|malio amdana i|fy ngharu|fy caru)',
      'gorddos',
    ],
  },
};
