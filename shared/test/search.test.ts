import { describe, expect, it } from 'vitest';
import { keywordFlagger, parseSearchUrl, STARTER_KEYWORDS } from '../src';

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

describe('keyword flags', () => {
  const flag = keywordFlagger({
    ...STARTER_KEYWORDS,
    pornography: ['sex', 'porn'],
    discrimination: ['cunt'],
  });

  it.each([
    ['how do I kill myself', ['self-harm']],
    ['Suicide prevention helpline', ['self-harm']],
    ['unblocked games 66', ['proxy-vpn']],
    ['free VPN for school', ['proxy-vpn']],
    ['sex education year 6', ['pornography']],
    ['self-harm', ['self-harm']],
  ])('flags "%s"', (query, categories) => expect(flag(query)).toEqual(categories));

  it.each([
    'Essex county cricket',
    'Scunthorpe United',
    'Middlesex hospital',
    'approximately',
    'devpn',
    'ponies',
  ])('does not flag "%s" (whole words only)', (query) => expect(flag(query)).toEqual([]));
});
