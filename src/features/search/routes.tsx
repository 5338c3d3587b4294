import type { FastifyInstance } from 'fastify';
import { addRoute } from '../../server/route-contract';
import { searchRoutes as paths } from './route-table';
import { readSearchRequest, SEARCH_PAGE_SIZE } from './schema';
import { SearchPage, type SearchResult } from './views/search-page';

/** The public search page. */
export async function searchRoutes(app: FastifyInstance) {
  const { search, content } = app.services;

  addRoute(app, paths.search, async (request, reply) => {
    const tags = await content.listTags();
    const query = readSearchRequest(request.query, new Set(tags.map((t) => t.slug)));
    if (!query.q) return reply.view(<SearchPage query={query} tags={tags} result={undefined} />);

    const filter = { text: query.q, type: query.type, tag: query.tag };
    let page = query.page;
    let found = await search.query({ ...filter, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(found.total / SEARCH_PAGE_SIZE));
    if (page > pages) {
      // A page past the end (an old link, a hand-edited address) shows the last one.
      page = pages;
      found = await search.query({ ...filter, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
    }
    // The index may briefly hold an item that was just unpublished: the
    // content service only returns what is published now, and those are skipped.
    const items = new Map((await content.getPublishedByIds(found.hits.map((h) => h.id))).map((item) => [item.id, item]));
    const results: SearchResult[] = found.hits.flatMap((hit) => {
      const item = items.get(hit.id);
      return item ? [{ item, snippet: hit.snippet }] : [];
    });
    return reply.view(<SearchPage query={{ ...query, page }} tags={tags} result={{ results, total: found.total, page, pages }} />);
  });
}
