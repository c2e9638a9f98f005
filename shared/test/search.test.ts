import { describe, expect, it } from 'vitest';
import { createDetector, parsePhraseLine, parseSearchUrl, schoolPhrasesFrom } from '../src';

describe('parseSearchUrl', () => {
  it.each([
    ['https://www.google.com/search?q=volcanoes+for+kids&safe=active', 'Google', 'volcanoes for kids'],
    ['https://www.google.co.uk/search?q=tudors&source=hp&ei=abc', 'Google', 'tudors'],
    ['https://www.google.com.au/search?client=firefox&q=koalas', 'Google', 'koalas'],
    ['https://www.bing.com/search?q=photosynthesis&form=QBLH', 'Bing', 'photosynthesis'],
    ['https://www.bing.com/images/search?q=owls', 'Bing', 'owls'],
    ['https://duckduckgo.com/?q=fractions&t=h_&ia=web', 'DuckDuckGo', 'fractions'],
    ['https://html.duckduckgo.com/html/?q=rivers', 'DuckDuckGo', 'rivers'],
    ['https://www.youtube.com/results?search_query=times+tables+song', 'YouTube', 'times tables song'],
    ['https://m.youtube.com/results?search_query=minecraft', 'YouTube', 'minecraft'],
    ['https://uk.search.yahoo.com/search?p=rainforest', 'Yahoo', 'rainforest'],
    ['https://www.ecosia.org/search?method=index&q=recycling', 'Ecosia', 'recycling'],
    ['https://www.kiddle.co/s.php?q=dinosaurs', 'Kiddle', 'dinosaurs'],
    ['https://www.google.com/search?q=caf%C3%A9+menu', 'Google', 'café menu'],
  ])('%s → %s "%s"', (url, engine, query) => {
    expect(parseSearchUrl(url)).toEqual({ engine, query });
  });

  it.each([
    'https://www.google.com/maps?q=london',
    'https://www.google.com/search',
    'https://www.google.com/search?q=+',
    'https://www.youtube.com/watch?v=abc',
    'https://www.notgoogle.com/search?q=x',
    'https://google.evil.com/search?q=x',
    'not a url',
    '',
  ])('is not a search: %s', (url) => expect(parseSearchUrl(url)).toBeNull());
});

describe('search flags: the library plus a school’s own phrases', () => {
  const detector = createDetector({
    phrases: schoolPhrasesFrom({ pornography: ['sex', 'porn'], discrimination: ['cunt, high'] }),
  });
  const flag = (query: string) => detector.match(query).categories;

  it.each([
    ['how do I kill myself', ['self-harm']],
    ['unblocked games 66', ['proxy-vpn']],
    ['free VPN for school', ['proxy-vpn']],
    ['sex tips', ['pornography']],
    ['self-harm', ['self-harm']],
    ['you absolute cunt', ['discrimination']],
  ])('flags "%s"', (query, categories) => expect(flag(query)).toEqual(categories));

  it.each([
    'Essex county cricket',
    'Scunthorpe United',
    'Middlesex hospital',
    'approximately',
    'devpn',
    'ponies',
    'sex education year 6',
    'Suicide prevention day assembly',
  ])('does not flag "%s" (whole words only; benign context)', (query) => expect(flag(query)).toEqual([]));
});

describe('a school’s phrase lines', () => {
  it('take an optional risk after a comma or tab, in English or Welsh', () => {
    expect(parsePhraseLine('Red  Dragons, HIGH')).toEqual({
      ok: true,
      phrase: { text: 'red dragons', risk: 'high' },
      line: 'red dragons, high',
    });
    expect(parsePhraseLine('orchard gang\tuchel')).toMatchObject({ phrase: { risk: 'high' } });
    expect(parsePhraseLine('sewer party')).toEqual({
      ok: true,
      phrase: { text: 'sewer party' },
      line: 'sewer party',
    });
  });

  it('refuse lines that are not phrases', () => {
    expect(parsePhraseLine('???')).toEqual({ ok: false, error: 'no letters or digits' });
    expect(parsePhraseLine('gang, urgent')).toEqual({
      ok: false,
      error: '"urgent" is not a risk (high, medium or low)',
    });
    expect(parsePhraseLine('(kill|hurt')).toMatchObject({ ok: false });
    expect(parsePhraseLine('x'.repeat(101))).toEqual({ ok: false, error: 'longer than 100 characters' });
  });
});
