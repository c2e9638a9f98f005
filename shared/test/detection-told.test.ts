/**
 * The families of stop 29: harm told as a fact or asked as a question, with no word of wanting
 * (a method asked, a plan told, hopelessness said, grooming told as what happened, slang), and the
 * everyday look-alikes they and the library must leave alone (figures of speech, places, games,
 * illness, devices dying, play). None of these texts is in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, riskRank, type Category, type Risk } from '../src';

const detector = createDetector();
const flags = (text: string, category: Category, risk: Risk) =>
  detector.match(text).matches.some((m) => m.category === category && riskRank(m.risk) >= riskRank(risk));
const why = (text: string) =>
  `${text} → ${detector
    .match(text)
    .matches.map((m) => `${m.category} ${m.risk} "${m.phrase}"`)
    .join(', ')}`;

const families: Array<[family: string, category: Category, risk: Risk, texts: string[]]> = [
  [
    'a method asked as a question',
    'self-harm',
    'high',
    [
      'how many sleeping pills would kill me',
      'how much of dads medication would be lethal',
      'wot happens if i swallow a whole packet of painkillers',
      'which multi storey car park round here is tall enough to jump',
      'least painful way to go',
      'how long does it take to bleed out',
      'how do people poison themselves',
      'where is the best place on your body to cut',
    ],
  ],
  [
    'a plan told as a fact',
    'self-harm',
    'high',
    [
      'ive been stockpiling my antidepressants for weeks',
      'the tablets are hidden under my pillow ready',
      'left a note on my desk for when im gone',
      'this is my last message to you all',
      'i wont be around much longer',
      'saturday is when i do it',
    ],
  ],
  [
    'hopelessness said plainly',
    'self-harm',
    'high',
    [
      'my mam would be better without me',
      'no one would care if i just vanished',
      'whats the point in waking up',
      'cant see any point in carrying on',
      'sick of waking up every morning',
    ],
  ],
  [
    'injury and restriction told',
    'self-harm',
    'high',
    [
      'i dug into my thigh with a pin',
      'scratched my wrist till it bled',
      'how many days can you survive without food',
      'tips to make yourself puke quietly',
    ],
  ],
  [
    'grooming told as what happened',
    'grooming',
    'high',
    [
      'a guy from discord keeps asking what school i go to',
      'someone on fortnite wants to know where i live',
      'he bought me vbucks and now he wants a photo',
      'a man said he would pay me for a selfie',
      'he told me to keep it secret from my dad about our chats',
      'i showed him a pic and now hes threatening to post it',
      'he wants to facetime with no top on',
      'some1 on tiktok said im so mature and asked for my snap',
    ],
  ],
  [
    'slang and narratives, extremism',
    'extremism',
    'medium',
    ['were the nazis actually right', 'white people will go extinct'],
  ],
  [
    'slang and narratives, drugs',
    'substance-abuse',
    'medium',
    ['how many xans to get faded', 'kids selling weed at school'],
  ],
  [
    'slang and narratives, bullying',
    'discrimination',
    'medium',
    ['they made a gc just to roast me', 'nobody will sit next to me'],
  ],
  ['bullying that tells a child to die', 'discrimination', 'high', ['people keep telling me to kill myself']],
  ['under-age gambling', 'gambling', 'medium', ['casino apps that dont check your age']],
  ['getting past the filter', 'proxy-vpn', 'medium', ['how to get round the school web filter']],
];

describe('told, not wished: families of stop 29', () => {
  for (const [family, category, risk, texts] of families)
    it(`${family}: ${category} ${risk}`, () => {
      for (const text of texts) expect(flags(text, category, risk), why(text)).toBe(true);
    });
});

describe('their look-alikes stay clear', () => {
  it.each([
    // figures of speech and places
    'i dont want to live in cardiff when im older',
    'im going to die of embarrassment if she sees this',
    'i wish i could disappear into this game forever',
    // games
    'how to not die in hardcore mode',
    'im gonna kill him in bedwars',
    'how to respawn after you die',
    // illness, pets, devices
    'is my cat going to die she is really old',
    'my grandad is in hospital is he going to die',
    'my laptop is about to die',
    // play and sport
    'my cousin punched me in a play fight',
    // health, everyday
    'how many paracetamol can a 12 year old take',
    'what happens if you take ibuprofen with paracetamol',
    'i have tablets for my hay fever',
    'which bridge is the tallest in the world',
    'tonights the night the new album drops',
    'we said goodbye to our teacher forever',
    'my coach asked for my address for the minibus form',
    'i only had water at lunch',
    'how to groom a pony',
    'hide and seek tips',
  ])('%s', (text) => {
    expect(detector.match(text).flagged, why(text)).toBe(false);
  });

  it('keeps grave context grave after an innocent-looking word', () => {
    expect(flags('i dont want to live in this world anymore', 'self-harm', 'high')).toBe(true);
    expect(flags('how many pills would it take to die', 'self-harm', 'high')).toBe(true);
  });
});

describe('short words spelt by sound', () => {
  it('reads a short non-word as the short library word it sounds like, is a swap of, or lacks a vowel of', () => {
    for (const text of [
      'i wanna take my own lyfe',
      'gonna hurt my slef again',
      'i want to be ded',
      'want to kil myself',
    ])
      expect(flags(text, 'self-harm', 'high'), why(text)).toBe(true);
    expect(flags('where can i get wead', 'substance-abuse', 'medium'), why('where can i get wead')).toBe(
      true,
    );
  });

  it('leaves real short words and abbreviations as they are', () => {
    for (const text of [
      'tbh i want to win',
      'hbu',
      'i want to be a vet',
      'i want to dye my hair',
      'i love my life',
    ])
      expect(detector.match(text).flagged, why(text)).toBe(false);
  });
});
