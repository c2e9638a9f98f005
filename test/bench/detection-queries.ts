/**
 * A stream of search queries for the throughput figure: mostly ordinary schoolwork searches built
 * from common words (seeded, so every run matches the same texts), with the corpus's risky and
 * benign texts mixed in, as a school's real traffic would be.
 */
const WORDS = `how to what is why do does the a of in for and my school homework year 7 8 9 10 11 maths
english science history geography french spanish welsh music art pe drama computing coding python scratch
minecraft roblox fortnite youtube video game games free online play kids facts for kids ks2 ks3 gcse
revision bbc bitesize quiz test answers worksheet definition meaning examples diagram photosynthesis
cells plants animals habitat food chain volcano earthquake rivers coast weather climate change rainforest
romans vikings tudors egyptians ww1 ww2 victorians castles kings queens henry viii elizabeth churchill
fractions decimals percentages times tables algebra equations angles area perimeter volume graphs
poem poetry story writing spelling grammar punctuation nouns verbs adjectives shakespeare macbeth
football premier league score results netflix film films movie cartoon songs lyrics dance tiktok
dog cat puppy kitten horse hamster pets birthday party ideas cake recipe pizza pancakes chocolate
near me weather tomorrow translate google maps train times bus cinema swimming pool park library
how many how much when where who which can i should i best top 10 list easy quick simple`.split(/\s+/);

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function queryStream(count: number, corpusTexts: readonly string[]): string[] {
  const random = mulberry32(14);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (random() < 0.1 && corpusTexts.length > 0) {
      out.push(corpusTexts[Math.floor(random() * corpusTexts.length)]!);
      continue;
    }
    const n = 2 + Math.floor(random() * 6);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!);
    out.push(words.join(' '));
  }
  return out;
}
