import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { surveysRoutes as paths } from './route-table';
import { emptyForm } from '../../ui/forms';
import { newToken } from '../../db/ids';
import { isToken, readAnswers } from './answers';
import { todayIn } from '../../i18n/time';
import { isAcceptingAnswers } from './model';
import { AnswerPage, ClosedPage, ThanksPage } from './views/answer-page';

/** The patron's pages under the short link `/s/<code>`: the form, its answer and the thanks. */
export async function patronRoutes(app: FastifyInstance) {
  const { surveys } = app.services;

  /** The survey of `:code` if patrons may see it: a draft, or an unknown code, is a 404. */
  async function publicSurvey(request: FastifyRequest<{ Params: { code: string } }>) {
    const found = await surveys.getByCode(request.params.code);
    if (!found || found.survey.status === 'draft') throw new HttpError(404);
    const accepting = isAcceptingAnswers(found.survey, todayIn(found.library.timeZone));
    return { found, accepting };
  }

  addRoute(app, paths.answer, async (request, reply) => {
    const { found, accepting } = await publicSurvey(request);
    if (!accepting) return reply.view(<ClosedPage found={found} />);
    const questions = await surveys.questionsOf(found.survey.id);
    return reply.view(<AnswerPage found={found} questions={questions} form={emptyForm()} token={newToken()} />);
  });

  addRoute(app, paths.submitAnswer, async (request, reply) => {
    const { found, accepting } = await publicSurvey(request);
    if (!accepting) return reply.view(<ClosedPage found={found} />, 409);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const questions = await surveys.questionsOf(found.survey.id);
    const answers = readAnswers(questions, body, request.t);
    const token = isToken(body.token) ? body.token : undefined;
    if (!answers.ok || !token) {
      const errors = answers.ok ? { token: request.t('surveys.answer.token') } : answers.errors;
      return reply.view(<AnswerPage found={found} questions={questions} form={{ values: answers.values, errors }} token={token ?? newToken()} />, 400);
    }
    // Resolves only once the row is committed, so the thanks page means the answers are kept.
    await surveys.submitResponse(found.survey.id, { token, channel: 'web', locale: request.locale, answers: answers.answers });
    return reply.redirect(href(paths.thanks, { code: found.survey.code }, { lang: request.locale }), 303);
  });

  addRoute(app, paths.thanks, async (request, reply) => {
    const { found } = await publicSurvey(request);
    return reply.view(<ThanksPage found={found} />);
  });
}
