import { usePage } from '../../../ui/context';
import type { WorkspaceLibrary } from '../contracts';
import type { Journey, NextStep } from '../journey';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { Checklist, ItemLabel, PhaseStatusTag } from './checklist';
import { href } from '../../../server/route-contract';
import { workspaceRoutes } from '../route-table';

/** The address of a phase's page in the journey. */
export const phasePath = (library: Pick<WorkspaceLibrary, 'slug'>, phase: string) => href(workspaceRoutes.phase, { library: library.slug, phase });

/** The highlighted next step: an item to do, a phase to mark done, or nothing left. */
function NextStepBox({ library, next }: { library: WorkspaceLibrary; next: NextStep | undefined }) {
  const { t } = usePage();
  const phaseName = next && t(`workspace.phase.${next.phase}.name`);
  return (
    <section class="next-step" aria-labelledby="next-step-title">
      <h2 id="next-step-title">{t('workspace.next.title')}</h2>
      {!next || !phaseName ? (
        <p>{t('workspace.next.allDone')}</p>
      ) : next.item ? (
        <p>
          {t('workspace.next.inPhase', { phase: phaseName })} <ItemLabel library={library} item={next.item} />{' '}
          (<a href={phasePath(library, next.phase)}>{t('workspace.next.openPhase', { phase: phaseName })}</a>)
        </p>
      ) : (
        <p>
          {t('workspace.next.markDone', { phase: phaseName })}{' '}
          <a href={phasePath(library, next.phase)}>{t('workspace.next.openPhase', { phase: phaseName })}</a>
        </p>
      )}
    </section>
  );
}

/** The six phases of the method with each one's status and checklist, and the next step first. */
export function JourneyPage({ library, journey }: { library: WorkspaceLibrary; journey: Journey }) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="journey" title={t('workspace.journey.title')} lead={t('workspace.journey.lead')}>
      <NextStepBox library={library} next={journey.next} />
      <ol class="phases" aria-label={t('workspace.journey.phases')}>
        {journey.phases.map((state, index) => (
          <li key={state.phase} class={`phase phase-${state.status.replace('_', '-')}`}>
            <p class="phase-number">{t('workspace.phase.number', { n: index + 1 })}</p>
            <h2>
              <a href={phasePath(library, state.phase)}>{t(`workspace.phase.${state.phase}.name`)}</a>
            </h2>
            <PhaseStatusTag status={state.status} />
            <p>{t(`workspace.phase.${state.phase}.produces`)}</p>
            <Checklist library={library} items={state.checklist} />
          </li>
        ))}
      </ol>
    </WorkspaceLayout>
  );
}
