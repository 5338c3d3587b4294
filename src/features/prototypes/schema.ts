import Type from 'typebox';
import type { Translate } from '../../i18n';
import { dollarsToCents } from '../../i18n/format';
import { validateForm, type FormResult, type FormValues } from '../../ui/forms';
import type { DecisionInput, Idea, IdeaInput, Prototype, PrototypeDecision, PrototypeInput, SessionInput, TestSession } from './service';

export const MAX_TITLE = 160;
export const MAX_DESCRIPTION = 4000;
export const MAX_MATERIALS = 2000;
export const MAX_REASON = 2000;
export const MAX_PLACE = 200;
export const MAX_NOTES = 4000;
/** The most a prototype may cost, in cents: one million dollars. */
export const MAX_COST_CENTS = 100_000_000;
/** Placeholder value of the decision radios meaning "not decided yet". */
export const UNDECIDED = 'undecided';

/** Dollars as people write them: "45", "45.50", "$1,250.00". A minus sign never matches. */
const DOLLARS = '^\\$?\\s?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?$';

/** An id picked from a list; its membership is checked by the service. */
const Choice = (title: 'prototypes.field.idea' | 'prototypes.field.survey') => Type.Optional(Type.String({ maxLength: 100, title }));

export const IdeaForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: MAX_TITLE, title: 'prototypes.field.ideaTitle', errorMessage: 'prototypes.error.ideaTitle' }),
  description: Type.Optional(Type.String({ maxLength: MAX_DESCRIPTION, title: 'prototypes.field.description' })),
  insights: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500, title: 'prototypes.field.insights', errorMessage: 'prototypes.error.insights' }),
});

export const PrototypeForm = Type.Object({
  title: Type.String({
    minLength: 1,
    maxLength: MAX_TITLE,
    title: 'prototypes.field.prototypeTitle',
    errorMessage: 'prototypes.error.prototypeTitle',
  }),
  description: Type.Optional(Type.String({ maxLength: MAX_DESCRIPTION, title: 'prototypes.field.description' })),
  materials: Type.Optional(Type.String({ maxLength: MAX_MATERIALS, title: 'prototypes.field.materials' })),
  cost: Type.Optional(Type.String({ pattern: DOLLARS, maxLength: 20, title: 'prototypes.field.cost', errorMessage: 'prototypes.error.cost' })),
  idea: Choice('prototypes.field.idea'),
});

export const DecisionForm = Type.Object({
  decision: Type.Union([Type.Literal(UNDECIDED), Type.Literal('keep'), Type.Literal('change'), Type.Literal('drop')], {
    title: 'prototypes.field.decision',
    errorMessage: 'prototypes.error.decision',
  }),
  reason: Type.Optional(Type.String({ maxLength: MAX_REASON, title: 'prototypes.field.reason' })),
});

export const SessionForm = Type.Object({
  heldOn: Type.String({ format: 'date', maxLength: 10, title: 'prototypes.field.heldOn', errorMessage: 'prototypes.error.heldOn' }),
  place: Type.String({ minLength: 1, maxLength: MAX_PLACE, title: 'prototypes.field.place', errorMessage: 'prototypes.error.place' }),
  patrons: Type.String({ pattern: '^\\d{1,6}$', title: 'prototypes.field.patrons', errorMessage: 'prototypes.error.patrons' }),
  observations: Type.Optional(Type.String({ maxLength: MAX_NOTES, title: 'prototypes.field.observations' })),
  feedback: Type.Optional(Type.String({ maxLength: MAX_NOTES, title: 'prototypes.field.feedback' })),
  survey: Choice('prototypes.field.survey'),
});

/** A failed form with one more error, unless that field already has one. */
function failWith<T>(values: FormValues, errors: Record<string, string>, field: string, message: string): FormResult<T> {
  return { ok: false, values, errors: { ...errors, [field]: errors[field] ?? message } };
}

/** Cents as a plain amount for a form field: 4550 → "45.50", 1200 → "12". */
export function dollarsText(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function readIdeaForm(body: unknown, t: Translate): FormResult<IdeaInput> {
  const form = validateForm(IdeaForm, body, t);
  if (!form.ok) return form;
  const { title, description = '', insights } = form.value;
  return { ok: true, values: form.values, value: { title, description, insightIds: insights } };
}

/** Reads the prototype form; an empty cost means it cost nothing. */
export function readPrototypeForm(body: unknown, t: Translate): FormResult<PrototypeInput> {
  const form = validateForm(PrototypeForm, body, t);
  const errors = form.ok ? {} : form.errors;
  const cost = typeof form.values.cost === 'string' ? form.values.cost.trim() : '';
  // The range is checked even when other fields failed, so every problem shows at once.
  const costCents = cost && !errors.cost ? dollarsToCents(cost) : 0;
  if (costCents > MAX_COST_CENTS) return failWith(form.values, errors, 'cost', t('prototypes.error.costTooHigh'));
  if (!form.ok) return form;
  const { title, description = '', materials = '', idea } = form.value;
  return { ok: true, values: form.values, value: { title, description, materials, costCents, ideaId: idea ?? null } };
}

/** Reads the decision form: keep, change and drop each need a reason. */
export function readDecisionForm(body: unknown, t: Translate): FormResult<DecisionInput> {
  const form = validateForm(DecisionForm, body, t);
  if (!form.ok) return form;
  const decision = form.value.decision === UNDECIDED ? null : (form.value.decision as PrototypeDecision);
  const reason = form.value.reason ?? '';
  if (decision && !reason) return failWith(form.values, {}, 'reason', t('prototypes.error.reason'));
  return { ok: true, values: form.values, value: { decision, reason } };
}

export function readSessionForm(body: unknown, t: Translate): FormResult<SessionInput> {
  const form = validateForm(SessionForm, body, t);
  if (!form.ok) return form;
  const { heldOn, place, patrons, observations = '', feedback = '', survey } = form.value;
  return {
    ok: true,
    values: form.values,
    value: { heldOn, place, patrons: Number(patrons), observations, feedback, surveyId: survey ?? null },
  };
}

export const ideaFormValues = (idea: Idea & { insightIds: string[] }): FormValues => ({
  title: idea.title,
  description: idea.description,
  insights: idea.insightIds,
});

export const prototypeFormValues = (prototype: Prototype): FormValues => ({
  title: prototype.title,
  description: prototype.description,
  materials: prototype.materials,
  cost: dollarsText(prototype.costCents),
  idea: prototype.ideaId ?? '',
});

export const decisionFormValues = (prototype: Prototype): FormValues => ({
  decision: prototype.decision ?? UNDECIDED,
  reason: prototype.reason,
});

export const sessionFormValues = (session: TestSession): FormValues => ({
  heldOn: session.heldOn,
  place: session.place,
  patrons: String(session.patrons),
  observations: session.observations,
  feedback: session.feedback,
  survey: session.surveyId ?? '',
});
