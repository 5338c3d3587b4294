import Type from 'typebox';
import type { Translate } from '../../i18n';
import { isCalendarDate } from '../../i18n/time';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import { OPTION_TYPES, QUESTION_TYPES, type Bilingual, type Question, type QuestionType, type Survey } from './model';

export const MAX_TITLE_LENGTH = 200;
export const MAX_INTRO_LENGTH = 1000;
export const MAX_PROMPT_LENGTH = 500;
export const MAX_OPTION_LENGTH = 120;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 12;
export const MAX_DOTS = 10;

const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export const SurveyDetailsForm = Type.Object({
  titleEn: Type.Optional(Type.String({ maxLength: MAX_TITLE_LENGTH, title: 'surveys.field.titleEn' })),
  titleEs: Type.Optional(Type.String({ maxLength: MAX_TITLE_LENGTH, title: 'surveys.field.titleEs' })),
  introEn: Type.Optional(Type.String({ maxLength: MAX_INTRO_LENGTH, title: 'surveys.field.introEn' })),
  introEs: Type.Optional(Type.String({ maxLength: MAX_INTRO_LENGTH, title: 'surveys.field.introEs' })),
  closesOn: Type.Optional(
    Type.String({ maxLength: 10, pattern: DAY_PATTERN, title: 'surveys.field.closesOn', errorMessage: 'surveys.error.closesOn' }),
  ),
});

export const QuestionForm = Type.Object({
  promptEn: Type.Optional(Type.String({ maxLength: MAX_PROMPT_LENGTH, title: 'surveys.field.promptEn' })),
  promptEs: Type.Optional(Type.String({ maxLength: MAX_PROMPT_LENGTH, title: 'surveys.field.promptEs' })),
  required: Type.Optional(Type.String({ maxLength: 10, title: 'surveys.field.required' })),
  // Room for twelve options of the longest length, one per line.
  optionsEn: Type.Optional(Type.String({ maxLength: MAX_OPTIONS * (MAX_OPTION_LENGTH + 2), title: 'surveys.field.optionsEn' })),
  optionsEs: Type.Optional(Type.String({ maxLength: MAX_OPTIONS * (MAX_OPTION_LENGTH + 2), title: 'surveys.field.optionsEs' })),
  dots: Type.Optional(Type.String({ maxLength: 2, pattern: '^\\d{1,2}$', title: 'surveys.field.dots', errorMessage: 'surveys.error.dots' })),
});

/** What a survey's details form saves. */
export interface SurveyDetailsInput {
  title: Bilingual;
  intro: Bilingual;
  closesOn: string | null;
}

/** What a question form saves; option ids are given by the service. */
export interface QuestionInput {
  prompt: Bilingual;
  required: boolean;
  dots: number | null;
  options: Bilingual[];
}

/** A question type from user input, or undefined when it is not one. */
export function questionType(value: unknown): QuestionType | undefined {
  return QUESTION_TYPES.find((type) => type === value);
}

/** Adds the errors found after the field checks to a result. */
function failWith<T>(values: FormValues, base: FieldErrors, extra: FieldErrors): FormResult<T> {
  return { ok: false, values, errors: { ...base, ...extra } };
}

/**
 * Reads the details form: a title in at least one language (the other is
 * flagged as a missing translation), and a closing day that is a real day
 * and not before `today` in the library's time zone.
 */
export function readSurveyDetails(body: unknown, t: Translate, today: string): FormResult<SurveyDetailsInput> {
  const form = validateForm(SurveyDetailsForm, body, t);
  const base = form.ok ? {} : form.errors;
  const errors: FieldErrors = {};
  const { values } = form;
  if (!base.titleEn && !String(values.titleEn ?? '').trim() && !String(values.titleEs ?? '').trim()) {
    errors.titleEn = t('surveys.error.title');
  }
  const closesOn = String(values.closesOn ?? '').trim();
  if (closesOn && !base.closesOn) {
    if (!isCalendarDate(closesOn)) errors.closesOn = t('surveys.error.closesOn');
    else if (closesOn < today) errors.closesOn = t('surveys.error.closesOnPast');
  }
  if (!form.ok || Object.keys(errors).length) return failWith(values, base, errors);
  const value = form.value;
  return {
    ok: true,
    values,
    value: {
      title: { en: value.titleEn ?? '', es: value.titleEs ?? '' },
      intro: { en: value.introEn ?? '', es: value.introEs ?? '' },
      closesOn: value.closesOn ?? null,
    },
  };
}

/** The lines of an option list, without the empty lines at its end. */
function optionLines(text: string | undefined): string[] {
  const lines = (text ?? '').split(/\r?\n/).map((line) => line.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Reads the option lists of a question: English and Spanish matched line by line. */
function readOptions(values: FormValues, t: Translate): { options: Bilingual[]; errors: FieldErrors } {
  const en = optionLines(values.optionsEn as string | undefined);
  const es = optionLines(values.optionsEs as string | undefined);
  // One empty list is a missing translation, shown before opening; two lists of different lengths cannot be matched.
  if (en.length && es.length && en.length !== es.length) {
    return { options: [], errors: { optionsEs: t('surveys.error.optionsMismatch', { en: en.length, es: es.length }) } };
  }
  const count = Math.max(en.length, es.length);
  const options = Array.from({ length: count }, (_, i) => ({ en: en[i] ?? '', es: es[i] ?? '' }));
  const errors: FieldErrors = {};
  if (count < MIN_OPTIONS || count > MAX_OPTIONS) errors.optionsEn = t('surveys.error.optionsCount', { min: MIN_OPTIONS, max: MAX_OPTIONS });
  const blank = options.findIndex((o) => !o.en && !o.es);
  if (blank >= 0) errors.optionsEn = t('surveys.error.optionBlank', { n: blank + 1 });
  for (const language of ['en', 'es'] as const) {
    const long = options.findIndex((o) => o[language].length > MAX_OPTION_LENGTH);
    if (long >= 0) errors[language === 'en' ? 'optionsEn' : 'optionsEs'] = t('surveys.error.optionLong', { n: long + 1, limit: MAX_OPTION_LENGTH });
  }
  return { options, errors };
}

/**
 * Reads a question form for a type: a prompt in at least one language, the
 * options of choice and dot-vote questions, and the dots of a dot vote.
 */
export function readQuestionForm(body: unknown, type: QuestionType, t: Translate): FormResult<QuestionInput> {
  const form = validateForm(QuestionForm, body, t);
  const base = form.ok ? {} : form.errors;
  const errors: FieldErrors = {};
  const { values } = form;
  if (!base.promptEn && !String(values.promptEn ?? '').trim() && !String(values.promptEs ?? '').trim()) {
    errors.promptEn = t('surveys.error.prompt');
  }
  let options: Bilingual[] = [];
  if (OPTION_TYPES.includes(type) && !base.optionsEn && !base.optionsEs) {
    const read = readOptions(values, t);
    options = read.options;
    Object.assign(errors, read.errors);
  }
  let dots: number | null = null;
  if (type === 'dots' && !base.dots) {
    dots = Number(String(values.dots ?? '').trim());
    if (!Number.isInteger(dots) || dots < 1 || dots > MAX_DOTS || String(values.dots ?? '').trim() === '') {
      errors.dots = t('surveys.error.dots');
    }
  }
  if (!form.ok || Object.keys(errors).length) return failWith(values, base, errors);
  return {
    ok: true,
    values,
    value: {
      prompt: { en: form.value.promptEn ?? '', es: form.value.promptEs ?? '' },
      required: values.required === '1',
      dots,
      options,
    },
  };
}

/** The details form filled in from a survey. */
export function surveyDetailsValues(survey: Survey): FormValues {
  return { titleEn: survey.title.en, titleEs: survey.title.es, introEn: survey.intro.en, introEs: survey.intro.es, closesOn: survey.closesOn ?? '' };
}

/** The question form filled in from a question. */
export function questionValues(question: Question): FormValues {
  return {
    promptEn: question.prompt.en,
    promptEs: question.prompt.es,
    required: question.required ? '1' : undefined,
    optionsEn: question.options.map((o) => o.en).join('\n'),
    optionsEs: question.options.map((o) => o.es).join('\n'),
    dots: question.dots === null ? '' : String(question.dots),
  };
}
