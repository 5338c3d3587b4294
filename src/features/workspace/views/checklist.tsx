import { usePage } from '../../../ui/context';
import { formatNumber } from '../../../i18n/format';
import type { WorkspaceLibrary } from '../contracts';
import type { ChecklistItem, PhaseStatus } from '../journey';
import { sectionPath } from '../../../ui/workspace/layout';

/** A phase's status in words, styled by its value (the words carry the meaning, not the colour). */
export function PhaseStatusTag({ status }: { status: PhaseStatus }) {
  const { t } = usePage();
  return (
    <p class="phase-status">
      {t('workspace.status.label')}: <strong class={`status status-${status.replace('_', '-')}`}>{t(`workspace.status.${status}`)}</strong>
    </p>
  );
}

/** What an item is called; items with evidence link to the section that holds it. */
export function ItemLabel({ library, item }: { library: Pick<WorkspaceLibrary, 'slug'>; item: ChecklistItem }) {
  const { t } = usePage();
  const label = t(`workspace.item.${item.key}`);
  return item.kind === 'evidence' ? <a href={sectionPath(library, item.section)}>{label}</a> : <>{label}</>;
}

/** A phase's checklist: each item done or to do (in words), with its evidence counted. */
export function Checklist({ library, items }: { library: Pick<WorkspaceLibrary, 'slug'>; items: ChecklistItem[] }) {
  const { t, locale } = usePage();
  return (
    <ul class="checklist">
      {items.map((item) => (
        <li key={item.key} class={item.done ? 'check check-done' : 'check'}>
          <span class="check-state">{item.done ? t('workspace.checklist.done') : t('workspace.checklist.todo')}</span>{' '}
          <ItemLabel library={library} item={item} />{' '}
          <span class="check-note">
            {item.kind === 'evidence'
              ? `(${t(item.count.key, { n: formatNumber(item.count.n, locale) })})`
              : `(${t('workspace.checklist.byTeam')})`}
          </span>
        </li>
      ))}
    </ul>
  );
}
