import Type from 'typebox';
import type { Translate } from '../../i18n';
import { isCalendarDate } from '../../i18n/time';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import { isPhase, splitObjectives, type LearningModule, type ModuleInput, type MoveDirection } from './service';

export const MAX_TITLE_LENGTH = 200;
export const MAX_INTRODUCTION_LENGTH = 20_000;
export const MAX_OBJECTIVES_LENGTH = 5000;

export const ModuleForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH, title: 'learning.field.title', errorMessage: 'learning.error.title' }),
  // Checked against the phases in readModuleForm: a union here would hide the other fields' errors.
  phase: Type.String({ maxLength: 40, title: 'learning.field.phase', errorMessage: 'learning.error.phase' }),
  introduction: Type.Optional(Type.String({ maxLength: MAX_INTRODUCTION_LENGTH, title: 'learning.field.introduction' })),
  objectives: Type.Optional(Type.String({ maxLength: MAX_OBJECTIVES_LENGTH, title: 'learning.field.objectives' })),
  opensOn: Type.String({ maxLength: 20, title: 'learning.field.opensOn', errorMessage: 'learning.error.opensOn' }),
});

const FIELDS = Object.keys(ModuleForm.properties);

/**
 * Reads a posted module form: a title of at most 200 characters, one of the
 * six phases, optional Markdown and objectives, and a real opening date.
 * Every problem is shown at once, next to its field, in the form's order.
 */
export function readModuleForm(body: unknown, t: Translate): FormResult<ModuleInput> {
  const form = validateForm(ModuleForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const phase = String(form.values.phase ?? '').trim();
  if (!errors.phase && !isPhase(phase)) errors.phase = t('learning.error.phase');
  const opensOn = String(form.values.opensOn ?? '').trim();
  if (!errors.opensOn && !isCalendarDate(opensOn)) errors.opensOn = t('learning.error.opensOn');
  if (!form.ok || !isPhase(phase) || Object.keys(errors).length > 0) {
    return { ok: false, values: form.values, errors: Object.fromEntries(FIELDS.filter((f) => errors[f]).map((f) => [f, errors[f]!])) };
  }
  return {
    ok: true,
    values: form.values,
    value: {
      title: form.value.title.trim(),
      phase,
      introduction: form.value.introduction ?? '',
      objectives: splitObjectives(form.value.objectives ?? ''),
      opensOn,
    },
  };
}

/** A module's current values, to fill its edit form. */
export function moduleFormValues(module: LearningModule): FormValues {
  return {
    title: module.title,
    phase: module.phase,
    introduction: module.introduction,
    objectives: module.objectives.join('\n'),
    opensOn: module.opensOn,
  };
}

/** The direction a move form posts; anything else is no move. */
export function readDirection(body: unknown): MoveDirection | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).direction : undefined;
  return value === 'up' || value === 'down' ? value : undefined;
}
