/** Tables of the surveys feature (see migration 0009-surveys). */
export interface SurveysTables {
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_responses: SurveyResponsesTable;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

/** A patron survey or idea board of one library, with its text in both languages. */
export interface SurveysTable {
  id: string;
  library_id: string;
  /** The short code in the public link `/s/<code>`; unique across the site. */
  code: string;
  title_en: string;
  title_es: string;
  /** A few words shown above the questions; '' when none. */
  intro_en: string;
  intro_es: string;
  status: SurveyStatus;
  /** The last day answers are taken (YYYY-MM-DD, in the library's time zone); null to close by hand. */
  closes_on: string | null;
  opened_at: string | null;
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type QuestionType = 'single' | 'multiple' | 'scale' | 'short' | 'long' | 'dots';

/** One choice of a single-choice, multiple-choice or dot-vote question. */
export interface SurveyOption {
  /** Stable within the question, so answers keep pointing at it after edits. */
  id: string;
  en: string;
  es: string;
}

/** One question of a survey. */
export interface SurveyQuestionsTable {
  id: string;
  survey_id: string;
  /** Order on the page, from 1. */
  position: number;
  type: QuestionType;
  prompt_en: string;
  prompt_es: string;
  /** 1 when a patron must answer it. */
  required: number;
  /** Dot votes: how many dots each patron places; null for other types. */
  dots: number | null;
  /** JSON array of SurveyOption; '[]' for types without options. */
  options: string;
}

/**
 * One answer to a question, as stored in a response's JSON:
 * single choice: option id; multiple choice: option ids; scale: 1–5;
 * short and long text: the text; dot vote: dots per option id.
 */
export type AnswerValue = string | string[] | number | Record<string, number>;

export type ResponseChannel = 'web' | 'paper';

/** One patron's answers, stored as one row so a submission is all or nothing. */
export interface SurveyResponsesTable {
  id: string;
  survey_id: string;
  /**
   * The one-time token of the form the answers came from, unique per survey:
   * a double submit or a retry stores nothing new.
   */
  token: string;
  channel: ResponseChannel;
  /** The language the patron answered in. */
  locale: 'en' | 'es';
  /** JSON object: question id → AnswerValue; unanswered questions are absent. */
  answers: string;
  submitted_at: string;
  /** Paper answers: the staff member who typed them in; null for web answers. */
  entered_by: string | null;
}
