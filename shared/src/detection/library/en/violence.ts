import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const PERSON =
  '(him|her|them|my (teacher|mum|mom|dad|brother|sister|stepdad|friend|ex|classmate|classmates|bully|neighbour)|the (teacher|bully|kids at school)|a (teacher|kid|classmate|person))';
const WEAPON =
  '(gun|guns|handgun|pistol|rifle|shotgun|knife|knives|zombie knife|machete|flick knife|butterfly knife|switchblade|knuckle duster|knuckledusters|taser|stun gun|pepper spray|crossbow|ammo|ammunition|bullets)';

/** Violence and weapons: intent to hurt others, making or buying weapons, attacks, gore. */
export const VIOLENCE_EN: PhraseSection = {
  id: 'violence.en',
  category: 'violence',
  topic: 'violence and weapons: intent to hurt others, making or getting weapons, attacks, gore',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.dfeStandards, SOURCES.violencePreventionWales],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      `(kill|stab|shoot|strangle|poison|murder|beat up|knife|slash) ${PERSON}`,
      '(i|ill|i will|im going to|im gonna|i want to|i wanna|i am going to|going to) (kill|stab|shoot|murder|beat up) (people|everyone|someone|somebody|them all|you all)',
      '(how to|how do you|how do i|ways to) (kill|murder|poison|strangle|stab|shoot|suffocate|drown) (someone|a person|somebody|people|a human)',
      'how to get away with (murder|killing someone)',
      '(where|how) to stab (someone|a person)',
      '(shoot up|blow up|bomb|attack|stab people at) (the|my|a) school',
      'school (shooting|shooter) (plan|plans|tomorrow|video|livestream)',
      'how to (make|build) (a|an) (bomb|pipe bomb|nail bomb|petrol bomb|molotov|molotov cocktail|explosive|explosives|ied|gun|zip gun|silencer|flamethrower)',
      'how to make (thermite|napalm|tatp|chloroform|ricin|mustard gas|nerve gas)',
      `(buy|buying|get|getting|order|ordering|where to buy|where to get|how to get) ${WEAPON}`,
      `(bring|take|carry|carrying|hide) (a|my) ${WEAPON} (to|in|into) school`,
      '(3d printed|3d print a|ghost) gun',
      'how to (carry|conceal|hide) a (knife|gun|blade)',
      'acid attack (how to|where to buy)',
    ],
    medium: [
      '(kill|stab|shoot|murder) (people|everyone|someone|somebody)',
      '(gore|gore videos|gore sites|beheading video|beheading videos|execution video|murder video|death video|death videos|dead bodies videos|liveleak|bestgore|watchpeopledie|kaotic)',
      '(real|uncensored) (fight|murder|death|stabbing|shooting) (videos|video|footage)',
      '(fight|fights) (videos|compilation) (school|uk|street)',
      '(zombie knife|machete|flick knife|butterfly knife|knuckle duster|knuckledusters|switchblade|balisong)',
      '(carry|carrying|carried) a (knife|blade|weapon)',
      'is it illegal to carry a (knife|machete|blade)',
      'school (shooting|shooter|shootings)',
      '(mass shooting|mass shooter|spree killer)',
      '(torture|torturing) (animals|a cat|a dog)',
      'how to (fight|win a fight|knock someone out|break someones (arm|nose|leg))',
      'acid attack',
      'drill (lyrics|beef) (stabbing|shanking|opps)',
      '(shank|shanked|shanking|wet him|wet them|opps)',
    ],
    low: ['knife crime', 'gun crime', '(serial killer|serial killers)', 'murder (cases|documentary)'],
  },
};
