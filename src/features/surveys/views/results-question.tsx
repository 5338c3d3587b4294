import type { ComponentChildren } from 'preact';
import { usePage } from '../../../ui/context';
import { BarChart, type Bar } from '../../../ui/bar-chart';
import { Table } from '../../../ui/table';
import { Paragraphs } from '../../../ui/paragraphs';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { intlTag, pluralKey, type Locale, type Translate } from '../../../i18n';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { inLocale } from '../model';
import { PRIVACY_THRESHOLD, type QuestionResult, type ResultsFilter } from '../results';
import type { TextAnswer } from '../results-tally';
import { filterQuery } from '../results-schema';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

/** A whole percentage in the reader's locale, e.g. "38%". */
function formatPercent(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { style: 'percent' }).format(percent / 100);
}

/** An average with one decimal in the reader's locale, e.g. "3.7". */
function formatAverage(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** The address of a survey's results page. */
export function resultsPath(library: WorkspaceLibrary, surveyId: string): string {
  return href(surveysRoutes.results, { library: library.slug, survey: surveyId });
}

/** One row of a figure: what was chosen, how often and its share. */
interface FigureRow {
  key: string;
  label: string;
  count: number;
  percent: number;
}

/** A chart and, beside it, a table with the same figures; the chart is hidden from screen readers. */
function Figure({ caption, labelHeader, countHeader, rows, max }: { caption: string; labelHeader: string; countHeader: string; rows: FigureRow[]; max: number }) {
  const { t, locale } = usePage();
  const bars: Bar[] = rows.map((row) => ({
    label: row.label,
    value: row.count,
    valueText: `${formatNumber(row.count, locale)} (${formatPercent(row.percent, locale)})`,
  }));
  return (
    <div class="result-figure">
      <BarChart bars={bars} max={max} />
      <Table
        caption={caption}
        rows={rows}
        rowKey={(row) => row.key}
        empty=""
        columns={[
          { header: labelHeader, cell: (row) => row.label },
          { header: countHeader, cell: (row) => formatNumber(row.count, locale), numeric: true },
          { header: t('surveyResults.column.percent'), cell: (row) => formatPercent(row.percent, locale), numeric: true },
        ]}
      />
    </div>
  );
}

/** Free-text answers as a list, newest first, with when and how each came in. */
export function TextAnswers({ answers, timeZone, start }: { answers: TextAnswer[]; timeZone: string; start?: number }) {
  const { t, locale } = usePage();
  return (
    <ol class="text-answers" start={start}>
      {answers.map((answer) => (
        <li key={answer.responseId}>
          <Paragraphs text={answer.text} />
          <p class="text-answer-meta">
            {t('surveyResults.text.meta', {
              date: formatDateTime(answer.submittedAt, locale, timeZone),
              channel: t(answer.channel === 'web' ? 'surveyResults.channel.web' : 'surveyResults.channel.paper'),
            })}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** How many answered a question, in words. */
export function answeredText(t: Translate, answered: number, locale: Locale): string {
  return t(pluralKey(locale, 'surveyResults.answered', answered), { count: formatNumber(answered, locale) });
}

interface QuestionResultsProps {
  library: WorkspaceLibrary;
  result: QuestionResult;
  /** The question's number on the page, from 1. */
  number: number;
  filter: ResultsFilter;
}

/** One question's section of the results page: its prompt, how many answered, and its figures unless privacy hides them. */
export function QuestionResults({ library, result, number, filter }: QuestionResultsProps) {
  const { t, locale } = usePage();
  const { question, answered, figures } = result;
  const prompt = inLocale(question.prompt, locale);
  let body: ComponentChildren;
  if (result.hidden) body = <p class="privacy-notice">{t('surveyResults.hidden', { threshold: PRIVACY_THRESHOLD })}</p>;
  else if (answered === 0 || !figures) body = <p class="empty">{t('surveyResults.noAnswers')}</p>;
  else if (figures.kind === 'choice') {
    body = (
      <>
        <p class="hint">{t(question.type === 'multiple' ? 'surveyResults.multiple' : 'surveyResults.percentOfAnswered')}</p>
        <Figure
          caption={t('surveyResults.caption.choice', { prompt })}
          labelHeader={t('surveyResults.column.option')}
          countHeader={t('surveyResults.column.people')}
          rows={figures.options.map((o) => ({ key: o.id, label: inLocale(o.label, locale), count: o.count, percent: o.percent }))}
          max={answered}
        />
      </>
    );
  } else if (figures.kind === 'scale') {
    body = (
      <>
        <p class="result-average">{t('surveyResults.scale.average', { average: formatAverage(figures.average, locale) })}</p>
        <Figure
          caption={t('surveyResults.caption.scale', { prompt })}
          labelHeader={t('surveyResults.column.point')}
          countHeader={t('surveyResults.column.people')}
          rows={figures.points.map((p) => ({ key: String(p.point), label: t('surveyResults.scale.point', { point: p.point }), count: p.count, percent: p.percent }))}
          max={answered}
        />
      </>
    );
  } else if (figures.kind === 'dots') {
    body = (
      <>
        <p class="hint">{t('surveyResults.dots.voters', { count: formatNumber(answered, locale), dots: formatNumber(figures.totalDots, locale) })}</p>
        <Figure
          caption={t('surveyResults.caption.dots', { prompt })}
          labelHeader={t('surveyResults.column.option')}
          countHeader={t('surveyResults.column.dots')}
          rows={figures.options.map((o) => ({ key: o.id, label: inLocale(o.label, locale), count: o.count, percent: o.percent }))}
          max={figures.totalDots}
        />
      </>
    );
  } else {
    body = (
      <>
        <p class="hint">{t('surveyResults.text.latest')}</p>
        <TextAnswers answers={figures.answers} timeZone={library.timeZone} />
        <p>
          <a href={href(surveysRoutes.textAnswers, { library: library.slug, survey: question.surveyId, question: question.id }, filterQuery(filter))}>
            {t('surveyResults.text.all', { count: formatNumber(answered, locale) })}
          </a>
        </p>
      </>
    );
  }
  return (
    <section class="question-results" aria-labelledby={`question-${question.id}`}>
      <h2 id={`question-${question.id}`}>{t('surveyResults.question.heading', { number, prompt })}</h2>
      {!result.hidden && answered > 0 && <p>{answeredText(t, answered, locale)}</p>}
      {body}
    </section>
  );
}
