import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

/**
 * The means of self-harm and suicide Samaritans' media guidance says not to detail (medicines,
 * heights, ligatures, blades), as children name them. "my" and "mums" are read through by `...`.
 */
const MEANS =
  '(paracetamol|pill|tablet|sleeping tablet|sleeping pill|painkiller|pain killer|med|medication|medicine|antidepressant|ibuprofen|aspirin|co codamol|codeine|insulin|sertraline|fluoxetine|citalopram|melatonin|bleach|antifreeze)';
const HEIGHT = '(bridge|building|cliff|car park|multi storey|roof|rooftop|tower|block of flats|viaduct)';
const BLADE = '(compass|blade|razor|sharpener|scissors|lighter|pin|needle|glass|knife)';
const BODY = '(arm|wrist|leg|thigh|skin|stomach|tummy|hip|ankle)';
/** Hoarding or readying a means: the plan told as a fact, with no word of wanting. */
const READIED = '(save|saved up|stockpile|collect|hoard|hide|hid|hidden|stash|count)';
/** Everyone, or the people closest: "would be fine without me". */
const OTHERS = '(everyone|everybody|family|parents|mum|mam|friends|they|people|the world)';

/**
 * Self-harm and suicide told rather than wished (stop 29): a method asked as a question, a plan
 * told as a fact (means saved up, notes written, goodbyes said, a day chosen), hopelessness said
 * plainly, and eating restriction described. From Childline and Samaritans on the warning signs
 * (talk of being a burden, giving things away, saying goodbye, researching methods) and Beat on
 * restriction and purging; general families, no test text.
 */
export const SELF_HARM_TOLD_EN: PhraseSection = {
  id: 'self-harm-told.en',
  category: 'self-harm',
  topic: 'suicide and self-harm told as facts and questions: methods asked, plans made, hopelessness',
  language: 'en',
  sources: [SOURCES.childlineSuicide, SOURCES.samaritansMedia, SOURCES.ofcomSuicide, SOURCES.beat],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      // method asked as a question
      `how (many|much) ... ${MEANS} ... (die|dead|kill|wake up|not wake up|never wake up|fatal|lethal|overdose|end it|too many)`,
      `what (happen|would happen) if ... (too many|loads of|lots of|a lot of|all|the whole|a whole|a box of|a packet of|a bottle of) ... ${MEANS}`,
      `what (happen|would happen) if ... (10|15|20|30|40|50|100) ${MEANS}`,
      `can (you|i|someone) die (from|of) ... (too many|too much|an overdose|a whole) ... ${MEANS}`,
      `can ${MEANS} (kill|kill you|kill me|make you die|stop your heart)`,
      `(which|what|where) ... ${HEIGHT} ... (high enough|tall enough|to jump)`,
      `${HEIGHT} ... (high enough|tall enough) (to|that) (die|kill|not survive)`,
      '(least painful|most painless|painless|peaceful) (way|method) to (go|die|end it|do it|not wake up)',
      '(how long|how much time) (does it|would it|will it) take (to|before you) (die|bleed out|bleed to death|suffocate|drown|stop breathing)',
      'how (do|did|does|would|can) (people|someone|you|they|a person) (hang|kill|drown|poison|suffocate|overdose|cut|unalive|gas|starve) (themselves|themself|yourself|himself|herself)',
      '(best|where|which|what) (place|spot|part|bit) [of my body|of your body|of the body|on my body|on your body] to (cut|burn|scratch|self harm|sh)',
      '(cut|burn|scratch|self harm|sh) (where|so) (no one|nobody|noone|people|my parents|my mum|my family) ... (see|notice|find out|know)',
      '(cut|burn|scratch|self harm|hurt myself) without (anyone|my parents|my mum|people|my family) (notice|see|know|find out)',
      `(scratch|scrape|cut|burn|carve|dig|dug) [into] my ${BODY} with ... ${BLADE}`,
      `(scratch|cut|burn|hit|punch|bite) my ${BODY} (until|till|til) (it|they) (bled|bleed|bruise|hurt)`,
      `(cut|wrist|arm|thigh) ... (wont|will not|cant|can not|doesnt) stop bleeding`,
      // a plan told as a fact
      `${READIED} ... ${MEANS} (for|ready|to take|tonight)`,
      `${READIED} (up|enough|all|loads of|a stash of) ... ${MEANS}`,
      `${MEANS} (are|is) (ready|saved|saved up|hidden|stashed|lined up)`,
      `(have|got|ive got) ... ${MEANS} (ready|lined up|saved|stashed) (for|to|tonight)`,
      '(write|written|wrote|left|leave) ... (goodbye|for when im gone|for when i am gone|for after im gone|in case i dont wake up)',
      '(write|wrote|written) [a|my] (letter|note|message) ... (goodbye|saying goodbye|say goodbye)',
      '(letter|note|message|video) ... (for when im gone|for when i am gone|for after im gone|for when im dead)',
      '(last|final) (day|night|week|weekend) ... (made my mind up|made up my mind|my mind is made up)',
      '(say|said) (goodbye|bye|my goodbyes) to ... (before i go|before i do it|before i die|one last time)',
      '(this is|its) (goodbye|my goodbye|the end for me|my last message|my last post|my last video)',
      '(my|the) (last|final) (day|night|week|weekend|christmas|birthday) (alive|on earth|here|ever|breathing)',
      '(made my mind up|made up my mind|my mind is made up|mind made up) ... (tonight|last|final|goodbye|do it|end it|its over|no going back)',
      '(tonight|tonights|today|tomorrow|this weekend|friday|saturday|sunday|monday) ... (is|s|will be) (the night i|the day i|when i do it|when i go|the end for me)',
      '(wont|will not|not going to|not gonna) be (here|around|alive) (much longer|for long|anymore|any more|after tonight)',
      // hopelessness said plainly
      `${OTHERS} (would|will|d|wud) ... (fine|ok|okay|happier|better|better off|relieved|glad|easier) without me`,
      '(nobody|no one|noone|no body) (would|will|d|wud) ... (notice|care|miss me|cry|realise) ... if i ... (gone|dead|die|disappear|vanish|wasnt here|wasnt around|never came back|killed myself)',
      '(dont|do not|cant|can not|cannot|no longer) see (any|a|the) (point|reason) (in|to|of) ... (live|go on|carry on|being alive|being here|life|wake up|exist)',
      '(whats|what is) the point (in|of) (live|life|being alive|being here|wake up|exist|carry on|go on)',
      '(no|nothing|theres no) (point|reason) (in|to|of) (me being here|being me|carry on|going on|wake up|exist|my life)',
      '(tired|exhausted|sick|done) (of|with) (being here|being me|wake up|it all|this life|my life|pretending to be ok)',
      '(imagine|think about|dream about|picture|plan) my [own] (funeral|death|grave)',
      '(world|everyone|family) (would be|will be) (better|happier) (with me gone|without me in it|when im gone|once im gone)',
      // eating restriction and purging told
      '(tip|way|how|how to|best way) (to|for) make (yourself|myself|urself) (sick|throw up|puke|vomit|purge)',
      '(make|made) (yourself|myself|urself) (sick|throw up|puke|vomit) (after|without|quietly|silently|so|in secret|in the toilet)',
      '(hide|cover up) (not eating|that i dont eat|that im not eating|skip meals|my eating|throw up|being sick|purge|starve) from',
      '(how many|how long) (days|weeks) (can|could|would) (i|you|a person|someone) (go|survive|last|live) without (eat|food)',
      '(only|just) (had|eaten|ate|drunk|drank) (water|a glass of water|an apple|black coffee|diet coke|ice|gum|a rice cake) (for|in) ... (day|week)',
      '(not eaten|havent eaten|have not eaten|didnt eat|no food) (for|in) ... (day|week) ... (keep going|want to keep|going to keep|gonna keep|keep it up|longer)',
    ],
    medium: [
      '(bleed|bled) to death',
      `how (many|much) ... ${MEANS} (is too many|is too much|can you take at once|is dangerous|is an overdose)`,
      '(feel|felt) (disgusting|gross|fat|guilty|like a pig) (after|when|whenever) (every|each|i eat|eating|meal|a meal|food|dinner|lunch)',
      '(lose|drop|lost) ... (kg|kilo|stone|pound|lbs|weight) (in|by|before) (a|one|two|1|2) (week|day)',
      '(lose|drop) (weight|kg|kilo|pound|stone) (fast|quick|quickly) (without|by not) (eat|food)',
      `(burden|a burden|a waste of space|a mistake) (to|on|for) ${OTHERS}`,
      '(im|i am|i feel|feel) (such|just|only|nothing but) (a burden|a waste|a waste of space|a disappointment|a mistake)',
      '(give|gave|given) away (my|all my) ... (stuff|thing|clothes|game|console|pet|belongings|favourite)',
      '(im|i am) (so|really|just) (tired|done|finished) (of everything|with everything|with life|of life)',
    ],
    low: ['(no one|nobody|noone) (cares|would care|would notice|would miss me)'],
  },
};
