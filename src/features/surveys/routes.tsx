import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderSVG } from 'uqr';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { surveysRoutes as paths } from './route-table';
import { scopedLibrary } from '../../server/library-scope';
import type { RequestLibrary } from '../../server/types';
import { emptyForm, type FieldErrors, type FormState } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { newToken } from '../../db/ids';
import { asLocale } from '../../i18n';
import { isToken, readAnswers } from './answers';
import { todayIn } from '../../i18n/time';
import { missingTranslations, type Question, type Survey } from './model';
import { questionType, questionValues, readQuestionForm, readSurveyDetails, surveyDetailsValues } from './schema';
import type { OpenRefusal } from './service';
import { patronRoutes } from './patron-routes';
import { SurveysPage } from './views/surveys-page';
import { SurveyFormPage } from './views/survey-form-page';
import { SurveyPage } from './views/survey-page';
import { DeleteQuestionPage, NotNowPage, QuestionFormPage, QuestionTypePage } from './views/question-pages';
import { PaperPage, PosterPage } from './views/print-pages';
import { PaperEntryPage } from './views/paper-entry-page';

/** Routes of the surveys part of a library's workspace, and the patron's pages. */
export async function surveysRoutes(app: FastifyInstance) {
  const { surveys, workspace } = app.services;

  /** The library and the survey named by `:survey`, which must be that library's; else 404. */
  async function surveyFrom(request: FastifyRequest<{ Params: { survey: string } }>) {
    const library = scopedLibrary(request);
    const survey = await surveys.getSurvey(library.id, request.params.survey);
    if (!survey) throw new HttpError(404);
    return { library, survey, base: href(paths.survey, { library: library.slug, survey: survey.id }) };
  }

  /** The survey and the question named by `:question`, which must be that survey's; else 404. */
  async function questionFrom(request: FastifyRequest<{ Params: { survey: string; question: string } }>) {
    const found = await surveyFrom(request);
    const question = await surveys.getQuestion(found.survey.id, request.params.question);
    if (!question) throw new HttpError(404);
    return { ...found, question };
  }

  /** Questions can change only while a survey is a draft; afterwards this answers 409 and says why. */
  function locked(request: FastifyRequest, reply: FastifyReply, library: RequestLibrary, survey: Survey) {
    if (survey.status === 'draft') return undefined;
    const { t } = request;
    return reply.view(<NotNowPage library={library} survey={survey} title={t('surveys.locked.title')} body={t('surveys.locked.body')} />, 409);
  }

  /** The type chooser again, with an error, for a type that is not one of the list. */
  function unknownType(request: FastifyRequest, reply: FastifyReply, library: RequestLibrary, survey: Survey) {
    const form: FormState = { values: {}, errors: { type: request.t('surveys.error.type') } };
    return reply.view(<QuestionTypePage library={library} survey={survey} form={form} />, 400);
  }

  /** Renders the survey page, with the reason opening was refused when there is one. */
  async function showSurvey(request: FastifyRequest<{ Params: { survey: string } }>, reply: FastifyReply, refusal?: OpenRefusal) {
    const { library, survey } = await surveyFrom(request);
    const [questions, responses, comments] = await Promise.all([
      surveys.questionsOf(survey.id),
      surveys.countResponses(survey.id),
      workspace.listComments(library.id, 'survey', survey.id),
    ]);
    return reply.view(
      <SurveyPage
        library={library}
        survey={survey}
        questions={questions}
        missing={missingTranslations(survey, questions)}
        responses={responses}
        publicLink={surveys.publicLink(survey)}
        today={todayIn(library.timeZone)}
        comments={comments}
        refusal={refusal}
      />,
      refusal ? 400 : 200,
    );
  }

  addRoute(app, paths.list, async (request, reply) => {
    const library = scopedLibrary(request);
    const result = await surveys.listPage(library.id, pageNumber(request.query.page));
    return reply.view(
      <SurveysPage library={library} result={result} today={todayIn(library.timeZone)} />,
    );
  });

  addRoute(app, paths.new, async (request, reply) => {
    return reply.view(<SurveyFormPage library={scopedLibrary(request)} form={emptyForm()} />);
  });

  addRoute(app, paths.create, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = readSurveyDetails(request.body, request.t, todayIn(library.timeZone));
    if (!form.ok) return reply.view(<SurveyFormPage library={library} form={form} />, 400);
    const survey = await surveys.createSurvey(library.id, form.value, request.actor?.id ?? null);
    return reply.flash('success', request.t('surveys.flash.created')).redirect(href(paths.survey, { library: library.slug, survey: survey.id }), 303);
  });

  addRoute(app, paths.survey, async (request, reply) => showSurvey(request, reply));

  addRoute(app, paths.edit, async (request, reply) => {
    const { library, survey } = await surveyFrom(request);
    return reply.view(<SurveyFormPage library={library} survey={survey} form={emptyForm(surveyDetailsValues(survey))} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const { library, survey, base } = await surveyFrom(request);
    // A closing day already passed may stay as it is; a new one must not be in the past.
    const today = todayIn(library.timeZone);
    const form = readSurveyDetails(request.body, request.t, survey.closesOn && survey.closesOn < today ? survey.closesOn : today);
    if (!form.ok) return reply.view(<SurveyFormPage library={library} survey={survey} form={form} />, 400);
    await surveys.updateSurvey(survey, form.value);
    return reply.flash('success', request.t('surveys.flash.saved')).redirect(base, 303);
  });

  addRoute(app, paths.newQuestion, async (request, reply) => {
    const { library, survey } = await surveyFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    const raw = request.query.type;
    if (raw === undefined) return reply.view(<QuestionTypePage library={library} survey={survey} form={emptyForm()} />);
    const type = questionType(raw);
    if (!type) return unknownType(request, reply, library, survey);
    const values = type === 'dots' ? { dots: '3', required: '1' } : {};
    return reply.view(<QuestionFormPage library={library} survey={survey} type={type} form={emptyForm(values)} />);
  });

  addRoute(app, paths.createQuestion, async (request, reply) => {
    const { library, survey, base } = await surveyFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    const type = questionType(request.query.type);
    if (!type) return unknownType(request, reply, library, survey);
    const form = readQuestionForm(request.body, type, request.t);
    if (!form.ok) return reply.view(<QuestionFormPage library={library} survey={survey} type={type} form={form} />, 400);
    await surveys.addQuestion(survey, type, form.value);
    return reply.flash('success', request.t('surveys.flash.questionAdded')).redirect(base, 303);
  });

  addRoute(app, paths.editQuestion, async (request, reply) => {
    const { library, survey, question } = await questionFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    return reply.view(
      <QuestionFormPage library={library} survey={survey} type={question.type} question={question} form={emptyForm(questionValues(question))} />,
    );
  });

  addRoute(app, paths.updateQuestion, async (request, reply) => {
    const { library, survey, question, base } = await questionFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    const form = readQuestionForm(request.body, question.type, request.t);
    if (!form.ok) return reply.view(<QuestionFormPage library={library} survey={survey} type={question.type} question={question} form={form} />, 400);
    await surveys.updateQuestion(survey, question, form.value);
    return reply.flash('success', request.t('surveys.flash.questionSaved', { n: question.position })).redirect(base, 303);
  });

  addRoute(app, paths.deleteQuestion, async (request, reply) => {
    const { library, survey, question } = await questionFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    return reply.view(<DeleteQuestionPage library={library} survey={survey} question={question} />);
  });

  addRoute(app, paths.confirmDeleteQuestion, async (request, reply) => {
    const { library, survey, question, base } = await questionFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    await surveys.deleteQuestion(survey, question);
    return reply.flash('success', request.t('surveys.flash.questionDeleted', { n: question.position })).redirect(base, 303);
  });

  addRoute(app, paths.moveQuestion, async (request, reply) => {
    const { library, survey, question, base } = await questionFrom(request);
    const refused = locked(request, reply, library, survey);
    if (refused) return refused;
    const direction = (request.body as Record<string, unknown> | undefined)?.direction;
    if (direction !== 'up' && direction !== 'down') throw new HttpError(400);
    await surveys.moveQuestion(survey, question, direction);
    return reply.flash('success', request.t('surveys.flash.questionMoved', { n: question.position })).redirect(base, 303);
  });

  addRoute(app, paths.open, async (request, reply) => {
    const { library, survey, base } = await surveyFrom(request);
    const result = await surveys.openSurvey(survey, todayIn(library.timeZone));
    if (!result.ok) return showSurvey(request, reply, result.reason);
    return reply.flash('success', request.t('surveys.flash.opened')).redirect(base, 303);
  });

  addRoute(app, paths.close, async (request, reply) => {
    const { library, survey, base } = await surveyFrom(request);
    // A draft has never taken answers; closing it would only lock its questions.
    if (survey.status === 'draft') {
      return reply.view(<NotNowPage library={library} survey={survey} title={request.t('surveys.close.draftTitle')} body={request.t('surveys.close.draftBody')} />, 409);
    }
    await surveys.closeSurvey(survey);
    return reply.flash('success', request.t('surveys.flash.closed')).redirect(base, 303);
  });

  addRoute(app, paths.qr, async (request, reply) => {
    const { survey } = await surveyFrom(request);
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(renderSVG(surveys.publicLink(survey)));
  });

  addRoute(app, paths.poster, async (request, reply) => {
    const { library, survey } = await surveyFrom(request);
    return reply.view(<PosterPage library={library} survey={survey} link={surveys.publicLink(survey)} />);
  });

  addRoute(app, paths.paper, async (request, reply) => {
    const { library, survey } = await surveyFrom(request);
    const language = asLocale(request.query.lang) ?? request.locale;
    const questions = await surveys.questionsOf(survey.id);
    return reply.view(<PaperPage library={library} survey={survey} questions={questions} language={language} />);
  });

  /** The paper entry form, fresh or with what was typed and its errors. */
  async function paperEntry(reply: FastifyReply, library: RequestLibrary, survey: Survey, questions: Question[], form: FormState, token: string, status = 200) {
    const entered = await surveys.countResponses(survey.id, 'paper');
    return reply.view(<PaperEntryPage library={library} survey={survey} questions={questions} form={form} token={token} entered={entered} />, status);
  }

  /** Paper copies may come back after a survey closes, but a draft has had no paper copies to answer. */
  function notDraft(request: FastifyRequest, reply: FastifyReply, library: RequestLibrary, survey: Survey) {
    if (survey.status !== 'draft') return undefined;
    const { t } = request;
    return reply.view(<NotNowPage library={library} survey={survey} title={t('surveys.paperEntry.draftTitle')} body={t('surveys.paperEntry.draftBody')} />, 409);
  }

  addRoute(app, paths.newPaper, async (request, reply) => {
    const { library, survey } = await surveyFrom(request);
    const refused = notDraft(request, reply, library, survey);
    if (refused) return refused;
    const questions = await surveys.questionsOf(survey.id);
    return paperEntry(reply, library, survey, questions, emptyForm(), newToken());
  });

  addRoute(app, paths.createPaper, async (request, reply) => {
    const { library, survey } = await surveyFrom(request);
    const refused = notDraft(request, reply, library, survey);
    if (refused) return refused;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const questions = await surveys.questionsOf(survey.id);
    const answers = readAnswers(questions, body, request.t);
    const language = asLocale(body.paperLanguage);
    const token = isToken(body.token) ? body.token : newToken();
    const errors: FieldErrors = language ? {} : { paperLanguage: request.t('surveys.error.paperLanguage') };
    const values = { ...answers.values, paperLanguage: typeof body.paperLanguage === 'string' ? body.paperLanguage : undefined };
    if (!answers.ok || !language) {
      return paperEntry(reply, library, survey, questions, { values, errors: { ...errors, ...(answers.ok ? {} : answers.errors) } }, token, 400);
    }
    await surveys.submitResponse(survey.id, { token, channel: 'paper', locale: language, answers: answers.answers, enteredBy: request.actor?.id ?? null });
    const entered = await surveys.countResponses(survey.id, 'paper');
    return reply.flash('success', request.t('surveys.flash.paperSaved', { n: entered })).redirect(href(paths.newPaper, { library: library.slug, survey: survey.id }), 303);
  });

  await patronRoutes(app);
}
