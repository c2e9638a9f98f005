import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/** Eating disorders: pro-ana and pro-mia content, purging, restriction and hiding it. */
export const EATING_DISORDERS_EN: PhraseSection = {
  id: 'eating-disorders.en',
  category: 'self-harm',
  topic: 'eating disorders: pro-ana and pro-mia content, restriction, purging, concealment',
  language: 'en',
  sources: [SOURCES.selfHarmSmoothwall, SOURCES.algospeakNetsweeper, SOURCES.ofcomSuicide],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(pro ana|proana|pro mia|promia|pro ed)',
      '(thinspo|thinspiration|bonespo|meanspo|sweetspo|fitspo ana)',
      '(ana|mia|ed) (tips|coach|buddy|diet|twitter|tiktok|community|rules)',
      'how to (purge|throw up after eating|make myself (sick|throw up|vomit)|stop eating|not eat|starve|hide not eating|skip meals without)',
      'make myself (sick|throw up|vomit) after (eating|food|dinner|lunch)',
      'starve myself',
      '(laxatives|diet pills|water pills) (to lose weight|for weight loss|after eating)',
      'how to (hide|hiding) (eating disorder|anorexia|bulimia|not eating|weight loss)',
      '(eat|eating) (less than|under) (100|200|300|400|500|600) calories',
      '(0|zero|no) (calorie|calories|food) (day|days|diet|for a week)',
      'how long can you (go|survive) without (eating|food)',
      'how to lose (10|15|20) (pounds|kg|kilos|lbs) in a (week|few days)',
      'how to get (thigh gap|collarbones|hip bones) (fast|quickly)',
    ],
    medium: [
      '(anorexia|anorexic|bulimia|bulimic|binge eating disorder|eating disorder|eating disorders|arfid|orthorexia)',
      '(purge|purging|binge and purge)',
      'how to lose weight (fast|quickly|in a week)',
      'how to be (skinny|thin) (fast|quickly)',
      '(i feel|im|i am|am i) [so]fat',
      'i hate my body',
      'thigh gap',
      'how many calories (should i eat|to lose weight) [a day](13|14|15|16) year old',
      '(bmi|weight) too (low|high) for my age',
    ],
    low: ['calorie counting', 'diet plan for (teens|teenagers|kids)'],
  },
};
