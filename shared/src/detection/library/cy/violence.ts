import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const PERSON =
  '(e|fe|fo|hi|nhw|rhywun|pawb|fy athro|fy athrawes|fy mam|fy tad|fy brawd|fy chwaer|y bwli|y plant)';
const WEAPON = '(cyllell|cyllyll|gwn|gynnau|dryll|machete|cleddyf|arf|arfau|gwn llaw)';

/** Trais ac arfau (violence and weapons) in Welsh, in radical forms. */
export const VIOLENCE_CY: PhraseSection = {
  id: 'violence.cy',
  category: 'violence',
  topic: 'trais ac arfau (violence and weapons), Welsh',
  language: 'cy',
  sources: [SOURCES.bbcCymruFyw, SOURCES.violencePreventionWales, SOURCES.welshAuthor],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `(lladd|trywanu|saethu|tagu|gwenwyno) ${PERSON}`,
      '(saethu|ymosod ar|chwythu i fyny) (yr ysgol|fy ysgol|pawb yn yr ysgol)',
      'sut i (gwneud|creu|adeiladu) (bom|ffrwydron|gwn)',
      `(prynu|cael gafael ar|ble i brynu|sut i gael) (cyllell|gwn|dryll|machete|cleddyf|arf|gwn llaw|bwledi)`,
      `(mynd â|dod â|cario|cuddio) ${WEAPON} (i’r ysgol|ir ysgol|i ysgol|yn yr ysgol|yn fy mag)`,
      'sut i (lladd|trywanu|gwenwyno|tagu) (rhywun|person)',
    ],
    medium: [
      `cario ${WEAPON}`,
      '(fideos|fideo) (ymladd|trais|llofruddiaeth|lladd)',
      '(ymosodiad asid|ymosod ag asid)',
    ],
    low: ['(troseddau cyllyll|trosedd cyllell|troseddau gynnau)'],
  },
};
