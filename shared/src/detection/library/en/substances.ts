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
  sources: [SOURCES.seeds, SOURCES.dfeStandards],
  reviewed: LIBRARY_REVIEWED,
  phrases: {
    high: [
      '(deliver|delivering|run|running|carry|carrying|sell|selling|hold|holding) (drugs|packages|parcels|food) for (older|a gang|them|money|someone)',
      '(they|he|a gang|someone) (made|make|makes|forced|forcing) me (sell|carry|deliver|hold) (drugs|weed|packages)',
      '(i owe|owe) (them|a dealer|my dealer|money to a dealer)',
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
