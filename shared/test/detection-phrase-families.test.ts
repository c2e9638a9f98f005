/**
 * The phrase families widened from safeguarding guidance (stop 27): each family's general rule on
 * texts in several word orders, spellings and persons, and the innocent look-alikes it must leave
 * alone (homework, news, health education, games). None of these texts is in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, riskRank, type Category, type Risk } from '../src';

const detector = createDetector();
/** Flagged in this category at this risk or above. */
const flags = (text: string, category: Category, risk: Risk) =>
  detector.match(text).matches.some((m) => m.category === category && riskRank(m.risk) >= riskRank(risk));

const families: Array<[family: string, category: Category, risk: Risk, texts: string[]]> = [
  [
    'others better off if I were gone (Childline)',
    'self-harm',
    'high',
    [
      'everyone would be better off if i wasnt here',
      'my family would be happier if i was gone',
      'evry1 wud b better off if i wasnt here',
      'nobody would even notice if i disappeared',
      'would anyone care if i died',
    ],
  ],
  [
    'life not worth living, not waking up',
    'self-harm',
    'high',
    [
      'life isnt worth living anymore',
      'im so tired of living',
      'i want to go to sleep and never wake up',
      'how to die in my sleep',
      'i dont want to be here anymore',
      'i keep thinking about killing myself',
      'writing a goodbye letter to my family',
    ],
  ],
  [
    'method questions asked indirectly (Samaritans)',
    'self-harm',
    'high',
    [
      'is drowning painful',
      'how high does a bridge have to be to die',
      'what pills can kill you',
      'cut down to styro',
      'i relapsed on sh',
      'i started cutting again',
      'i took the whole packet of paracetamol',
      'what to say if pe teacher sees my cuts',
    ],
  ],
  [
    'a friend at risk (third person)',
    'self-harm',
    'high',
    ['my friend wants to kill herself', 'he said he wants to end his life', 'my bestie is suicidal'],
  ],
  [
    'a groomer’s asks, told by the child (CEOP, Childnet)',
    'grooming',
    'high',
    [
      'a man on roblox asked me to keep our chats secret',
      'someone i met on discord wants me to send pics',
      'he asked me for a pic in my underwear',
      'he keeps asking what im wearing',
      'he asked if my parents are home',
      'he says im mature for my age',
      'he told me to delete our messages',
      'he wants me to move to telegram',
      'asl send pic',
      'someone is asking for pics on snapchat',
    ],
  ],
  [
    'gifts, age gaps and blackmail',
    'grooming',
    'high',
    [
      'he gave me robux and wants pics',
      'my bf is 19 and im 13',
      'im 14 and my boyfriend is 22',
      'he says he will share my pics unless i pay',
      'he touched my private parts',
      'nudify my classmate',
    ],
  ],
  [
    'joining or becoming, named or not (Prevent)',
    'extremism',
    'high',
    [
      'how do i join a terrorist group',
      'i want to become a jihadi',
      'how to join the ira',
      'how to radicalise my friends',
      'where can i find isis recruiters',
      'anarchist cookbook pdf',
      'planning a terrorist attack',
    ],
  ],
  [
    'making an explosive, said any way',
    'violence',
    'high',
    [
      'bomb making instructions',
      'what do you need to make a bomb',
      'how to build an explosive device at home',
      'homemade grenade',
    ],
  ],
  [
    'intent to hurt someone',
    'violence',
    'high',
    [
      'im going to stab him tomorrow',
      'i want to hurt my stepdad',
      'how to burn down the school',
      'bringing a knife to the fight',
    ],
  ],
  [
    'bullying as the pupil tells it',
    'discrimination',
    'medium',
    [
      'everyone at school ignores me',
      'the girls in my class keep laughing at me',
      'they kicked me out of the group chat',
      'someone posted an embarrassing video of me',
      'im scared to go to school',
      'they call me fat every day',
    ],
  ],
  [
    'restricting and purging (Beat)',
    'self-harm',
    'high',
    [
      'how to stop feeling hungry',
      'how to skip lunch without my parents noticing',
      'lowest calories you can survive on',
      'chew and spit',
      'how to purge quietly',
      'edtwt',
    ],
  ],
  [
    'pornography without the word',
    'pornography',
    'medium',
    ['free adult videos', 'sites like pornhub', 'celebrity nudes leaked', 'nsfw discord servers'],
  ],
  [
    'gambling in games and under age',
    'gambling',
    'medium',
    [
      'roblox gambling sites',
      'bloxflip',
      'betting sites that accept under 18',
      'betting with my mums card',
      'how to win my money back',
    ],
  ],
  [
    'drugs in slang',
    'substance-abuse',
    'medium',
    ['how to find a plug', 'how much is a gram of coke', 'how to roll a spliff', 'buy vodka underage'],
  ],
  [
    'Welsh: the same ideas in radical forms',
    'self-harm',
    'high',
    [
      'byddai pawb yn well taswn i wedi marw',
      'wedi blino ar fyw',
      'dw i eisiau cysgu a byth deffro',
      'dyw bywyd ddim yn werth ei fyw',
      'mae fy ffrind eisiau lladd ei hun',
    ],
  ],
  [
    'Welsh: bullying as the pupil tells it',
    'discrimination',
    'medium',
    ["maen nhw'n fy anwybyddu", "ofn mynd i'r ysgol"],
  ],
  [
    'county lines (KCSIE)',
    'substance-abuse',
    'high',
    ['they want me to hold drugs for them', 'going ot to sell'],
  ],
];

describe('phrase families widened from guidance', () => {
  for (const [family, category, risk, texts] of families)
    it(`${family}: ${category} ${risk}`, () => {
      for (const text of texts) expect(flags(text, category, risk), text).toBe(true);
    });

  it('nudes of classmates are child sexual abuse material (IWF)', () => {
    expect(flags('nudes of girls in my class', 'illegal-csam', 'high')).toBe(true);
  });

  it('keeps a friend’s distress apart from a question about a groomer’s line', () => {
    expect(flags('what r u wearing', 'grooming', 'medium')).toBe(true);
    expect(flags('what r u wearing', 'grooming', 'high')).toBe(false);
    expect(flags('what would happen if i died', 'self-harm', 'medium')).toBe(true);
    expect(flags('what would happen if i died', 'self-harm', 'high')).toBe(false);
  });
});

describe('their look-alikes stay clear', () => {
  it.each([
    // homework and history
    'history of the ira',
    'the ira during the troubles gcse',
    'what is the prevent strategy',
    'what is jihad in islam',
    'signs of radicalisation pshe',
    'what is grooming pshe lesson',
    'how did hitler kill himself',
    // science
    'why does potassium explode in water',
    'how do nuclear bombs work',
    'what chemicals can kill bacteria',
    'why do bees die after they sting',
    // games
    'what happens if i die in minecraft hardcore',
    'how to get a gun in gta 5',
    'best knife skin cs2',
    'how to kill the ender dragon',
    // everyday
    'how to make a bath bomb',
    'how to make a water bomb origami',
    'how to blow up a balloon without a pump',
    'i dont want to hurt her feelings',
    'my mum wants me to meet her at the shops',
    'how to keep a secret santa secret',
    'send a photo to google classroom',
    'asl sign language alphabet',
    'dead tired after pe',
    // health education
    'healthy eating for teenagers',
    'how many calories in a banana',
    'how to gain weight for rugby',
    'skinny jeans for boys',
    // maths and sport
    'probability of rolling a six',
    'i bet you cant beat me at fifa',
    'fantasy premier league tips',
    // words drugs slang borrows
    'how to plug in a laptop charger',
    'joint pain in knees',
    'crack screen repair',
    'lines of best fit',
    'gwaith cartref am fywyd yn oes y tuduriaid',
    'cutting paper snowflakes',
  ])('%s', (text) => {
    const d = detector.match(text);
    expect(
      d.flagged,
      `${text} → ${d.matches.map((m) => `${m.category} ${m.risk} "${m.phrase}"`).join(', ')}`,
    ).toBe(false);
  });

  it('never clears a high-risk text because it is phrased as a question or mentions a game', () => {
    expect(flags('what is the best way to kill myself', 'self-harm', 'high')).toBe(true);
    expect(flags('minecraft i want to stab my teacher', 'violence', 'high')).toBe(true);
    expect(flags('history homework but i want to die', 'self-harm', 'high')).toBe(true);
  });
});
