/**
 * The starter keyword lists and whole-word flagger Waymark used before issue 14, kept verbatim so
 * `npm run bench:detection` can print their figures beside the new matcher's in the same run. The
 * old server made every flagged search high severity.
 */
type Category = string;

export const OLD_STARTER_KEYWORDS: Partial<Record<Category, string[]>> = {
  'self-harm': [
    'suicide',
    'kill myself',
    'want to die',
    'self harm',
    'self-harm',
    'cutting myself',
    'how to overdose',
    'pro ana',
  ],
  extremism: ['join isis', 'jihadi', 'white power', 'race war', 'great replacement'],
  pornography: ['porn', 'xxx', 'nudes', 'hentai', 'onlyfans'],
  violence: ['how to make a bomb', 'school shooting', 'buy a gun', 'beheading video'],
  'substance-abuse': ['buy weed', 'cocaine', 'mdma', 'ketamine', 'vape shop near me'],
  gambling: ['online casino', 'betting odds', 'free spins'],
  'proxy-vpn': ['proxy', 'vpn', 'unblocked games', 'bypass school filter', 'unblocker'],
  discrimination: ['racist jokes'],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function wordPattern(keyword: string): RegExp {
  const words = keyword.trim().toLowerCase().split(/\s+/).map(escape).join('[\\s\\-_+]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'u');
}

/** The old flagger: categories whose list has a whole-word match in the query. */
export function oldKeywordFlagger(lists: Partial<Record<Category, string[]>>): (query: string) => Category[] {
  const compiled = Object.entries(lists).map(
    ([category, words]) => [category, (words ?? []).filter((w) => w.trim() !== '').map(wordPattern)] as const,
  );
  return (query) => {
    const text = query.toLowerCase().normalize('NFKC');
    return compiled
      .filter(([, patterns]) => patterns.some((p) => p.test(text)))
      .map(([category]) => category);
  };
}
