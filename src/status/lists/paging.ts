import type { ListItem, StatusAnswer } from '../status-answer.ts';
import { PAGE_SIZE, commandFor, nextPage, type ListQuery } from '../status-query.ts';

/** The page `query.page` of items already sorted most urgent first, as a list answer. */
export function listAnswer(query: ListQuery, sorted: readonly ListItem[], text: { title: string; emptyText: string }, pageSize = PAGE_SIZE): StatusAnswer {
  return pagedAnswer(query, sorted.slice((query.page - 1) * pageSize, query.page * pageSize), sorted.length, text, pageSize);
}

/** A list answer for one page whose items were read alone (the total counted separately). */
export function pagedAnswer(query: ListQuery, items: ListItem[], total: number, text: { title: string; emptyText: string }, pageSize = PAGE_SIZE): StatusAnswer {
  const from = (query.page - 1) * pageSize + 1;
  const next = from - 1 + items.length < total && items.length > 0 ? nextPage(query) : null;
  return {
    kind: 'list',
    list: { query, title: text.title, items, total, from, next, nextCommand: next ? commandFor(next) : null, emptyText: text.emptyText },
  };
}

/** The slice of ids of one page (for lists that count ids first and read only the page). */
export function pageIds(ids: readonly number[], page: number, pageSize = PAGE_SIZE): number[] {
  return ids.slice((page - 1) * pageSize, page * pageSize);
}
