import type { Request } from 'express';
import type { Directory, OktaUser } from '../directory.js';
import {
  firstMatches,
  listQuery,
  pageLimit,
  queryParam,
  sortedUsers,
  unknownCursor,
  userPages,
} from './query.js';
import type { AttrContext } from './user-attrs.js';

/**
 * The users `GET /users` lists past the `after` cursor: at most one more than the page holds (so
 * the caller knows whether a next page exists). Work grows with the page and the index's
 * candidates, not with the directory: candidates are put back in creation order and cut at the
 * cursor's position; without candidates the list is read from the cursor on until the page is full.
 * `sortBy` (with `search`) orders every match, so it still reads them all.
 */
export function listUsers(req: Request, directory: Directory, ctx: AttrContext): OktaUser[] {
  const { index } = directory;
  const query = listQuery(req, ctx, index);
  const after = queryParam(req, 'after');
  if (queryParam(req, 'sortBy') !== undefined && queryParam(req, 'search') !== undefined) {
    const sorted = sortedUsers(req, directory.all(), ctx);
    const from = after === undefined ? 0 : sorted.findIndex((u) => u.id === after) + 1;
    if (from === 0 && after !== undefined) throw unknownCursor(after);
    return sorted.slice(from).filter(query.test);
  }
  const start = after === undefined ? -1 : index.position(after);
  if (start === undefined) throw unknownCursor(after as string);
  const wanted = pageLimit(req, userPages(req)) + 1;
  if (!query.candidates) return index.pick(query.test, { wanted, ...(after === undefined ? {} : { after }) });
  const position = (u: OktaUser) => index.position(u.id) ?? -1;
  const ordered = query.candidates
    .filter((u) => position(u) > start)
    .sort((a, b) => position(a) - position(b));
  return firstMatches(ordered, query.test, wanted);
}
