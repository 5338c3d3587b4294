import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const read = 'library.view' as const;
const record = 'library.work' as const;

const SPACE_USE = '/libraries/:library/space-use';
const SPACE = `${SPACE_USE}/spaces/:space`;
const REPORT_QUERY = Type.Object({ beforeFrom: queryValue(), beforeTo: queryValue(), afterFrom: queryValue(), afterTo: queryValue(), zone: queryValue() });

/** The routes of a library's space-use counts: every link to them is built from this table with `href`. */
export const spaceUseRoutes = defineRoutes({
  spaces: { method: 'GET', path: SPACE_USE, can: read },
  sweeps: { method: 'GET', path: `${SPACE_USE}/sweeps`, can: read, query: Type.Object({ page: queryValue() }) },
  newSpaceForm: { method: 'GET', path: `${SPACE_USE}/spaces/new`, can: record },
  createSpace: { method: 'POST', path: `${SPACE_USE}/spaces/new`, can: record },
  editSpaceForm: { method: 'GET', path: `${SPACE}/edit`, can: record },
  updateSpace: { method: 'POST', path: `${SPACE}/edit`, can: record },
  newSweepForm: { method: 'GET', path: `${SPACE}/sweeps/new`, can: record },
  createSweep: { method: 'POST', path: `${SPACE}/sweeps/new`, can: record },
  /** Where devices send the sweeps they recorded (decision 032). */
  sync: { method: 'POST', path: `${SPACE_USE}/sync`, can: record },
  /** A space's report: two periods compared at the same hours of the week, optionally for one zone. */
  report: { method: 'GET', path: `${SPACE}/report`, can: read, query: REPORT_QUERY },
  reportCsv: { method: 'GET', path: `${SPACE}/report.csv`, can: read, query: REPORT_QUERY },
  /** Every sweep of a space with its counts per zone. */
  sweepsCsv: { method: 'GET', path: `${SPACE}/sweeps.csv`, can: read },
  /** The Suma import: upload a file, then preview it and map its locations to zones (see import-routes). */
  importForm: { method: 'GET', path: `${SPACE}/import`, can: record },
  importUpload: { method: 'POST', path: `${SPACE}/import`, can: record, upload: true },
  /** `upload` is the key the uploaded file is kept under until it is imported. */
  importMapForm: { method: 'GET', path: `${SPACE}/import/map`, can: record, query: Type.Object({ upload: queryValue() }) },
  importRun: { method: 'POST', path: `${SPACE}/import/map`, can: record },
});
