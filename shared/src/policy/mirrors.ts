/**
 * Mirrors: services that show another site's pages under their own address (issue 21). A mirror
 * inherits the verdict of the site it carries (`evaluateUrl`), or is blocked outright when the
 * school's policy says `mirrors: 'block'`. The device sends every mirror navigation through its
 * block page, where the carried address is decided (docs/architecture.md, "The policy model").
 *
 * Kept as data: each form has a regex (RE2, for the DNR rule) selecting its URLs, a way to read the
 * carried address, and examples the tests check both against.
 */
interface MirrorForm {
  name: string;
  /** Selects the form's URLs (lower-case scheme and host, as Chromium writes them). */
  regex: string;
  /** The address the mirror shows, or null when this URL carries none (its home page). */
  target(url: URL): string | null;
  examples: Array<{ url: string; target: string | null }>;
}

const withScheme = (address: string) =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`;

/** `www-bet365-com` → `www.bet365.com`: Google writes `.` as `-` and `-` as `--`. */
function undash(label: string): string {
  return label.replace(/--|-/g, (m) => (m === '--' ? '-' : '.'));
}

export const MIRROR_FORMS: readonly MirrorForm[] = [
  {
    name: 'Google Translate proxy',
    regex: '^https?://[^/?#]+\\.translate\\.goog(?::[0-9]+)?(?:[/?#]|$)',
    target(url) {
      const label = url.hostname.slice(0, -'.translate.goog'.length);
      if (label === '' || label.includes('.')) return null;
      const query = [...url.searchParams].filter(([k]) => !k.startsWith('_x_tr_'));
      const search = query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
      return `https://${undash(label)}${url.pathname}${search}`;
    },
    examples: [
      {
        url: 'https://www-bet365-com.translate.goog/en/?_x_tr_sl=auto&_x_tr_tl=en',
        target: 'https://www.bet365.com/en/',
      },
      { url: 'https://my--site-co-uk.translate.goog/a?b=1', target: 'https://my-site.co.uk/a?b=1' },
    ],
  },
  {
    name: 'Google Translate',
    regex:
      '^https?://translate\\.(?:google\\.[a-z.]+|googleusercontent\\.com)(?::[0-9]+)?/translate(?:_c)?\\?',
    target(url) {
      const carried = url.searchParams.get('u');
      return carried ? withScheme(carried) : null;
    },
    examples: [
      {
        url: 'https://translate.google.com/translate?sl=auto&tl=fr&u=https://www.bet365.com/',
        target: 'https://www.bet365.com/',
      },
      { url: 'https://translate.google.co.uk/translate?u=bet365.com', target: 'https://bet365.com' },
      { url: 'https://translate.google.com/translate?sl=auto', target: null },
    ],
  },
  {
    name: 'Wayback Machine snapshot',
    regex: '^https?://(?:web\\.)?archive\\.org(?::[0-9]+)?/web/',
    target(url) {
      const m = /^\/web\/[^/]*\/(.+)$/.exec(url.pathname + url.search);
      return m ? withScheme(m[1]!.replace(/^([a-z]+:)\/(?!\/)/i, '$1//')) : null;
    },
    examples: [
      {
        url: 'https://web.archive.org/web/20240101000000/https://www.bet365.com/',
        target: 'https://www.bet365.com/',
      },
      {
        url: 'https://web.archive.org/web/2024id_/http://www.bet365.com/page?x=1',
        target: 'http://www.bet365.com/page?x=1',
      },
      { url: 'https://web.archive.org/web/*/bet365.com', target: 'https://bet365.com' },
    ],
  },
  {
    name: 'Google cache',
    regex: '^https?://webcache\\.googleusercontent\\.com(?::[0-9]+)?/search\\?',
    target(url) {
      const q = url.searchParams.get('q') ?? '';
      if (!q.startsWith('cache:')) return null;
      // `cache:<id>:<address>`: the id is a short token with no dot.
      const rest = q.slice('cache:'.length).replace(/^[\w-]{6,20}:(?!\/\/)/, '');
      const address = rest.split(/[ +]/)[0] ?? '';
      return address === '' ? null : withScheme(address);
    },
    examples: [
      {
        url: 'https://webcache.googleusercontent.com/search?q=cache:https://www.bet365.com/',
        target: 'https://www.bet365.com/',
      },
      {
        url: 'https://webcache.googleusercontent.com/search?q=cache:r8aF2Lx3JYcJ:www.bet365.com/+&cd=1',
        target: 'https://www.bet365.com/',
      },
    ],
  },
];

/** The mirror form a URL is in and the address it carries, or null for a URL that is not a mirror. */
export function mirrorOf(url: string): { form: MirrorForm; target: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const href = parsed.href;
  for (const form of MIRROR_FORMS) {
    if (new RegExp(form.regex).test(href)) return { form, target: form.target(parsed) };
  }
  return null;
}
