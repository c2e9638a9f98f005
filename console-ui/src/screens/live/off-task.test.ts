import { describe, expect, it } from 'vitest';
import type { Category, LessonOverride, TabInfo } from '@waymark/shared';
import { isOffTask, lessonSites, offTaskReason } from './off-task';

const NOW = new Date('2026-12-07T10:20:00.000Z');
const open: LessonOverride = {
  id: 'o1',
  classId: 'owls',
  kind: 'open',
  sites: ['coolmathgames.com', 'topmarks.co.uk'],
  startsAt: '2026-12-07T10:00:00.000Z',
  endsAt: '2026-12-07T10:40:00.000Z',
  createdBy: 'Ms Khan',
};
const tab = (url: string | null, category: TabInfo['category'] = null, blocked = false): TabInfo => ({
  id: 1,
  title: 'A tab',
  url,
  favIconUrl: null,
  blocked,
  category,
});
const marked = new Set<Category>(['gaming', 'video']);

describe('off task: the lesson’s sites and the categories marked for it', () => {
  it('a marked category is off task, and says which', () => {
    expect(offTaskReason(tab('https://www.youtube.com/watch?v=1', 'video'), null, marked)).toEqual({
      kind: 'category',
      category: 'video',
    });
    expect(offTaskReason(tab('https://www.tiktok.com/', 'social-media'), null, marked)).toBeNull();
  });

  it('a site the lesson opens is never off task, whatever its category', () => {
    const sites = lessonSites([open], NOW);
    expect(isOffTask(tab('https://www.coolmathgames.com/0-run-3', 'gaming'), sites, marked)).toBe(false);
    expect(offTaskReason(tab('https://www.poki.com/', 'gaming'), sites, marked)).toEqual({
      kind: 'category',
      category: 'gaming',
    });
    expect(offTaskReason(tab('https://news.example/', null), sites, marked)).toEqual({ kind: 'site' });
  });

  it('help sites, block pages, hidden addresses and the browser’s own pages never are', () => {
    expect(isOffTask(tab('https://www.childline.org.uk/', 'video'), null, marked)).toBe(false);
    expect(isOffTask(tab('https://www.youtube.com/', 'video', true), null, marked)).toBe(false);
    expect(isOffTask(tab(null, null), null, marked)).toBe(false);
    expect(isOffTask(tab('chrome://newtab/', null), lessonSites([open], NOW), marked)).toBe(false);
  });

  it('with no lesson sites and nothing marked, nothing is off task; a lapsed override opens nothing', () => {
    expect(isOffTask(tab('https://www.youtube.com/', 'video'), null)).toBe(false);
    const later = lessonSites([open], new Date('2026-12-07T11:00:00.000Z'));
    expect(later).toBeNull();
  });
});
