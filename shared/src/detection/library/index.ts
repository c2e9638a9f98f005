import type { PhraseSection } from '../types';
import { BULLYING_CY } from './cy/bullying';
import { GROOMING_CY } from './cy/grooming';
import { SELF_HARM_CY } from './cy/self-harm';
import { VIOLENCE_CY } from './cy/violence';
import { BULLYING_EN, DISCRIMINATION_EN } from './en/bullying';
import { CIRCUMVENTION_EN } from './en/circumvention';
import { EATING_DISORDERS_EN } from './en/eating-disorders';
import { EXTREMISM_EN } from './en/extremism';
import { GAMBLING_EN } from './en/gambling';
import { GROOMING_EN, SEXTING_EN } from './en/grooming';
import { CSAM_EN, PORNOGRAPHY_EN } from './en/pornography';
import { SELF_HARM_EN } from './en/self-harm';
import { SELF_HARM_TOLD_EN } from './en/self-harm-told';
import { GROOMING_TOLD_EN } from './en/grooming-told';
import {
  BULLYING_TOLD_EN,
  CIRCUMVENTION_TOLD_EN,
  EXTREMISM_TOLD_EN,
  GAMBLING_TOLD_EN,
  SUBSTANCES_TOLD_EN,
  VIOLENCE_TOLD_EN,
} from './en/others-told';
import { SUBSTANCES_EN } from './en/substances';
import { VIOLENCE_EN } from './en/violence';

export { BENIGN_PHRASES, BENIGN_TOPICS } from './benign';
export { FILLERS, SHORTHAND } from './shorthand';
export { LIBRARY_REVIEWED, SOURCES } from './sources';

/** The starter phrase library, by category and language. Schools add to it; they do not edit it. */
export const PHRASE_LIBRARY: readonly PhraseSection[] = [
  SELF_HARM_EN,
  EATING_DISORDERS_EN,
  GROOMING_EN,
  SEXTING_EN,
  BULLYING_EN,
  DISCRIMINATION_EN,
  EXTREMISM_EN,
  VIOLENCE_EN,
  PORNOGRAPHY_EN,
  CSAM_EN,
  SUBSTANCES_EN,
  GAMBLING_EN,
  CIRCUMVENTION_EN,
  SELF_HARM_TOLD_EN,
  GROOMING_TOLD_EN,
  EXTREMISM_TOLD_EN,
  SUBSTANCES_TOLD_EN,
  VIOLENCE_TOLD_EN,
  BULLYING_TOLD_EN,
  GAMBLING_TOLD_EN,
  CIRCUMVENTION_TOLD_EN,
  SELF_HARM_CY,
  BULLYING_CY,
  GROOMING_CY,
  VIOLENCE_CY,
];
