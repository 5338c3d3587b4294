import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const view = 'library.view';
const work = 'library.work';
const base = '/libraries/:library/surveys';
const survey = `${base}/:survey`;
const question = `${survey}/questions/:question`;
/** The results filter (see `readResultsFilter`): a bad value is a 400 with the filter form, never a 500. */
const resultsFilter = { from: queryValue(), to: queryValue(), channel: queryValue() };

/** The surveys' routes, the patron's pages and the results: every link to them is built from this table with `href`. */
export const surveysRoutes = defineRoutes({
  list: { method: 'GET', path: base, can: view, query: Type.Object({ page: queryValue() }) },
  new: { method: 'GET', path: `${base}/new`, can: work },
  create: { method: 'POST', path: `${base}/new`, can: work },
  survey: { method: 'GET', path: survey, can: view },
  edit: { method: 'GET', path: `${survey}/edit`, can: work },
  update: { method: 'POST', path: `${survey}/edit`, can: work },
  /** Without `?type=` the type chooser; with it, the form of a question of that type. */
  newQuestion: { method: 'GET', path: `${survey}/questions/new`, can: work, query: Type.Object({ type: queryValue() }) },
  createQuestion: { method: 'POST', path: `${survey}/questions/new`, can: work, query: Type.Object({ type: queryValue() }) },
  editQuestion: { method: 'GET', path: `${question}/edit`, can: work },
  updateQuestion: { method: 'POST', path: `${question}/edit`, can: work },
  deleteQuestion: { method: 'GET', path: `${question}/delete`, can: work },
  confirmDeleteQuestion: { method: 'POST', path: `${question}/delete`, can: work },
  moveQuestion: { method: 'POST', path: `${question}/move`, can: work },
  open: { method: 'POST', path: `${survey}/open`, can: work },
  close: { method: 'POST', path: `${survey}/close`, can: work },
  qr: { method: 'GET', path: `${survey}/qr.svg`, can: view },
  poster: { method: 'GET', path: `${survey}/poster`, can: view },
  /** The printable form, in the language of `?lang=`. */
  paper: { method: 'GET', path: `${survey}/paper`, can: view, query: Type.Object({ lang: queryValue() }) },
  newPaper: { method: 'GET', path: `${survey}/paper/new`, can: work },
  createPaper: { method: 'POST', path: `${survey}/paper/new`, can: work },
  results: { method: 'GET', path: `${survey}/results`, can: view, query: Type.Object(resultsFilter) },
  // Raw answers, free text included, stay with the library's own team.
  resultsCsv: { method: 'GET', path: `${survey}/results.csv`, can: work, query: Type.Object(resultsFilter) },
  textAnswers: {
    method: 'GET',
    path: `${survey}/results/questions/:question`,
    can: view,
    query: Type.Object({ ...resultsFilter, page: queryValue() }),
  },
  // Never cached: each view of the form carries its own one-time token.
  answer: { method: 'GET', path: '/s/:code', can: 'site.view', query: Type.Object({ lang: queryValue() }) },
  submitAnswer: {
    method: 'POST',
    path: '/s/:code',
    can: 'site.view',
    query: Type.Object({ lang: queryValue() }),
    config: {
      // Patrons are anonymous and have no session to tie a CSRF token to. The
      // form's one-time token guards it instead: a replayed or forged post can
      // at most add one anonymous response, which the rate limit bounds.
      csrf: false,
      // A whole room (a class, a library event) may answer from one address.
      rateLimit: { max: 300, timeWindow: '1 minute' },
    },
  },
  thanks: { method: 'GET', path: '/s/:code/thanks', can: 'site.view', query: Type.Object({ lang: queryValue() }) },
});
