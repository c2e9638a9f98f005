import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const PERSON =
  '(him|her|them|my (teacher|mum|mom|dad|brother|sister|stepdad|friend|ex|classmate|classmates|bully|neighbour)|the (teacher|bully|kids at school)|a (teacher|kid|classmate|person))';
const WEAPON =
  '(gun|guns|handgun|pistol|rifle|shotgun|knife|knives|zombie knife|machete|flick knife|butterfly knife|switchblade|knuckle duster|knuckledusters|taser|stun gun|pepper spray|crossbow|ammo|ammunition|bullets)';

/** Someone the child means to hurt ("my" is a filler: "my stepdad" reads as "stepdad"). */
const TARGET =
  '(him|her|them|that (kid|boy|girl|teacher|guy|lad)|everyone|people at school|kids at school|teacher|headteacher|head teacher|mum|mom|dad|stepdad|step dad|stepmum|brother|sister|ex|classmate|bully|neighbour|form tutor|class|school)';
/** An explosive, by any name (a "bath bomb", "bomb calorimeter" and the like are benign context). */
const EXPLOSIVE =
  '(bomb|explosive|explosives|explosive device|ied|pipe bomb|nail bomb|petrol bomb|molotov|molotov cocktail|grenade|detonator|suicide vest)';

/** Violence and weapons: intent to hurt others, making or buying weapons, attacks, gore. */
export const VIOLENCE_EN: PhraseSection = {
  id: 'violence.en',
  category: 'violence',
  topic: 'violence and weapons: intent to hurt others, making or getting weapons, attacks, gore',
  language: 'en',
  sources: [
    SOURCES.seeds,
    SOURCES.dfeStandards,
    SOURCES.violencePreventionWales,
    SOURCES.kcsie,
    SOURCES.preventDuty,
  ],
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
      // Widened (stop 27): intent said any way (KCSIE serious violence; Prevent), making an
      // explosive said without "how to make a bomb", weapons made or carried.
      `(want|going|plan|planning|about|ready) to (hurt|stab|kill|shoot|beat up|batter|jump|murder|poison|attack|shank) ${TARGET}`,
      `${EXPLOSIVE} (making|recipe|instructions|tutorial|guide|ingredients|materials|parts|diagram|plans|blueprint)`,
      `(instructions|recipe|ingredients|materials|what do you need|what you need|things you need|guide|tutorial|steps|diagram) (for|to) [make|making|build|building] ${EXPLOSIVE}`,
      `(make|making|build|building|create|creating|assemble|assembling) (a|an|your own|my own|homemade|home made|a homemade|a home made) ${EXPLOSIVE}`,
      `(homemade|home made|diy) (${EXPLOSIVE}|gun|guns|firearm|taser|flamethrower|weapon|weapons|napalm|thermite)`,
      `how to (make|build) ${EXPLOSIVE} (at home|with household|from household|out of|using)`,
      '(what|which) [household] (chemicals|things|stuff|products) (make|makes|can make|to make|mix to make|do you mix to make) (a|an) (bomb|explosion|explosive|toxic gas|poison gas|chlorine gas)',
      'how to (blow up|burn down|set fire to|torch|firebomb) (a|the|his|her|their|someones|our) (house|school|car|building|shop|mosque|church|synagogue|classroom|home|flat)',
      '(make|making) (a|an) (shank|shiv|weapon|knife|spear|blade) (out of|from|at home)',
      '(sharpen|sharpening) (a|my) (knife|blade|screwdriver|pencil) to (stab|hurt|cut) (someone|him|her|them|a person)',
      '(where|how) (can i|do i|to) (get|buy|find|order) (a|an) (weapon|blade|strap|firearm|bullets|ammo)',
      '(bring|bringing|take|taking|carry|carrying) (a|my) (knife|blade|gun|weapon|machete|strap|shank) (tomorrow|to the fight|to the park|after school|on monday)',
      '(stab|shoot|kill|hurt) (him|her|them) (tomorrow|tonight|after school|on monday|at school|in the park)',
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
      // Widened (stop 27)
      `how (are|is|were|do you|do they|do people) ${EXPLOSIVE} (made|built|make|build)`,
      '(what|which) (chemicals|household chemicals) (explode|are explosive|blow up) (when mixed|together)',
      '(get|carry|carrying|bring|bringing) (a|my) strap',
      '(im|i am|i will|ill) (gonna|going to) make (them|him|her|everyone|all of them) (pay|regret it|sorry)',
      '(fight|fighting|jump|jumped|beat up|beating up) (after|outside|behind) school',
      '(how to|how do you) (hurt|injure|hit) someone (without|and not) (leaving marks|getting caught|leaving bruises)',
      '(stab|stabbing|shooting|shot) (vest|proof vest)',
      '(ghost gun|zip gun|80 lower)',
    ],
    low: ['knife crime', 'gun crime', '(serial killer|serial killers)', 'murder (cases|documentary)'],
  },
};
