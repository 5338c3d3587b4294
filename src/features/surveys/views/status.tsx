import { usePage } from '../../../ui/context';
import type { SurveyStatus } from '../model';

/** A survey's status as a word (never as a colour alone). */
export function StatusTag({ status }: { status: SurveyStatus }) {
  const { t } = usePage();
  return <strong class={`tag survey-status-${status}`}>{t(`surveys.status.${status}`)}</strong>;
}

/** Title in both languages on one line, for staff who read either. */
export function bilingualTitle(title: { en: string; es: string }): string {
  return title.en && title.es && title.en !== title.es ? `${title.en} / ${title.es}` : title.en || title.es;
}
