import Type from 'typebox';
import type { Translate } from '../../i18n';
import { isTimeZone } from '../../i18n/format';
import { validateForm, type FieldErrors, type FormResult, type FormValues } from '../../ui/forms';
import { personFields } from '../accounts/schema';
import type { Library, LibraryInput } from './service';

/** US state, district and territory codes a library's address can have. */
export const US_STATE_CODES: readonly string[] = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA',
  'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR',
  'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'AS', 'GU', 'MP', 'PR', 'VI',
];
const STATES = new Set(US_STATE_CODES);

/** A state code from user input (any case), or undefined when it is not one. */
export function stateCode(value: unknown): string | undefined {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return STATES.has(code) ? code : undefined;
}

/** The most people a library can serve: larger than any US library system, within a 32-bit column. */
const MAX_PEOPLE_SERVED = 100_000_000;

export const LibraryForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, title: 'libraries.field.name' }),
  town: Type.String({ minLength: 1, maxLength: 100, title: 'libraries.field.town' }),
  state: Type.String({ maxLength: 2, pattern: '^[A-Za-z]{2}$', title: 'libraries.field.state', errorMessage: 'libraries.error.state' }),
  peopleServed: Type.Optional(
    Type.String({
      maxLength: 15,
      pattern: '^(\\d{1,3}(,\\d{3})+|\\d+)$',
      title: 'libraries.field.peopleServed',
      errorMessage: 'libraries.error.peopleServed',
    }),
  ),
  timeZone: Type.String({ maxLength: 100, title: 'libraries.field.timeZone', errorMessage: 'libraries.error.timeZone' }),
  website: Type.Optional(
    Type.String({ maxLength: 500, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://\\S+$', title: 'libraries.field.website', errorMessage: 'libraries.error.website' }),
  ),
  description: Type.Optional(Type.String({ maxLength: 1000, title: 'libraries.field.description' })),
  cohort: Type.Optional(Type.String({ maxLength: 100, title: 'libraries.field.cohort', errorMessage: 'libraries.error.cohort' })),
});

/** True for an absolute http(s) address with a host. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Reads a posted library form: the field checks, then the checks a pattern
 * cannot make (a real state and time zone, a cohort of this program, a size
 * that fits). Every problem is shown at once, next to its field.
 */
export function readLibraryForm(body: unknown, t: Translate, cohortIds: readonly string[]): FormResult<LibraryInput> {
  const form = validateForm(LibraryForm, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  /** Flags a field that passed its own check but fails `valid`; empty optional fields are not checked. */
  const check = (field: keyof typeof LibraryForm.properties, valid: (text: string) => boolean, message: string) => {
    const raw = form.values[field];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!errors[field] && text !== '' && !valid(text)) errors[field] = message;
  };
  check('state', (text) => stateCode(text) !== undefined, t('libraries.error.state'));
  check('peopleServed', (text) => Number(text.replace(/,/g, '')) <= MAX_PEOPLE_SERVED, t('libraries.error.peopleServed'));
  check('timeZone', isTimeZone, t('libraries.error.timeZone'));
  check('website', isWebAddress, t('libraries.error.website'));
  check('cohort', (text) => cohortIds.includes(text), t('libraries.error.cohort'));
  const state = form.ok ? stateCode(form.value.state) : undefined;
  if (!form.ok || !state || Object.keys(errors).length > 0) return { ok: false, errors, values: form.values };
  const { value } = form;
  return {
    ok: true,
    values: form.values,
    value: {
      name: value.name,
      town: value.town,
      state,
      peopleServed: value.peopleServed === undefined ? null : Number(value.peopleServed.replace(/,/g, '')),
      timeZone: value.timeZone,
      website: value.website ?? '',
      description: value.description ?? '',
      cohortId: value.cohort ?? null,
    },
  };
}

/** A library's current profile, to fill its edit form. */
export function libraryFormValues(library: Library): FormValues {
  return {
    name: library.name,
    town: library.town,
    state: library.state,
    peopleServed: library.peopleServed === null ? '' : String(library.peopleServed),
    timeZone: library.timeZone,
    website: library.website,
    description: library.description,
    cohort: library.cohortId ?? '',
  };
}

export const InviteForm = Type.Object({
  ...personFields({ email: 'libraries.field.email', emailError: 'libraries.error.email', name: 'libraries.field.personName' }),
  libraryRole: Type.Union([Type.Literal('lead'), Type.Literal('member')], {
    title: 'libraries.field.libraryRole',
    errorMessage: 'libraries.error.libraryRole',
  }),
  locale: Type.Union([Type.Literal('en'), Type.Literal('es')], { title: 'libraries.field.locale', errorMessage: 'libraries.error.locale' }),
});
