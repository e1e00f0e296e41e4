import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, pageOf, pagerNav, pageWindow } from '../../harness/core/paging.js';

const items = Array.from({ length: 120 }, (_, i) => i + 1);

describe('pageOf', () => {
  it('takes the asked page of LIST_PAGE_SIZE rows, with the count of pages and rows', () => {
    const second = pageOf(items, '2');
    expect([second.rows[0], second.rows.at(-1), second.rows.length]).toEqual([51, 100, LIST_PAGE_SIZE]);
    expect([second.page, second.pages, second.total]).toEqual([2, 3, 120]);
    expect(pageOf(items, '3').rows).toEqual([
      101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120,
    ]);
  });

  it('reads anything unreadable as page 1 and anything past the end as the last page', () => {
    for (const asked of [undefined, '', 'x', '-4', '0', ['2', '3']])
      expect(pageOf(items, asked).page).toBe(1);
    expect(pageOf(items, '99').page).toBe(3);
    expect(pageOf([], '5')).toEqual({ rows: [], page: 1, pages: 1, total: 0, start: 0, end: 0 });
  });
});

describe('pageWindow', () => {
  it('places a page of a list read in pieces: its first row and the end, short on the last page', () => {
    expect(pageWindow(120, '3')).toEqual({ page: 3, pages: 3, total: 120, start: 100, end: 120 });
    expect(pageWindow(120, '1', 10)).toMatchObject({ pages: 12, start: 0, end: 10 });
  });
});

describe('pagerNav', () => {
  it('is empty for one page, and links the neighbours keeping the list’s own parameters', () => {
    expect(pagerNav('/admin/people', pageOf(items.slice(0, 50), '1'))).toBe('');
    const nav = parse(pagerNav('/admin/people', pageOf(items, '2'), { q: 'a&b', status: '' }));
    expect(nav.querySelectorAll('a').map((a) => [a.text, a.getAttribute('href')])).toEqual([
      ['‹ Previous', '/admin/people?q=a%26b&status=&page=1'],
      ['Next ›', '/admin/people?q=a%26b&status=&page=3'],
    ]);
    expect(nav.querySelector('span')?.text).toBe('Page 2 of 3');
  });
});
