import { describe, expect, it } from 'vitest';
import { BENIGN_PHRASES, BENIGN_TOPICS, compileMatcher, createDetector, type Detection } from '../src';
import { FILLERS, SHORTHAND } from '../src/detection/library';
import { PROTECTED_WORDS } from '../src/detection/library/protected-words';

/**
 * The structural rule on its own: a matcher with no phrases at all, only the word families, the
 * library's benign context, shorthand and spelling. Every text below is written from the guidance
 * (Childline, Samaritans, CEOP, KCSIE), as families of wording, not from any test set.
 */
const ruleOnly = compileMatcher({
  sections: [],
  benign: BENIGN_PHRASES,
  benignTopics: BENIGN_TOPICS,
  shorthand: SHORTHAND,
  fillers: FILLERS,
  protectedWords: new Set(PROTECTED_WORDS),
  structural: true,
});
const summary = (d: Detection) => (d.flagged ? `${d.severity} ${d.categories.join(',')}` : 'not flagged');
const rule = (text: string) => summary(ruleOnly.match(text));

describe('the structural rule: person + intent + harm, in any wording', () => {
  it.each([
    // wanting to die, said many ways, with words between and any person
    ['i really really want to die', 'high self-harm'],
    ['honestly i just wanna disappear', 'high self-harm'],
    ['my mate reckons she is gonna end it tonight', 'high self-harm'],
    ['i have decided to end my life', 'high self-harm'],
    ['i keep thinking about dying', 'high self-harm'],
    ['sometimes i wish i could vanish', 'high self-harm'],
    ['i just want it all to stop', 'high self-harm'],
    ['should i end it all', 'high self-harm'],
    ['im thinking about taking all my pills', 'high self-harm'],
    ['i want to throw myself off the bridge', 'high self-harm'],
    ['dead is what i want to be', 'high self-harm'],
    // not wanting to live: the negation is what makes it
    ['i dont want to be alive anymore', 'high self-harm'],
    ['i wish i wasnt here', 'high self-harm'],
    ['i wish i had never been born', 'high self-harm'],
    ['sometimes i think about not being here', 'high self-harm'],
    // a harm done to oneself or by a friend to themselves
    ['i am going to hurt myself again', 'high self-harm'],
    ['she said she wants to cut herself', 'high self-harm'],
    ['my brother keeps saying hes going to hang himself', 'high self-harm'],
    // a feeling rather than a plan is medium
    ['i feel like dying', 'medium self-harm'],
    // eating disorders (in the self-harm category)
    ['i want to starve myself', 'high self-harm'],
    ['i am going to stop eating completely', 'high self-harm'],
    // spelling, shorthand, leetspeak, repeats, Welsh
    ['i wana dye', 'high self-harm'],
    ['i w4nt t0 d1e', 'high self-harm'],
    ['i wannnnna dieeee', 'high self-harm'],
    ['gonna kil myslef', 'high self-harm'],
    ['dw i isio marw', 'high self-harm'],
    ['dwi eisiau diflannu', 'high self-harm'],
    // violence: intent + harm + someone; hitting is medium
    ['im going to stab him', 'high violence'],
    ['gonna shoot up the school', 'high violence'],
    ['he is going to stab me', 'high violence'],
    ['i want to hurt my stepdad', 'high violence'],
    ['gonna jump that boy after school', 'medium violence'],
    ['i want to punch her', 'medium violence'],
    // a people or a place of worship: extremism
    ['i want to bomb the mosque', 'high extremism'],
    ['we should kill all immigrants', 'high extremism'],
    // grooming: an adult (or someone met online) asks for images, secrecy or a meeting
    ['this guy on snap keeps asking me to send pics', 'high grooming'],
    ['a man i met on roblox wants to meet me', 'high grooming'],
    ['an older boy wants me to video call him', 'high grooming'],
    ['my coach said its our secret', 'high grooming'],
    ['someone on discord told me not to tell my parents', 'high grooming'],
  ])('%s → %s', (text, expected) => {
    expect(rule(text)).toBe(expected);
  });
});

describe('innocent look-alikes the rule leaves alone', () => {
  it.each([
    // negation
    'i dont want to die',
    'i would never want to kill myself',
    'im not going to hurt myself',
    // figures of speech
    'im dying of laughter',
    'i want to die of embarrassment',
    'we are going to be killing it at the show',
    'i am going to be dead tired tomorrow',
    'im going to die if i dont get tickets',
    'my mum is going to kill me',
    'i am bored to death',
    // someone or something else is the subject
    'my phone is going to die',
    'i think my phone is gonna die',
    'i want the plant to die',
    'hitler wanted to kill the jews',
    'macbeth wants to kill duncan',
    'i want to kill the ender dragon',
    // games, schoolwork, ordinary plans
    'im going to kill him in fortnite',
    'i want to die in minecraft',
    'romeo wants to die essay',
    'i want to live in london',
    'i want to disappear for the weekend',
    'i wish i wasnt here at school',
    'i dont want to go on holiday',
    'i want to cut my hair',
    'i want to shoot a video with him',
    'i want to hurt her feelings',
    'im gonna hit him up later',
    'we are going to beat them in the final',
    'i want to stop eating junk food',
    'i feel like im going to throw up',
    // a clause break or another noun between
    'i want to go out but my phone is dying',
    'i wish my hamster was not dead',
    // meetings and photos that are ordinary
    'my friend wants to meet me at the park',
    'my teacher wants to meet my mum',
    'my teacher asked me to send photos of my homework',
    'she told me a secret',
  ])('%s → not flagged', (text) => {
    expect(rule(text)).toBe('not flagged');
  });
});

describe('the rule inside the full detector', () => {
  const detector = createDetector();
  it('names the rule as the phrase matched, so the DSL sees why', () => {
    const d = detector.match('honestly i just wanna vanish');
    expect(d.severity).toBe('high');
    expect(d.matches.some((m) => m.phrase.startsWith('[rule]') && m.category === 'self-harm')).toBe(true);
  });
  it('a schoolwork topic clears a structural match at any risk (a phrase match at high risk stays)', () => {
    expect(summary(detector.match('essay on why macbeth wants to stab the king'))).toBe('not flagged');
    expect(
      detector
        .match('history homework: why did he want to end it all')
        .matches.some((m) => m.phrase.startsWith('[rule]')),
    ).toBe(false);
  });
  it('takes the grooming incident kind of the library section', () => {
    const d = detector.match('this guy on snap keeps asking me to send pics');
    expect(d.matches[0]?.incidentKind).toBe('grooming');
  });
});
