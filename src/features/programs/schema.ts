import Type from 'typebox';
import type { Translate } from '../../i18n';
import { dollarsToCents } from '../../i18n/format';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import { cohortProblems, MAX_CATEGORIES, MAX_CATEGORY_LENGTH, type Cohort, type CohortInput, type CohortProblem } from './service';

export const ProgramForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, title: 'programs.field.name' }),
  description: Type.Optional(Type.String({ maxLength: 5000, title: 'programs.field.description' })),
  managerName: Type.String({ minLength: 1, maxLength: 200, title: 'programs.field.managerName' }),
  managerEmail: Type.String({
    format: 'email',
    maxLength: 254,
    title: 'programs.field.managerEmail',
    errorMessage: 'programs.error.managerEmail',
  }),
});

/** Dollars as people write them: "5000", "5,000", "$5,000.00", "12.5". Never negative. */
const DOLLARS = '^\\$?\\s?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?$';

export const CohortForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, title: 'programs.field.cohortName' }),
  startsOn: Type.String({ format: 'date', title: 'programs.field.startsOn', errorMessage: 'programs.error.startsOn' }),
  endsOn: Type.String({ format: 'date', title: 'programs.field.endsOn', errorMessage: 'programs.error.endsOn' }),
  subgrant: Type.String({ pattern: DOLLARS, maxLength: 20, title: 'programs.field.subgrant', errorMessage: 'programs.error.subgrant' }),
  // Optional here so that "no categories" is reported by the cohort rules, together with the other problems.
  spendingCategories: Type.Optional(
    Type.String({ maxLength: MAX_CATEGORIES * (MAX_CATEGORY_LENGTH + 2), title: 'programs.field.spendingCategories' }),
  ),
});

/** Cents as a plain amount for a form field: 500000 → "5000", 1250 → "12.50". */
export function dollarsText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

const problemMessages = {
  endsBeforeStart: 'programs.error.endsBeforeStart',
  outOfRange: 'programs.error.subgrantTooLarge',
  noCategories: 'programs.error.noCategories',
  categoryTooLong: 'programs.error.categoryTooLong',
  tooManyCategories: 'programs.error.tooManyCategories',
} as const satisfies Record<CohortProblem['problem'], string>;

/** The form field each cohort input field is entered in. */
const formField = { endsOn: 'endsOn', subgrantCents: 'subgrant', spendingCategories: 'spendingCategories' } as const;

/**
 * Reads a posted cohort form: the field checks, then the cohort's own rules
 * (end after start, the subgrant's range, the categories) on whatever passed
 * them, so that every problem is shown at once, next to its field.
 */
export function readCohortForm(body: unknown, t: Translate): FormResult<CohortInput> {
  const form = validateForm(CohortForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const text = (field: keyof typeof CohortForm.properties) => {
    const raw = form.values[field];
    return typeof raw === 'string' ? raw.trim() : '';
  };
  const input: CohortInput = {
    name: text('name'),
    startsOn: text('startsOn'),
    endsOn: text('endsOn'),
    subgrantCents: errors.subgrant ? 0 : dollarsToCents(text('subgrant')),
    spendingCategories: text('spendingCategories').split(/\r?\n/),
  };
  for (const { field, problem } of cohortProblems(input)) {
    // Comparing dates only means something once both are real dates.
    if (field === 'endsOn' && (errors.startsOn || errors.endsOn)) continue;
    errors[formField[field]] ??= t(problemMessages[problem], {
      limit: problem === 'tooManyCategories' ? MAX_CATEGORIES : MAX_CATEGORY_LENGTH,
    });
  }
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false, errors, values: form.values };
  return { ok: true, value: input, values: form.values };
}

/** A cohort's current values, to fill its edit form. */
export function cohortFormValues(cohort: Cohort): FormValues {
  return {
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    subgrant: dollarsText(cohort.subgrantCents),
    spendingCategories: cohort.spendingCategories.join('\n'),
  };
}
