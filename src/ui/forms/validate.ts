import type { Static, TObject, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { MessageKey, Translate } from '../../i18n';

/** Raw form values as they came in, kept to re-render the form. */
export type FormValues = Record<string, string | string[] | undefined>;

/** Field name → message shown next to it and in the error summary. */
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; value: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Schema options our forms read. `title` is the field's label (a message key);
 * `errorMessage` is what to say when the value is missing or malformed.
 */
export interface FieldOptions {
  title: MessageKey;
  errorMessage?: MessageKey;
}

const compiled = new WeakMap<TSchema, ReturnType<typeof Compile>>();

function compile(schema: TSchema) {
  let check = compiled.get(schema);
  if (!check) {
    check = Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

/** Trims text, drops empty optional strings, keeps repeated fields as arrays. */
function normalise(schema: TObject, body: unknown): { values: FormValues; candidate: Record<string, unknown> } {
  const source = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const values: FormValues = {};
  const candidate: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const raw = source[name];
    const isArray = (property as TSchema & { type?: string }).type === 'array';
    if (isArray) {
      const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      const strings = list.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
      values[name] = strings;
      candidate[name] = strings.filter((v) => v !== '');
      continue;
    }
    if (Array.isArray(raw)) {
      // A single-value field sent twice is tampering or a double field; keep the first.
      values[name] = typeof raw[0] === 'string' ? raw[0] : undefined;
    } else {
      values[name] = typeof raw === 'string' ? raw : undefined;
    }
    const text = values[name];
    if (typeof text === 'string') {
      const trimmed = name.toLowerCase().includes('password') ? text : text.trim();
      if (trimmed !== '') candidate[name] = trimmed;
    }
  }
  return { values, candidate };
}

/**
 * Validates a posted form against its TypeBox schema.
 *
 * The same schema drives rendering (labels, limits) and handling, so the form
 * and its checks never drift apart. On failure each field gets one message,
 * in the reader's language, and the raw input is returned to re-render.
 */
export function validateForm<S extends TObject>(schema: S, body: unknown, t: Translate): FormResult<Static<S>> {
  const { values, candidate } = normalise(schema, body);
  const check = compile(schema);
  if (check.Check(candidate)) return { ok: true, value: candidate as Static<S>, values };
  const errors: FieldErrors = {};
  const describe = (field: string, keyword: string, limit?: number) => {
    const options = (schema.properties[field] ?? {}) as Partial<FieldOptions>;
    const label = options.title ? t(options.title) : field;
    if (keyword === 'maxLength' || keyword === 'maxItems') return t('form.tooLong', { label, limit: Number(limit) });
    if (options.errorMessage) return t(options.errorMessage);
    return t(keyword === 'required' ? 'form.required' : 'form.invalid', { label: label.toLowerCase() });
  };
  for (const error of check.Errors(candidate)) {
    // A "required" error names every missing field at once; others name one.
    const fields =
      error.keyword === 'required'
        ? ((error.params as { requiredProperties?: string[] }).requiredProperties ?? [])
        : [error.instancePath.split('/')[1] ?? ''];
    for (const field of fields) {
      if (!field || errors[field]) continue;
      errors[field] = describe(field, error.keyword, (error.params as { limit?: number }).limit);
    }
  }
  // Errors follow the order of the fields, as the summary lists them.
  const ordered: FieldErrors = {};
  for (const field of Object.keys(schema.properties)) if (errors[field]) ordered[field] = errors[field];
  return { ok: false, errors: ordered, values };
}

/** A form's state for rendering: what to show in each field and any errors. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

/** An empty form, optionally pre-filled. */
export function emptyForm(values: FormValues = {}): FormState {
  return { values, errors: {} };
}

/** Adds an error found by a service (e.g. "email already in use") to a validated form. */
export function withError(values: FormValues, field: string, message: string): FormState {
  return { values, errors: { [field]: message } };
}
