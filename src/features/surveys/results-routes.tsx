import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readsResultsAsTeam } from '../../policy';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { surveysRoutes as paths } from './route-table';
import { scopedLibrary } from '../../server/library-scope';
import type { RequestLibrary } from '../../server/types';
import { sendCsv } from '../../server/csv-response';
import { pageNumber } from '../../ui/pagination';
import { emptyForm, type FormResult, type FormState } from '../../ui/forms';
import type { Audience } from './results';
import { readResultsFilter } from './results-schema';
import { ResultsPage } from './views/results-page';
import { TextAnswersPage } from './views/results-text-page';

/** Coaches and admins read from outside the team, so privacy hides small groups from them (see the policy). */
function audienceOf(request: FastifyRequest, library: RequestLibrary): Audience {
  return readsResultsAsTeam(request.actor, library.id) ? 'team' : 'outside';
}

/** The filter as asked, for the team only; the policy says why others never filter. */
function requestedFilter(request: FastifyRequest, audience: Audience): unknown {
  return audience === 'team' ? request.query : {};
}

/** The filter form as typed, with its errors when it is invalid. */
function formState(form: FormResult<unknown>): FormState {
  return form.ok ? emptyForm(form.values) : form;
}

/** A file name made only of safe characters. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '') || 'survey';

/** Survey results pages and the CSV export. */
export async function surveyResultsRoutes(app: FastifyInstance) {
  const { surveyResults } = app.services;

  addRoute(app, paths.results, async (request, reply) => {
    const library = scopedLibrary(request);
    const { survey } = request.params;
    const audience = audienceOf(request, library);
    const form = readResultsFilter(requestedFilter(request, audience), request.t);
    const filter = form.ok ? form.value : undefined;
    const results = await surveyResults.forSurvey(library, survey, filter ?? {}, audience);
    if (!results) throw new HttpError(404);
    const page = <ResultsPage library={library} results={results} form={formState(form)} filter={filter} />;
    return reply.view(page, form.ok ? 200 : 400);
  });

  addRoute(app, paths.resultsCsv, async (request, reply) => {
    const library = scopedLibrary(request);
    const { survey } = request.params;
    const form = readResultsFilter(request.query, request.t);
    // The results page explains a broken filter; the download link only carries valid ones.
    if (!form.ok) throw new HttpError(400);
    const exported = await surveyResults.exportRows(library, survey, form.value);
    if (!exported) throw new HttpError(404);
    return sendCsv(reply, `${fileSafe(exported.survey.code)}-responses.csv`, exported.rows);
  });

  addRoute(app, paths.textAnswers, async (request, reply) => {
    const library = scopedLibrary(request);
    const { survey, question } = request.params;
    const { query } = request;
    const audience = audienceOf(request, library);
    const form = readResultsFilter(requestedFilter(request, audience), request.t);
    const filter = form.ok ? form.value : undefined;
    const text = await surveyResults.textAnswers(library, survey, question, filter ?? {}, audience, pageNumber(query.page));
    if (!text) throw new HttpError(404);
    const page = <TextAnswersPage library={library} text={text} form={formState(form)} filter={filter} canFilter={audience === 'team'} />;
    return reply.view(page, form.ok ? 200 : 400);
  });
}
