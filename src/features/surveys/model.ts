import type { Locale } from '../../i18n';
import type {
  AnswerValue,
  QuestionType,
  ResponseChannel,
  SurveyOption,
  SurveyQuestionsTable,
  SurveyResponsesTable,
  SurveyStatus,
  SurveysTable,
} from '../../db/tables/surveys';

export type { AnswerValue, QuestionType, ResponseChannel, SurveyOption, SurveyStatus };

/** Question types, in the order the builder offers them. */
export const QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'scale', 'short', 'long', 'dots'];

/** Types whose answers pick among options. */
export const OPTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'dots'];

/** The points of a scale question. */
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;

/** Text in both languages. */
export interface Bilingual {
  en: string;
  es: string;
}

/** A survey as the features see it. */
export interface Survey {
  id: string;
  libraryId: string;
  code: string;
  title: Bilingual;
  intro: Bilingual;
  status: SurveyStatus;
  /** Last day answers are taken, in the library's time zone; null when closed by hand only. */
  closesOn: string | null;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A question with its options parsed. */
export interface Question {
  id: string;
  surveyId: string;
  position: number;
  type: QuestionType;
  prompt: Bilingual;
  required: boolean;
  /** Dot votes: dots each patron places; null otherwise. */
  dots: number | null;
  options: SurveyOption[];
}

/** One stored response with its answers parsed. */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  channel: ResponseChannel;
  locale: Locale;
  answers: Record<string, AnswerValue>;
  submittedAt: string;
}

/** Maps a survey row to the model. */
export function toSurvey(row: SurveysTable): Survey {
  return {
    id: row.id,
    libraryId: row.library_id,
    code: row.code,
    title: { en: row.title_en, es: row.title_es },
    intro: { en: row.intro_en, es: row.intro_es },
    status: row.status,
    closesOn: row.closes_on,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Maps a question row to the model. */
export function toQuestion(row: SurveyQuestionsTable): Question {
  return {
    id: row.id,
    surveyId: row.survey_id,
    position: row.position,
    type: row.type,
    prompt: { en: row.prompt_en, es: row.prompt_es },
    required: row.required === 1,
    dots: row.dots,
    options: JSON.parse(row.options) as SurveyOption[],
  };
}

/** Maps a response row to the model. */
export function toResponse(row: SurveyResponsesTable): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    channel: row.channel,
    locale: row.locale,
    answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
    submittedAt: row.submitted_at,
  };
}

/** Text in the reader's language, falling back to English when the translation is missing. */
export function inLocale(text: Bilingual, locale: Locale): string {
  return text[locale] || text.en;
}

/**
 * Whether answers are taken today: open, and not past its closing day. The
 * closing day is compared in the library's time zone (`today` is that day).
 */
export function isAcceptingAnswers(survey: Survey, today: string): boolean {
  return survey.status === 'open' && (survey.closesOn === null || today <= survey.closesOn);
}

/** The status a reader sees: an open survey past its closing day counts as closed. */
export function effectiveStatus(survey: Survey, today: string): SurveyStatus {
  if (survey.status === 'open' && !isAcceptingAnswers(survey, today)) return 'closed';
  return survey.status;
}

/** One text that exists in one language but not the other. */
export interface MissingTranslation {
  /** What is missing, e.g. the title, question 2, or an option of question 2. */
  part: 'title' | 'intro' | 'prompt' | 'option';
  language: keyof Bilingual;
  /** The question's position (from 1) for prompts and options. */
  question?: number;
  questionId?: string;
  /** The option's position (from 1) for options. */
  option?: number;
}

/** Languages in which a text is empty. */
function missingIn(text: Bilingual): Array<keyof Bilingual> {
  return (['en', 'es'] as const).filter((language) => text[language].trim() === '');
}

/**
 * Every text a patron could read that lacks its English or Spanish version. The
 * intro may be empty in both languages; any other text must exist in both.
 */
export function missingTranslations(survey: Survey, questions: Question[]): MissingTranslation[] {
  const missing: MissingTranslation[] = missingIn(survey.title).map((language) => ({ part: 'title', language }));
  const introMissing = missingIn(survey.intro);
  if (introMissing.length === 1) missing.push({ part: 'intro', language: introMissing[0]! });
  for (const q of questions) {
    const where = { question: q.position, questionId: q.id };
    for (const language of missingIn(q.prompt)) missing.push({ part: 'prompt', language, ...where });
    q.options.forEach((option, index) => {
      for (const language of missingIn(option)) missing.push({ part: 'option', language, option: index + 1, ...where });
    });
  }
  return missing;
}
