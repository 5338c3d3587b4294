import { fieldId } from './fields';

/** The name of the trap field; a form posted with it filled came from a robot. */
export const HONEYPOT_FIELD = 'website';

/**
 * A field people never see or reach (hidden by its class, skipped by the
 * keyboard and screen readers) but form-filling robots fill in. Forms that
 * carry it thank the sender as usual and drop what was sent.
 */
export function Honeypot({ label }: { label: string }) {
  return (
    <div class="honeypot" aria-hidden="true">
      <label for={fieldId(HONEYPOT_FIELD)}>{label}</label>
      <input id={fieldId(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" value="" />
    </div>
  );
}
