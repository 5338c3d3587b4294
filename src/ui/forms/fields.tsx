import type { ComponentChildren } from 'preact';
import { usePage } from '../context';
import type { FormState } from './validate';

/** The `id` of a field's input, so the error summary can link to it. */
export const fieldId = (name: string): string => `field-${name}`;

function valueOf(form: FormState, name: string): string {
  const value = form.values[name];
  return typeof value === 'string' ? value : '';
}

interface FormProps {
  action: string;
  children: ComponentChildren;
  /** `multipart/form-data` for file uploads. */
  encType?: 'multipart/form-data';
  /** Accessible name for the form when a page has more than one. */
  label?: string;
  class?: string;
}

/** A POST form with its CSRF token. */
export function Form({ action, children, label, class: className, encType }: FormProps) {
  const { csrfToken } = usePage();
  return (
    <form method="post" action={action} aria-label={label} class={className} encType={encType} noValidate>
      <input type="hidden" name="_csrf" value={csrfToken()} />
      {children}
    </form>
  );
}

/** The GOV.UK-style summary at the top of a form that failed validation. */
export function ErrorSummary({ form }: { form: FormState }) {
  const { t } = usePage();
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('form.errorSummary.title')}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

function FieldWrapper({ form, name, label, hint, optional, children }: FieldProps & { children: ComponentChildren }) {
  const { t } = usePage();
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={fieldId(name)}>
        {label}
        {optional && <span class="optional"> {t('form.optional')}</span>}
      </label>
      {hint && (
        <p class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : '', form.errors[name] ? `${fieldId(name)}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface TextFieldProps extends FieldProps {
  type?: 'text' | 'email' | 'password' | 'url' | 'date' | 'datetime-local' | 'number';
  autocomplete?: string;
  maxLength?: number;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'url';
  width?: 'short' | 'full';
}

/** A labelled single-line input with hint and error. */
export function TextField(props: TextFieldProps) {
  const { form, name, type = 'text', autocomplete, maxLength, inputMode, width = 'full', hint } = props;
  return (
    <FieldWrapper {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        value={type === 'password' ? '' : valueOf(form, name)}
        autoComplete={autocomplete}
        maxLength={maxLength}
        inputMode={inputMode}
        class={width === 'short' ? 'input-short' : undefined}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, hint)}
        required={!props.optional}
      />
    </FieldWrapper>
  );
}

/** A labelled multi-line input. */
export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const { form, name, rows = 5, maxLength, hint } = props;
  return (
    <FieldWrapper {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, hint)}
      >
        {valueOf(form, name)}
      </textarea>
    </FieldWrapper>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled drop-down list. */
export function Select(props: FieldProps & { options: Option[]; emptyLabel?: string }) {
  const { form, name, options, emptyLabel, hint } = props;
  const current = valueOf(form, name);
  return (
    <FieldWrapper {...props}>
      <select
        id={fieldId(name)}
        name={name}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, hint)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrapper>
  );
}

/** One checkbox or radio button; its label may hold more than text, e.g. a thumbnail beside a caption. */
export interface ChoiceOption {
  value: string;
  label: ComponentChildren;
}

interface ChoiceGroupProps extends FieldProps {
  options: ChoiceOption[];
  /** A class added to the list of choices, for a feature's own layout. */
  choicesClass?: string;
}

/** A fieldset of checkboxes or radio buttons sharing one name, with a legend, hint and error. */
function ChoiceGroup({ form, name, label, hint, options, choicesClass, type }: ChoiceGroupProps & { type: 'checkbox' | 'radio' }) {
  const raw = form.values[name];
  const chosen = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  const error = form.errors[name];
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={fieldId(name)} aria-describedby={describedBy(form, name, hint)}>
      <legend>{label}</legend>
      {hint && (
        <p class="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
      <div class={choicesClass ? `choices ${choicesClass}` : 'choices'}>
        {options.map((o, index) => (
          <div class="choice" key={o.value}>
            <input type={type} id={`${fieldId(name)}-${index}`} name={name} value={o.value} checked={chosen.has(o.value)} />
            <label for={`${fieldId(name)}-${index}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A group of checkboxes sharing one name (any number may be chosen). */
export function Checkboxes(props: ChoiceGroupProps) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/** A group of radio buttons (exactly one is chosen). */
export function Radios(props: ChoiceGroupProps) {
  return <ChoiceGroup {...props} type="radio" />;
}

/** The main button of a form. */
export function SubmitButton({ children, variant = 'primary' }: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button type="submit" class={`button button-${variant}`}>
      {children}
    </button>
  );
}

/** Image types an upload accepts, as a hint to the browser's file picker; the server checks the bytes itself. */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

/**
 * A required file input named `file`. Browsers never keep a chosen file, so
 * after any error in the form the hint adds `reselectHint`.
 */
export function FileField(props: { form: FormState; label: string; hint: string; reselectHint: string; accept: string }) {
  const { form, label, hint, reselectHint, accept } = props;
  const error = form.errors.file;
  const shownAgain = Object.keys(form.errors).length > 0;
  const hintId = `${fieldId('file')}-hint`;
  const errorId = `${fieldId('file')}-error`;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={fieldId('file')}>{label}</label>
      <p class="hint" id={hintId}>
        {hint}
        {shownAgain && ` ${reselectHint}`}
      </p>
      {error && (
        <p class="error-message" id={errorId}>
          {error}
        </p>
      )}
      <input
        id={fieldId('file')}
        name="file"
        type="file"
        accept={accept}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
    </div>
  );
}

/**
 * The form of a confirmation page (before deleting, removing or replacing
 * something): a danger button that posts to `action`, and a way back to
 * `cancel`. `children` carries any hidden fields the action needs.
 */
export function ConfirmForm({ action, submit, cancel, children }: { action: string; submit: string; cancel: string; children?: ComponentChildren }) {
  const { t } = usePage();
  return (
    <Form action={action}>
      {children}
      <div class="actions">
        <SubmitButton variant="danger">{submit}</SubmitButton>
        <a href={cancel}>{t('common.cancel')}</a>
      </div>
    </Form>
  );
}
