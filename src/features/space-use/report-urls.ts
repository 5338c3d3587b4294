import { href } from '../../server/route-contract';
import { spaceUseRoutes } from './route-table';
import type { WorkspaceLibrary } from '../workspace/contracts';

type LibrarySlug = Pick<WorkspaceLibrary, 'slug'>;

/** The periods and zone a report was asked for, as its query. */
export interface ReportQuery {
  beforeFrom?: string;
  beforeTo?: string;
  afterFrom?: string;
  afterTo?: string;
  zone?: string;
}

/** A space's report, e.g. `/libraries/madison/space-use/spaces/…/report`. */
export const reportPath = (library: LibrarySlug, spaceId: string, query: ReportQuery = {}): string =>
  href(spaceUseRoutes.report, { library: library.slug, space: spaceId }, query);

/** The report's table as CSV, for the same periods and zone. */
export const reportCsvPath = (library: LibrarySlug, spaceId: string, query: ReportQuery = {}): string =>
  href(spaceUseRoutes.reportCsv, { library: library.slug, space: spaceId }, query);

/** Every sweep of a space as CSV. */
export const sweepsCsvPath = (library: LibrarySlug, spaceId: string): string => href(spaceUseRoutes.sweepsCsv, { library: library.slug, space: spaceId });
