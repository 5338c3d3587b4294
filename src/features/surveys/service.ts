import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { SurveyQuestionsTable, SurveyStatus } from '../../db/tables/surveys';
import type { Config } from '../../server/config';
import type { Locale } from '../../i18n';
import { newId, newToken, nowIso } from '../../db/ids';
import { isUniqueViolation } from '../../db/errors';
import { todayIn } from '../../i18n/time';
import type { WorkspaceService } from '../workspace/service';
import {
  effectiveStatus,
  isAcceptingAnswers,
  missingTranslations,
  toQuestion,
  toSurvey,
  type AnswerValue,
  type Question,
  type QuestionType,
  type ResponseChannel,
  type Survey,
  type SurveyOption,
} from './model';
import type { QuestionInput, SurveyDetailsInput } from './schema';
import { createSurveysRepository } from './repository';
import { paginate } from '../../db/pagination';
import { href } from '../../server/route-contract';
import { surveysRoutes } from './route-table';

export interface SurveysDeps {
  db: Kysely<DB>;
  config: Config;
  workspace: WorkspaceService;
}

/** Letters and digits that cannot be mistaken for one another on a poster: no 0/O, 1/I/L. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;
const CODE_ATTEMPTS = 8;
const PAGE_SIZE = 25;

/** A new public code, e.g. "K7M3QD". */
export function newSurveyCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A code as typed by a patron: any case, spaces ignored. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** A survey in a library's list, with how many responses it has. */
export interface SurveySummary extends Survey {
  responses: number;
}

/** A survey found by its public code, with what the patron's pages show of its library. */
export interface PublicSurvey {
  survey: Survey;
  library: { id: string; slug: string; name: string; timeZone: string };
}

/** One response to store, as a patron or staff member gave it. */
export interface NewResponse {
  token: string;
  channel: ResponseChannel;
  locale: Locale;
  answers: Record<string, AnswerValue>;
  enteredBy?: string | null;
}

/** A response imported in bulk (demo data), with its own time. */
export interface ImportedResponse {
  channel: ResponseChannel;
  locale: Locale;
  answers: Record<string, AnswerValue>;
  submittedAt: string;
  enteredBy?: string | null;
}

/** Why a survey could not be opened. */
export type OpenRefusal = 'noQuestions' | 'translations' | 'closingDayPast' | 'alreadyOpen';

/** Thrown when questions of a survey that has been opened are to be changed. */
export class QuestionsLockedError extends Error {
  constructor() {
    super('Questions are locked once a survey has been opened');
  }
}

/** Options with ids kept by position, so answers already given keep pointing at the same line. */
function withIds(options: QuestionInput['options'], previous: SurveyOption[]): SurveyOption[] {
  let next = previous.reduce((max, o) => Math.max(max, Number(o.id.slice(1)) || 0), 0);
  return options.map((text, index) => ({ id: previous[index]?.id ?? `o${++next}`, ...text }));
}

/** The stored form of a question's editable fields. */
function questionColumns(input: QuestionInput, type: QuestionType, previous: SurveyOption[] = []) {
  return {
    prompt_en: input.prompt.en,
    prompt_es: input.prompt.es,
    required: input.required ? 1 : 0,
    dots: type === 'dots' ? input.dots : null,
    options: JSON.stringify(withIds(input.options, previous)),
  } satisfies Partial<SurveyQuestionsTable>;
}

/** Building bilingual patron surveys, opening them, and taking anonymous answers. */
export function createSurveysService({ db, config, workspace }: SurveysDeps) {
  const repo = createSurveysRepository(db);

  const getSurvey = async (libraryId: string, id: string): Promise<Survey | undefined> => {
    const row = await repo.findSurvey(libraryId, id);
    return row && toSurvey(row);
  };

  const questionsOf = async (surveyId: string): Promise<Question[]> => (await repo.questions(surveyId)).map(toQuestion);

  const assertDraft = (survey: Survey) => {
    if (survey.status !== 'draft') throw new QuestionsLockedError();
  };

  workspace.registerSubject('survey', async (library, id) => {
    const survey = await getSurvey(library.id, id);
    return survey && { title: survey.title.en || survey.title.es, path: href(surveysRoutes.survey, { library: library.slug, survey: survey.id }) };
  });

  const service = {
    /** The library's surveys, for links from other parts of the workspace. */
    async listForLibrary(libraryId: string): Promise<Array<{ id: string; titleEn: string; titleEs: string; status: SurveyStatus }>> {
      return (await repo.allSurveys(libraryId)).map((row) => ({ id: row.id, titleEn: row.title_en, titleEs: row.title_es, status: row.status }));
    },

    /** How many surveys the library has, how many take answers today, and all their responses. */
    async counts(libraryId: string) {
      const [rows, responses, timeZone] = await Promise.all([
        repo.allSurveys(libraryId),
        repo.countLibraryResponses(libraryId),
        repo.libraryTimeZone(libraryId),
      ]);
      const today = todayIn(timeZone ?? 'UTC');
      return { surveys: rows.length, open: rows.filter((row) => isAcceptingAnswers(toSurvey(row), today)).length, responses };
    },

    /** A page (25 a page) of the library's surveys, newest first, with response counts. */
    async listPage(libraryId: string, page: number) {
      const total = await repo.countSurveys(libraryId);
      return paginate(total, page, PAGE_SIZE, async (limit, offset): Promise<SurveySummary[]> =>
        (await repo.listSurveys(libraryId, limit, offset)).map(({ responses, ...row }) => ({ ...toSurvey(row), responses: Number(responses ?? 0) })),
      );
    },

    /** A survey of the library; undefined for an unknown id or another library's survey. */
    getSurvey,

    /** A survey by its public code (any case), with its library; undefined when unknown. */
    async getByCode(code: string): Promise<PublicSurvey | undefined> {
      const row = await repo.findByCode(normaliseCode(code));
      if (!row) return undefined;
      const { library_name, library_slug, library_time_zone, ...survey } = row;
      return { survey: toSurvey(survey), library: { id: survey.library_id, slug: library_slug, name: library_name, timeZone: library_time_zone } };
    },

    /** The survey's questions in order. */
    questionsOf,

    /** A question of the survey; undefined for an unknown id or another survey's question. */
    async getQuestion(surveyId: string, id: string): Promise<Question | undefined> {
      const row = await repo.findQuestion(surveyId, id);
      return row && toQuestion(row);
    },

    /** The address patrons use, e.g. `https://example.org/s/K7M3QD`. */
    publicLink(survey: Survey): string {
      return `${config.publicUrl}${href(surveysRoutes.answer, { code: survey.code })}`;
    },

    /** Creates a draft survey with a new unique public code (a rare clash draws another). */
    async createSurvey(libraryId: string, input: SurveyDetailsInput, createdBy: string | null): Promise<Survey> {
      const now = nowIso();
      for (let attempt = 1; ; attempt++) {
        const row = {
          id: newId(),
          library_id: libraryId,
          code: newSurveyCode(),
          title_en: input.title.en,
          title_es: input.title.es,
          intro_en: input.intro.en,
          intro_es: input.intro.es,
          status: 'draft' as const,
          closes_on: input.closesOn,
          opened_at: null,
          closed_at: null,
          created_by: createdBy,
          created_at: now,
          updated_at: now,
        };
        try {
          await repo.insertSurvey(row);
          return toSurvey(row);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= CODE_ATTEMPTS) throw error;
        }
      }
    },

    /** Saves a survey's title, intro and closing day. */
    async updateSurvey(survey: Survey, input: SurveyDetailsInput): Promise<void> {
      await repo.updateSurvey(survey.id, {
        title_en: input.title.en,
        title_es: input.title.es,
        intro_en: input.intro.en,
        intro_es: input.intro.es,
        closes_on: input.closesOn,
        updated_at: nowIso(),
      });
    },

    /** Adds a question at the end of a draft survey. */
    async addQuestion(survey: Survey, type: QuestionType, input: QuestionInput): Promise<Question> {
      assertDraft(survey);
      const position = (await repo.questions(survey.id)).length + 1;
      const row = { id: newId(), survey_id: survey.id, position, type, ...questionColumns(input, type) };
      await repo.insertQuestion(row);
      return toQuestion(row);
    },

    /** Saves a question of a draft survey, keeping option ids by position. */
    async updateQuestion(survey: Survey, question: Question, input: QuestionInput): Promise<void> {
      assertDraft(survey);
      await repo.updateQuestion(question.id, questionColumns(input, question.type, question.options));
    },

    /** Deletes a question of a draft survey. */
    async deleteQuestion(survey: Survey, question: Question): Promise<void> {
      assertDraft(survey);
      const row = await repo.findQuestion(survey.id, question.id);
      if (row) await repo.deleteQuestion(row);
    },

    /** Moves a question of a draft survey one place up or down; nothing happens at either end. */
    async moveQuestion(survey: Survey, question: Question, direction: 'up' | 'down'): Promise<void> {
      assertDraft(survey);
      const rows = await repo.questions(survey.id);
      const index = rows.findIndex((row) => row.id === question.id);
      const other = rows[direction === 'up' ? index - 1 : index + 1];
      if (index >= 0 && other) await repo.swapPositions(rows[index]!, other);
    },

    /**
     * Opens a draft or closed survey for answers. Refuses when it has no
     * questions, a text lacks its translation, or its closing day has passed.
     */
    async openSurvey(survey: Survey, today: string): Promise<{ ok: true } | { ok: false; reason: OpenRefusal }> {
      if (effectiveStatus(survey, today) === 'open') return { ok: false, reason: 'alreadyOpen' };
      if (survey.closesOn !== null && survey.closesOn < today) return { ok: false, reason: 'closingDayPast' };
      const questions = await questionsOf(survey.id);
      if (questions.length === 0) return { ok: false, reason: 'noQuestions' };
      if (missingTranslations(survey, questions).length) return { ok: false, reason: 'translations' };
      const now = nowIso();
      await repo.updateSurvey(survey.id, { status: 'open', opened_at: survey.openedAt ?? now, closed_at: null, updated_at: now });
      return { ok: true };
    },

    /** Closes a survey by hand. */
    async closeSurvey(survey: Survey): Promise<void> {
      const now = nowIso();
      await repo.updateSurvey(survey.id, { status: 'closed', closed_at: now, updated_at: now });
    },

    /**
     * Stores one response as one row. A second copy with the same one-time
     * token (a double submit, or a retry after a dropped connection) is
     * already stored: it is not stored again, and counts as success.
     * Resolves only after the row is committed.
     */
    async submitResponse(surveyId: string, response: NewResponse): Promise<{ stored: boolean }> {
      try {
        await repo.insertResponse({
          id: newId(),
          survey_id: surveyId,
          token: response.token,
          channel: response.channel,
          locale: response.locale,
          answers: JSON.stringify(response.answers),
          submitted_at: nowIso(),
          entered_by: response.enteredBy ?? null,
        });
        return { stored: true };
      } catch (error) {
        if (isUniqueViolation(error)) return { stored: false };
        throw error;
      }
    },

    /** Inserts many responses in one transaction (demo data and imports). */
    async importResponses(surveyId: string, responses: ImportedResponse[]): Promise<void> {
      await repo.insertResponses(
        responses.map((r) => ({
          id: newId(),
          survey_id: surveyId,
          token: newToken(),
          channel: r.channel,
          locale: r.locale,
          answers: JSON.stringify(r.answers),
          submitted_at: r.submittedAt,
          entered_by: r.enteredBy ?? null,
        })),
      );
    },

    /** Sets status and dates directly, for demo data that ran in the past. */
    async setHistory(survey: Survey, history: { status: SurveyStatus; openedAt: string | null; closedAt: string | null }): Promise<void> {
      await repo.updateSurvey(survey.id, { status: history.status, opened_at: history.openedAt, closed_at: history.closedAt });
    },

    /** How many responses a survey has, of one channel or all. */
    countResponses: (surveyId: string, channel?: ResponseChannel) => repo.countResponses(surveyId, channel),
  };

  // A survey counts for the journey once patrons have answered it, whether it is still open or closed.
  workspace.registerEvidence(async (libraryId) => {
    const { responses } = await service.counts(libraryId);
    return [{ item: 'survey', done: responses > 0, n: responses }];
  });

  return service;
}

export type SurveysService = ReturnType<typeof createSurveysService>;
