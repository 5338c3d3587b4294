import type { Translate } from '../../i18n';
import type { FieldErrors, FormValues } from '../../ui/forms';
import { SCALE_POINTS, type AnswerValue, type Question, type SurveyOption } from './model';

export const MAX_SHORT_ANSWER = 200;
export const MAX_LONG_ANSWER = 2000;

/** The form field of a question, or of one option of a dot vote. */
export function answerField(question: Question, option?: SurveyOption): string {
  return option ? `q_${question.id}_${option.id}` : `q_${question.id}`;
}

/** A one-time token as `newToken()` makes it. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,100}$/.test(value);
}

export type AnswersResult =
  | { ok: true; answers: Record<string, AnswerValue>; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

const firstString = (raw: unknown): string => {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim() : '';
};

const allStrings = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);

/**
 * Reads one patron's answers to a survey's questions. Fields that are not a
 * question's are ignored. On failure every problem is named by its question,
 * in the patron's language, and the raw answers are kept to show again.
 */
export function readAnswers(questions: Question[], body: unknown, t: Translate): AnswersResult {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: FormValues = {};
  const errors: FieldErrors = {};
  const answers: Record<string, AnswerValue> = {};

  questions.forEach((question, index) => {
    const n = index + 1;
    const field = answerField(question);
    const optionIds = new Set(question.options.map((o) => o.id));
    const fail = (message: string) => {
      errors[field] = message;
    };
    switch (question.type) {
      case 'single':
      case 'scale':
      case 'short':
      case 'long': {
        const value = firstString(source[field]);
        values[field] = value;
        if (!value) {
          if (question.required) fail(t('surveys.answer.required', { n }));
        } else if (question.type === 'single') {
          if (optionIds.has(value)) answers[question.id] = value;
          else fail(t('surveys.answer.unknownOption', { n }));
        } else if (question.type === 'scale') {
          const point = SCALE_POINTS.find((p) => String(p) === value);
          if (point) answers[question.id] = point;
          else fail(t('surveys.answer.scale', { n }));
        } else {
          const limit = question.type === 'short' ? MAX_SHORT_ANSWER : MAX_LONG_ANSWER;
          if (value.length > limit) fail(t('surveys.answer.tooLong', { n, limit }));
          else answers[question.id] = value;
        }
        break;
      }
      case 'multiple': {
        const chosen = [...new Set(allStrings(source[field]))];
        values[field] = chosen;
        if (chosen.some((id) => !optionIds.has(id))) fail(t('surveys.answer.unknownOption', { n }));
        else if (chosen.length) answers[question.id] = chosen;
        else if (question.required) fail(t('surveys.answer.required', { n }));
        break;
      }
      case 'dots': {
        const limit = question.dots ?? 0;
        const placed: Record<string, number> = {};
        let total = 0;
        let malformed = false;
        for (const option of question.options) {
          const optionField = answerField(question, option);
          const value = firstString(source[optionField]);
          values[optionField] = value;
          if (!value) continue;
          if (!/^\d{1,3}$/.test(value)) {
            malformed = true;
            continue;
          }
          const dots = Number(value);
          total += dots;
          if (dots > 0) placed[option.id] = dots;
        }
        if (malformed) fail(t('surveys.answer.dotsWhole', { n }));
        else if (total > limit) fail(t('surveys.answer.dotsOver', { n, dots: limit, placed: total }));
        else if (total > 0) answers[question.id] = placed;
        else if (question.required) fail(t('surveys.answer.required', { n }));
        break;
      }
    }
  });

  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, answers, values };
}
