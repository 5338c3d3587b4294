import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { translator, type Locale } from '../../i18n';
import { pageOfArray, type Page } from '../../db/pagination';
import { addDays, startOfDay } from '../../i18n/time';
import { inLocale, toQuestion, toResponse, toSurvey, type Question, type ResponseChannel, type Survey } from './model';
import { createSurveyResultsRepository, type ResponseWindow } from './results-repository';
import { answerCell, leading, tallyQuestion, type QuestionFigures, type TextAnswer } from './results-tally';

/**
 * Readers outside a library's team see a question's results only when at
 * least this many people answered it (in the current filter), so that no
 * patron can be picked out of a small group.
 */
export const PRIVACY_THRESHOLD = 5;

/** Free-text answers shown on the results page; the rest are on the question's own page. */
export const TEXT_PREVIEW = 20;

/** Free-text answers a page of a question's answers lists. */
export const TEXT_PAGE_SIZE = 25;

/** How many options a highlight names per question. */
const HIGHLIGHT_OPTIONS = 3;

/** Who reads the results: the library's own team sees everything. */
export type Audience = 'team' | 'outside';

/** A filter as typed: days in the library's time zone (YYYY-MM-DD, both included) and a channel. */
export interface ResultsFilter {
  from?: string;
  to?: string;
  channel?: ResponseChannel;
}

/** The library whose survey is read: its id, and its time zone for the filter's days. */
export interface ResultsLibrary {
  id: string;
  timeZone: string;
}

/** One question's results; figures are left out when privacy hides them. */
export interface QuestionResult {
  question: Question;
  answered: number;
  /** True when the reader is outside the team and fewer than PRIVACY_THRESHOLD answered. */
  hidden: boolean;
  figures?: QuestionFigures;
}

/** A survey's results under a filter. */
export interface SurveyResults {
  survey: Survey;
  /** Responses over the survey's whole life, by channel. */
  byChannel: Record<ResponseChannel, number>;
  /** Responses matching the filter. */
  matching: number;
  questions: QuestionResult[];
}

/** One free-text question's answers, a page at a time. */
export interface TextResults {
  survey: Survey;
  question: Question;
  answered: number;
  hidden: boolean;
  answers: Page<TextAnswer>;
}

/** One question's leading results, for a transformation story. */
export interface QuestionHighlight {
  prompt: string;
  responses: number;
  /** Options (or scale points) with their share, largest first. */
  top: Array<{ label: string; percent: number }>;
}

/** True when privacy keeps a question's figures from this reader. */
export function isHidden(answered: number, audience: Audience): boolean {
  return audience === 'outside' && answered < PRIVACY_THRESHOLD;
}

/** The filter's days as the UTC instants responses are stored with, in the library's time zone. */
function windowOf(filter: ResultsFilter, timeZone: string): ResponseWindow {
  return {
    since: filter.from ? startOfDay(filter.from, timeZone) : undefined,
    until: filter.to ? startOfDay(addDays(filter.to, 1), timeZone) : undefined,
    channel: filter.channel,
  };
}

/** The English headings of the CSV columns before the questions. */
const CSV_COLUMNS = ['Response id', 'Submitted at', 'Channel', 'Language'];

/** Survey results: counts, percentages, free-text answers, the CSV export and story highlights. */
export function createSurveyResultsService(deps: { db: Kysely<DB> }) {
  const repository = createSurveyResultsRepository(deps.db);

  /** A survey of the library with its questions and the responses a filter keeps; undefined when not the library's. */
  async function load(library: ResultsLibrary, surveyId: string, filter: ResultsFilter) {
    const row = await repository.findSurvey(library.id, surveyId);
    if (!row) return undefined;
    const [questions, responses] = await Promise.all([
      repository.listQuestions(row.id),
      repository.listResponses(row.id, windowOf(filter, library.timeZone)),
    ]);
    return { survey: toSurvey(row), questions: questions.map(toQuestion), responses: responses.map(toResponse) };
  }

  return {
    /**
     * Every question's figures under a filter. Free-text questions carry
     * their newest TEXT_PREVIEW answers; questions privacy hides carry none.
     */
    async forSurvey(library: ResultsLibrary, surveyId: string, filter: ResultsFilter, audience: Audience): Promise<SurveyResults | undefined> {
      const loaded = await load(library, surveyId, filter);
      if (!loaded) return undefined;
      const byChannel = await repository.countByChannel(loaded.survey.id);
      const questions = loaded.questions.map((question): QuestionResult => {
        const { answered, figures } = tallyQuestion(question, loaded.responses);
        if (isHidden(answered, audience)) return { question, answered, hidden: true };
        const shown = figures.kind === 'text' ? { ...figures, answers: figures.answers.slice(0, TEXT_PREVIEW) } : figures;
        return { question, answered, hidden: false, figures: shown };
      });
      return { survey: loaded.survey, byChannel, matching: loaded.responses.length, questions };
    },

    /**
     * A page of one free-text question's answers, newest first. Undefined
     * when the survey is not the library's, or the question is not a text
     * question of that survey.
     */
    async textAnswers(
      library: ResultsLibrary,
      surveyId: string,
      questionId: string,
      filter: ResultsFilter,
      audience: Audience,
      page: number,
    ): Promise<TextResults | undefined> {
      const loaded = await load(library, surveyId, filter);
      const question = loaded?.questions.find((q) => q.id === questionId);
      if (!loaded || !question || (question.type !== 'short' && question.type !== 'long')) return undefined;
      const { answered, figures } = tallyQuestion(question, loaded.responses);
      const hidden = isHidden(answered, audience);
      const all = figures.kind === 'text' && !hidden ? figures.answers : [];
      return { survey: loaded.survey, question, answered, hidden, answers: pageOfArray(all, page, TEXT_PAGE_SIZE) };
    },

    /**
     * The export of a filter's responses for the library's team: a header row,
     * then one row per response, newest first, with one column per question
     * headed by its English prompt. Cells are raw: guard them when writing CSV.
     */
    async exportRows(library: ResultsLibrary, surveyId: string, filter: ResultsFilter) {
      const loaded = await load(library, surveyId, filter);
      if (!loaded) return undefined;
      const { survey, questions, responses } = loaded;
      function* rows() {
        yield [...CSV_COLUMNS, ...questions.map((q) => q.prompt.en)];
        for (const response of responses) {
          yield [
            response.id,
            response.submittedAt,
            response.channel,
            response.locale,
            ...questions.map((q) => answerCell(q, response.answers[q.id])),
          ];
        }
      }
      return { survey, rows: rows() };
    },

    /**
     * Highlights of a library's surveys for readers outside its team: every
     * survey past its draft that has responses, and for each choice, scale
     * or dot-vote question with at least PRIVACY_THRESHOLD answers, its
     * leading options with their share. Free-text answers are never quoted.
     */
    async highlights(libraryId: string, locale: Locale): Promise<Array<{ title: string; responses: number; questions: QuestionHighlight[] }>> {
      const t = translator(locale);
      const surveys = await repository.listAnsweredSurveys(libraryId);
      return Promise.all(
        surveys.map(async (row) => {
          const [questions, responses] = await Promise.all([repository.listQuestions(row.id), repository.listResponses(row.id, {})]);
          const parsed = responses.map(toResponse);
          const highlights = questions.map(toQuestion).flatMap((question): QuestionHighlight[] => {
            const { answered, figures } = tallyQuestion(question, parsed);
            if (figures.kind === 'text' || isHidden(answered, 'outside')) return [];
            const top =
              figures.kind === 'scale'
                ? leading(figures.points, HIGHLIGHT_OPTIONS).map((p) => ({ label: t('surveyResults.scale.point', { point: p.point }), percent: p.percent }))
                : leading(figures.options, HIGHLIGHT_OPTIONS).map((o) => ({ label: inLocale(o.label, locale), percent: o.percent }));
            return [{ prompt: inLocale(question.prompt, locale), responses: answered, top }];
          });
          return { title: inLocale(toSurvey(row).title, locale), responses: responses.length, questions: highlights };
        }),
      );
    },
  };
}

export type SurveyResultsService = ReturnType<typeof createSurveyResultsService>;
