import { escapeHtml } from './html.js';

/**
 * How many rows a console list shows at once. A directory of 100,000 users made some pages
 * megabytes long (an app's assignments: 44 MB, 12 s to build); paging keeps every page's cost to
 * one page's rows, as Okta's Admin Console and Dropbox's admin console page their lists.
 */
export const LIST_PAGE_SIZE = 50;

/** A select offers at most this many choices; past it, the form asks for a name in a text field. */
export const CHOICES_MAX = 100;

/** Where one page of a list of `total` rows falls: its number (1-based), rows `start` to `end`. */
export interface PageWindow {
  readonly page: number;
  readonly pages: number;
  readonly total: number;
  readonly start: number;
  readonly end: number;
}

/** One page of a list, its rows taken. */
export interface ListPage<T> extends PageWindow {
  readonly rows: T[];
}

/**
 * The `requested` page (a `?page=` value; anything unreadable is page 1, past the end the last)
 * of `total` rows: for a list read a page at a time (Dropbox's team) rather than as an array.
 */
export function pageWindow(total: number, requested: unknown, size = LIST_PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = typeof requested === 'string' ? Number.parseInt(requested, 10) : Number.NaN;
  const page = Math.min(pages, Math.max(1, Number.isNaN(asked) ? 1 : asked));
  return { page, pages, total, start: (page - 1) * size, end: Math.min(total, page * size) };
}

/** The `requested` page of `items` (see pageWindow). */
export function pageOf<T>(items: readonly T[], requested: unknown, size = LIST_PAGE_SIZE): ListPage<T> {
  const window = pageWindow(items.length, requested, size);
  return { ...window, rows: items.slice(window.start, window.end) };
}

/**
 * Previous and next links for a paged list at `path`, with the query parameters that select the
 * list (`keep`, e.g. a search; not a one-time notice); empty when everything fits on one page.
 */
export function pagerNav(path: string, list: PageWindow, keep: Record<string, string> = {}): string {
  if (list.pages <= 1) return '';
  const link = (to: number, label: string) => {
    const params = new URLSearchParams({ ...keep, page: String(to) });
    return `<a href="${escapeHtml(`${path}?${params}`)}">${label}</a>`;
  };
  const prev = list.page > 1 ? link(list.page - 1, '‹ Previous') : '';
  const next = list.page < list.pages ? link(list.page + 1, 'Next ›') : '';
  return `<nav class="pager" aria-label="Pages">${prev}<span>Page ${list.page} of ${list.pages}</span>${next}</nav>`;
}
