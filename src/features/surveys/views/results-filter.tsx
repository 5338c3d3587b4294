import { usePage } from '../../../ui/context';
import { ErrorSummary, Select, SubmitButton, TextField, type FormState } from '../../../ui/forms';

interface ResultsFilterPanelProps {
  /** The page the filter reloads, without a query string. */
  action: string;
  form: FormState;
  /** False for readers outside the library's team, who always see every response. */
  canFilter: boolean;
}

/** The filter of a results page: a range of days and a channel, sent by GET so a filtered view can be linked. */
export function ResultsFilterPanel({ action, form, canFilter }: ResultsFilterPanelProps) {
  const { t } = usePage();
  if (!canFilter) return <p class="hint">{t('surveyResults.filter.teamOnly')}</p>;
  const filtered = ['from', 'to', 'channel'].some((name) => {
    const value = form.values[name];
    return typeof value === 'string' && value !== '' && value !== 'all';
  });
  return (
    <>
      <ErrorSummary form={form} />
      <form method="get" action={action} class="filters" aria-label={t('surveyResults.filter.label')} noValidate>
        <TextField form={form} name="from" type="date" label={t('surveyResults.filter.from')} hint={t('surveyResults.filter.hint.date')} optional />
        <TextField form={form} name="to" type="date" label={t('surveyResults.filter.to')} hint={t('surveyResults.filter.hint.date')} optional />
        <Select
          form={form}
          name="channel"
          label={t('surveyResults.filter.channel')}
          options={[
            { value: 'all', label: t('surveyResults.filter.channel.all') },
            { value: 'web', label: t('surveyResults.filter.channel.web') },
            { value: 'paper', label: t('surveyResults.filter.channel.paper') },
          ]}
        />
        <div class="field">
          <SubmitButton variant="secondary">{t('surveyResults.filter.submit')}</SubmitButton>
          {filtered && <a href={action}>{t('surveyResults.filter.clear')}</a>}
        </div>
      </form>
    </>
  );
}
