import Type, { type TObject } from 'typebox';
import type { Translate } from '../../i18n';
import { isCalendarDate } from '../../i18n/time';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import {
  isActivityKind,
  normaliseTheme,
  type Activity,
  type ActivityInput,
  type Insight,
  type InsightInput,
} from './service';

export const MAX_TITLE_LENGTH = 200;
export const MAX_PLACE_LENGTH = 200;
export const MAX_NOTES_LENGTH = 10_000;
export const MAX_PARTICIPANTS = 100_000;
export const MAX_INSIGHT_LENGTH = 1000;
export const MAX_THEMES = 8;
export const MAX_THEME_LENGTH = 40;

export const ActivityForm = Type.Object({
  // Checked against ACTIVITY_KINDS in readActivityForm: a union here would hide the other fields' errors.
  kind: Type.String({ maxLength: 40, title: 'discover.field.kind', errorMessage: 'discover.error.kind' }),
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH, title: 'discover.field.title', errorMessage: 'discover.error.title' }),
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: 'discover.field.date', errorMessage: 'discover.error.date' }),
  place: Type.Optional(Type.String({ maxLength: MAX_PLACE_LENGTH, title: 'discover.field.place' })),
  participants: Type.String({
    pattern: '^(\\d{1,3}(,\\d{3})+|\\d{1,9})$',
    title: 'discover.field.participants',
    errorMessage: 'discover.error.participants',
  }),
  notes: Type.Optional(Type.String({ maxLength: MAX_NOTES_LENGTH, title: 'discover.field.notes' })),
});

export const InsightForm = Type.Object({
  text: Type.String({ minLength: 1, maxLength: MAX_INSIGHT_LENGTH, title: 'discover.field.text', errorMessage: 'discover.error.text' }),
  // Room for the most themes allowed, each at its longest, with separators.
  themes: Type.Optional(Type.String({ maxLength: MAX_THEMES * (MAX_THEME_LENGTH + 2), title: 'discover.field.themes' })),
  activity: Type.Optional(Type.String({ maxLength: 100, title: 'discover.field.activity', errorMessage: 'discover.error.activity' })),
});

/** The latest date an activity may have: a year from today (planned activities may be recorded ahead). */
export function latestActivityDate(today: Date): string {
  const limit = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  return limit.toISOString().slice(0, 10);
}

/** A failed form with its errors in the order of the form's fields, as the error summary lists them. */
function failed(schema: TObject, values: FormValues, errors: FieldErrors): { ok: false; values: FormValues; errors: FieldErrors } {
  const fields = Object.keys(schema.properties).filter((field) => errors[field]);
  return { ok: false, values, errors: Object.fromEntries(fields.map((field) => [field, errors[field]!])) };
}

/**
 * Reads a posted activity form: the field checks, then a real date no more
 * than a year ahead and a number of people within range. Every problem is
 * shown at once, next to its field.
 */
export function readActivityForm(body: unknown, t: Translate, today = new Date()): FormResult<ActivityInput> {
  const form = validateForm(ActivityForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const kind = String(form.values.kind ?? '').trim();
  if (!errors.kind && !isActivityKind(kind)) errors.kind = t('discover.error.kind');
  const date = String(form.values.date ?? '').trim();
  if (!errors.date && !isCalendarDate(date)) errors.date = t('discover.error.date');
  if (!errors.date && date > latestActivityDate(today)) errors.date = t('discover.error.dateTooLate');
  const participants = Number(String(form.values.participants ?? '').replace(/,/g, ''));
  if (!errors.participants && participants > MAX_PARTICIPANTS) errors.participants = t('discover.error.participants');
  if (!form.ok || Object.keys(errors).length > 0 || !isActivityKind(kind)) return failed(ActivityForm, form.values, errors);
  const { value } = form;
  return {
    ok: true,
    values: form.values,
    value: { kind, title: value.title, date: value.date, place: value.place ?? '', participants, notes: value.notes ?? '' },
  };
}

/** An activity's current values, to fill its edit form. */
export function activityFormValues(activity: Activity): FormValues {
  return {
    kind: activity.kind,
    title: activity.title,
    date: activity.date,
    place: activity.place,
    participants: String(activity.participants),
    notes: activity.notes,
  };
}

/** The themes typed in one field, separated by commas: normalised, without blanks or repeats. */
export function parseThemes(text: string): string[] {
  return [...new Set(text.split(',').map(normaliseTheme).filter(Boolean))];
}

/**
 * Reads a posted insight form: the field checks, then the themes (at most
 * eight, each short) and an activity that is one of the library's.
 */
export function readInsightForm(body: unknown, t: Translate, activityIds: readonly string[]): FormResult<InsightInput> {
  const form = validateForm(InsightForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const themes = parseThemes(String(form.values.themes ?? ''));
  if (!errors.themes && themes.some((theme) => theme.length > MAX_THEME_LENGTH)) {
    errors.themes = t('discover.error.themeTooLong', { limit: MAX_THEME_LENGTH });
  }
  if (!errors.themes && themes.length > MAX_THEMES) errors.themes = t('discover.error.tooManyThemes', { limit: MAX_THEMES });
  const activity = String(form.values.activity ?? '').trim();
  if (!errors.activity && activity !== '' && !activityIds.includes(activity)) errors.activity = t('discover.error.activity');
  if (!form.ok || Object.keys(errors).length > 0) return failed(InsightForm, form.values, errors);
  const { value } = form;
  return { ok: true, values: form.values, value: { text: value.text, themes, activityId: value.activity ?? null } };
}

/** An insight's current values, to fill its edit form. */
export function insightFormValues(insight: Insight): FormValues {
  return { text: insight.text, themes: insight.themes.join(', '), activity: insight.activity?.id ?? '' };
}
