import type { Category } from '../policy/categories';

/**
 * Starter keyword lists for flagging searches, per category. They flag for a person to review;
 * they block nothing. Schools extend them with their own lists (same importers as site lists).
 */
export const STARTER_KEYWORDS: Partial<Record<Category, string[]>> = {
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

/**
 * A whole-word (or whole-phrase) matcher: "sex" does not match "Essex", "cunt" does not match
 * "Scunthorpe". Letters and digits of any script count as word characters.
 */
function wordPattern(keyword: string): RegExp {
  const words = keyword.trim().toLowerCase().split(/\s+/).map(escape).join('[\\s\\-_+]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'u');
}

export type KeywordLists = Partial<Record<Category, string[]>>;

/** Compiles keyword lists once; the returned function flags a search query by category. */
export function keywordFlagger(lists: KeywordLists): (query: string) => Category[] {
  const compiled = (Object.entries(lists) as Array<[Category, string[]]>).map(
    ([category, words]) => [category, words.filter((w) => w.trim() !== '').map(wordPattern)] as const,
  );
  return (query) => {
    const text = query.toLowerCase().normalize('NFKC');
    return compiled
      .filter(([, patterns]) => patterns.some((p) => p.test(text)))
      .map(([category]) => category);
  };
}
