import { usePage } from '../../../ui/context';
import { Checkboxes, fieldId, Radios, TextArea, TextField, type FormState } from '../../../ui/forms';
import type { Locale } from '../../../i18n';
import { answerField, MAX_LONG_ANSWER, MAX_SHORT_ANSWER } from '../answers';
import { inLocale, SCALE_POINTS, type Question } from '../model';

interface QuestionFieldsProps {
  questions: Question[];
  form: FormState;
  /** The language the questions are shown in. */
  language: Locale;
}

/** A dot vote: a number of dots per option, up to the question's total. */
function DotVote({ question, label, form, language }: { question: Question; label: string; form: FormState; language: Locale }) {
  const { t } = usePage();
  const name = answerField(question);
  const error = form.errors[name];
  const hintId = `${fieldId(name)}-hint`;
  return (
    <fieldset class={error ? 'field field-error' : 'field'} id={fieldId(name)} aria-describedby={error ? `${hintId} ${fieldId(name)}-error` : hintId}>
      <legend>{label}</legend>
      <p class="hint" id={hintId}>
        {t('surveys.answer.dotsHint', { dots: question.dots ?? 0 })}
      </p>
      {error && (
        <p class="error-message" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
      {question.options.map((option) => {
        const optionField = answerField(question, option);
        const value = form.values[optionField];
        return (
          <div class="dot-option" key={option.id}>
            <input
              id={fieldId(optionField)}
              name={optionField}
              type="number"
              inputMode="numeric"
              min={0}
              max={question.dots ?? 0}
              value={typeof value === 'string' ? value : ''}
            />
            <label for={fieldId(optionField)}>{inLocale(option, language)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * The questions of a survey as form fields, in one language: the patron's
 * form and the staff's paper entry share it.
 */
export function QuestionFields({ questions, form, language }: QuestionFieldsProps) {
  const { t } = usePage();
  return (
    <>
      {questions.map((question, index) => {
        const name = answerField(question);
        const optional = !question.required;
        const prompt = `${index + 1}. ${inLocale(question.prompt, language)}`;
        // Text fields mark themselves optional; groups of choices say it in their legend.
        const label = optional ? `${prompt} ${t('form.optional')}` : prompt;
        const options = question.options.map((o) => ({ value: o.id, label: inLocale(o, language) }));
        switch (question.type) {
          case 'single':
            return <Radios key={question.id} form={form} name={name} label={label} options={options} />;
          case 'multiple':
            return <Checkboxes key={question.id} form={form} name={name} label={label} options={options} hint={t('surveys.answer.multipleHint')} />;
          case 'scale':
            return (
              <Radios
                key={question.id}
                form={form}
                name={name}
                label={label}
                hint={t('surveys.answer.scaleHint')}
                options={SCALE_POINTS.map((p) => ({ value: String(p), label: String(p) }))}
              />
            );
          case 'short':
            return <TextField key={question.id} form={form} name={name} label={prompt} maxLength={MAX_SHORT_ANSWER} optional={optional} />;
          case 'long':
            return <TextArea key={question.id} form={form} name={name} label={prompt} rows={4} maxLength={MAX_LONG_ANSWER} optional={optional} />;
          case 'dots':
            return <DotVote key={question.id} question={question} label={label} form={form} language={language} />;
        }
      })}
    </>
  );
}
