import type { FastifyInstance } from 'fastify';
import { addRoute } from '../../server/route-contract';
import { HttpError } from '../../server/http-error';
import { pageNumber } from '../../ui/pagination';
import { stateCode } from '../libraries/schema';
import { directoryRoutes as paths } from './route-table';
import { DirectoryPage } from './views/directory-page';
import { LibraryProfilePage } from './views/library-profile-page';

/** The public directory of participating libraries and each library's profile. */
export async function directoryRoutes(app: FastifyInstance) {
  const { libraries, programs, content, images } = app.services;

  addRoute(app, paths.list, async (request, reply) => {
    const { query } = request;
    const [cohorts, all] = await Promise.all([programs.listCohorts(), libraries.allLibraries()]);
    const states = [...new Set(all.map((l) => l.state))].sort();
    // Unknown filter values are ignored rather than refused: old links keep working.
    const state = stateCode(query.state);
    const cohort = cohorts.find((c) => c.id === query.cohort)?.id;
    const result = await libraries.listLibraries({ visible: 'all', state, cohortId: cohort }, pageNumber(query.page));
    return reply.view(<DirectoryPage result={result} filter={{ state, cohort }} states={states} cohorts={cohorts} />);
  });

  addRoute(app, paths.profile, async (request, reply) => {
    const library = await libraries.getLibraryBySlug(request.params.library);
    if (!library) throw new HttpError(404);
    const page = pageNumber(request.query.page);
    const [cohort, stories, postcards] = await Promise.all([
      library.cohortId ? programs.getCohort(library.cohortId) : undefined,
      content.listPublished({ libraryId: library.id, type: 'story' }, 1),
      content.listPublished({ libraryId: library.id, type: 'postcard' }, page),
    ]);
    const cards = await Promise.all(
      postcards.items.map(async (item) => ({ item, image: item.imageId ? await images.getImage(item.imageId) : undefined })),
    );
    return reply.view(
      <LibraryProfilePage
        library={library}
        cohortName={cohort?.name}
        story={stories.items[0]}
        postcards={{ ...postcards, items: cards }}
      />,
    );
  });
}
