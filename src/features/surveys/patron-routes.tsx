import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { emptyForm } from '../../ui/forms';
import { newToken } from '../../db/ids';
import { isToken, readAnswers } from './answers';
import { todayIn } from '../../i18n/time';
import { isAcceptingAnswers } from './model';
import { AnswerPage, ClosedPage, ThanksPage } from './views/answer-page';

const patron = { config: { can: 'site.view' } } as const;

/** The patron's pages under the short link `/s/<code>`: the form, its answer and the thanks. */
export async function patronRoutes(app: FastifyInstance) {
  const { surveys } = app.services;

  /** The survey of `:code` if patrons may see it: a draft, or an unknown code, is a 404. */
  async function publicSurvey(request: FastifyRequest) {
    const found = await surveys.getByCode((request.params as { code: string }).code);
    if (!found || found.survey.status === 'draft') throw new HttpError(404);
    const accepting = isAcceptingAnswers(found.survey, todayIn(found.library.timeZone));
    return { found, accepting };
  }

  // Never cached: each view carries its own one-time token.
  app.get('/s/:code', patron, async (request, reply) => {
    const { found, accepting } = await publicSurvey(request);
    if (!accepting) return reply.view(<ClosedPage found={found} />);
    const questions = await surveys.questionsOf(found.survey.id);
    return reply.view(<AnswerPage found={found} questions={questions} form={emptyForm()} token={newToken()} />);
  });

  app.post(
    '/s/:code',
    {
      config: {
        can: 'site.view',
        // Patrons are anonymous and have no session to tie a CSRF token to. The
        // form's one-time token guards it instead: a replayed or forged post can
        // at most add one anonymous response, which the rate limit bounds.
        csrf: false,
        // A whole room (a class, a library event) may answer from one address.
        rateLimit: { max: 300, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
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
      return reply.redirect(`/s/${found.survey.code}/thanks?lang=${request.locale}`, 303);
    },
  );

  app.get('/s/:code/thanks', patron, async (request, reply) => {
    const { found } = await publicSurvey(request);
    return reply.view(<ThanksPage found={found} />);
  });
}
