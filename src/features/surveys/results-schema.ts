import Type from 'typebox';
import type { Translate } from '../../i18n';
import { validateForm, type FormResult } from '../../ui/forms';
import type { ResultsFilter } from './results';

/** The results filter, sent by GET: a range of days and a channel, all optional. */
export const ResultsFilterForm = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', maxLength: 10, title: 'surveyResults.filter.from', errorMessage: 'surveyResults.error.from' })),
  to: Type.Optional(Type.String({ format: 'date', maxLength: 10, title: 'surveyResults.filter.to', errorMessage: 'surveyResults.error.to' })),
  channel: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('web'), Type.Literal('paper')], {
      title: 'surveyResults.filter.channel',
      errorMessage: 'surveyResults.error.channel',
    }),
  ),
});

/**
 * Reads the filter from a query string: real dates, the last day not before
 * the first, and a known channel. "all" and blanks mean no limit.
 */
export function readResultsFilter(query: unknown, t: Translate): FormResult<ResultsFilter> {
  const form = validateForm(ResultsFilterForm, query, t);
  if (!form.ok) return form;
  const { from, to, channel } = form.value;
  if (from && to && to < from) return { ok: false, errors: { to: t('surveyResults.error.toBeforeFrom') }, values: form.values };
  return { ok: true, value: { from, to, channel: channel === 'all' ? undefined : channel }, values: form.values };
}

/** The filter as query parameters, for links that keep it (pagination, the CSV, the text pages). */
export function filterQuery(filter: ResultsFilter | undefined): { from?: string; to?: string; channel?: string } {
  return filter ? { from: filter.from, to: filter.to, channel: filter.channel } : {};
}
