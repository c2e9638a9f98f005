import type { PupilLocale } from '@waymark/shared';

/**
 * The acceptable-use notice a visitor's device shows before its first page, when the school has
 * not written its own. From the seed policies: visitors and community users "are made aware of
 * the appropriate AUP" before they use the school's equipment.
 */
export const DEFAULT_VISITOR_NOTICE: Record<PupilLocale, string> = {
  en: [
    'You are using this device as a visitor to the school. Before you go on, please read this.',
    'The school filters and monitors how this device uses the internet, as it does for pupils and staff. The pages you visit are recorded under your name.',
    'Use it only for the reason you were given it. Do not try to get round the filter, do not share your sign-in with anyone, and do not take, store or share photographs or personal information about pupils.',
    'If you see anything that worries you, or anything that could harm a child, tell the school’s designated safeguarding lead straight away.',
    'Your access ends when your visitor pass ends.',
  ].join('\n\n'),
  cy: [
    'Rydych chi’n defnyddio’r ddyfais hon fel ymwelydd â’r ysgol. Darllenwch hwn cyn mynd ymlaen, os gwelwch yn dda.',
    'Mae’r ysgol yn hidlo ac yn monitro sut mae’r ddyfais hon yn defnyddio’r rhyngrwyd, fel y mae i ddisgyblion a staff. Mae’r tudalennau rydych chi’n ymweld â nhw’n cael eu cofnodi dan eich enw.',
    'Defnyddiwch hi dim ond at y diben y cawsoch chi hi. Peidiwch â cheisio osgoi’r hidlydd, peidiwch â rhannu eich manylion mewngofnodi ag unrhyw un, a pheidiwch â thynnu, cadw na rhannu lluniau na gwybodaeth bersonol am ddisgyblion.',
    'Os gwelwch chi unrhyw beth sy’n peri pryder i chi, neu unrhyw beth a allai niweidio plentyn, dywedwch wrth arweinydd diogelu dynodedig yr ysgol ar unwaith.',
    'Mae eich mynediad yn dod i ben pan fydd eich tocyn ymwelydd yn dod i ben.',
  ].join('\n\n'),
};
