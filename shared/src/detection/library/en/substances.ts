import type { PhraseSection } from '../../types';
import { LIBRARY_REVIEWED, SOURCES } from '../sources';

const DRUG =
  '(weed|cannabis|marijuana|skunk|hash|thc|coke|cocaine|crack|mdma|molly|ecstasy|pills|ket|ketamine|xanax|xans|benzos|valium|oxy|oxycodone|codeine|lean|heroin|meth|crystal meth|spice|mamba|lsd|acid|shrooms|magic mushrooms|nitrous|nos|balloons|laughing gas|vape|vapes|thc vape|weed pen|edibles|snus|nicotine pouches|alcohol|booze|vodka|drugs)';

/** Drugs, alcohol and substance misuse: getting them, using them, hiding them, county lines. */
export const SUBSTANCES_EN: PhraseSection = {
  id: 'substances.en',
  category: 'substance-abuse',
  topic: 'drugs, alcohol, vaping and substance misuse; county lines',
  language: 'en',
  sources: [SOURCES.seeds, SOURCES.dfeStandards, SOURCES.talkToFrank, SOURCES.kcsie],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(deliver|delivering|run|running|carry|carrying|sell|selling|hold|holding) (drugs|packages|parcels|food) for (older|a gang|them|money|someone)',
      '(they|he|a gang|someone) (made|make|makes|forced|forcing) me (sell|carry|deliver|hold) (drugs|weed|packages)',
      '(i owe|owe) (them|a dealer|my dealer|money to a dealer)',
      // Widened (stop 27): county lines and child criminal exploitation as the Home Office and
      // KCSIE describe them (holding, running, going "OT", debt bondage).
      '(hold|holding|hide|hiding|stash|stashing|keep|keeping|plug|plugging) (drugs|a package|packages|a parcel|parcels|weed|a bag|bags|a knife|a phone|money|a burner) for (them|him|older boys|older kids|a gang|my cousin|someone|the olders|the elders)',
      '(going|go|went|sent|sending|get sent) (ot|out of town|cunch|country|county) (to|for) (sell|shot|trap|work|graft|deliver)',
      '(they|he|the olders|the elders|a gang) (said|say|says) i (owe|have to pay|have to work off)',
      '(work off|pay off|working off) (my|the) debt (for|to) (them|him|a dealer|the olders|the gang)',
      '(trap house|trap phone|deal line|running a line|run a line|running lines)',
    ],
    medium: [
      `(buy|buying|get|getting|order|ordering|where to buy|where to get|how to get|how to buy|plug for|cheap) ${DRUG}`,
      `how to (hide|hiding|smell of|get rid of the smell of) ${DRUG}`,
      '(how to|best way to) (get high|get stoned|get drunk fast|get drunk quickly|trip|make lean|grow weed|roll a joint|smoke weed|pass a drug test|cheat a drug test)',
      '(smoke|smoking|vape|vaping|sniff|snort|snorting|inject|injecting|microdose|take|taking) (weed|cannabis|coke|cocaine|ket|ketamine|mdma|molly|xanax|heroin|meth|spice|lsd|acid|shrooms|nitrous|glue|aerosols|lean)',
      '(cocaine|ketamine|mdma|ecstasy|heroin|crystal meth|methamphetamine|xanax|spice|fentanyl|nitrous oxide|laughing gas|magic mushrooms|lsd)',
      '(weed|thc) (vape|pen|carts|gummies|edibles|brownies|dealer)',
      '(drug dealer|drug dealers|dealer near me|plug near me|county lines)',
      'fake id',
      '(vape shop|vape shops) (near me|that dont id|no id)',
      'how to (hide|hiding) a vape',
      'buy (alcohol|vapes|cigarettes|tobacco) under 18',
      '(snapchat|telegram) (dealer|dealers|plug|plugs)',
      // Widened (stop 27): how young people ask for and about drugs in slang (Talk to Frank).
      '(how to|where to|how can i|how do i) (find|get|meet|contact) [a] (plug|dealer|link)',
      '(plug|dealer|link) (for|with|near) (weed|bud|green|coke|cocaine|pills|ket|mdma|xans|carts|vapes|me)',
      '(how much|price) (is|for|of) (gram|g|eighth|8th|ounce|oz|q|quarter|half|bag|baggie|teenth|pill|bar|tab|cart) (weed|bud|coke|cocaine|mdma|ket|ketamine|xanax|lsd|acid|shrooms|thc)',
      '(roll|rolling|smoke|smoking|hit|hitting|buy|get) (a|an) (joint|spliff|blunt|zoot|bong|dab|dab pen|wax pen|thc cart|cart)',
      '(zoot|zoots|spliff|spliffs|blunt|blunts|bong|bongs|dab pen|wax pen|thc cart|thc carts)',
      '(get|buy|order) (alcohol|vodka|booze|beer|cider|vapes|a vape|cigarettes|weed) (under 18|underage|without id|at 13|at 14|at 15|at 16|with a fake id)',
      '(how to|ways to) (get|be) (drunk|high|stoned|faded|wasted|mashed) without (my parents|parents|anyone|my mum|my mom|my dad) (knowing|noticing|finding out)',
      '(mix|mixing|take|taking) (xanax|xans|benzos|codeine|lean|alcohol|ket|mdma) (with|and) (alcohol|weed|codeine|xanax|energy drinks|mdma)',
      '(nos|nitrous|laughing gas|whippets|whippits|balloons) (canisters|tanks|how to|high|buy)',
    ],
    low: [
      '(drugs|drug) (effects|side effects)',
      'vaping',
      'vape',
      'vapes',
      'how (long|much) does (weed|alcohol) stay in your system',
    ],
  },
};
