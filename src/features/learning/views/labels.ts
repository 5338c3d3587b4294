import type { Translate } from '../../../i18n';
import type { Option } from '../../../ui/forms';
import { PHASES, type Phase } from '../../workspace/contracts';

/** A phase's name as the journey names it. */
export const phaseName = (t: Translate, phase: Phase): string => t(`workspace.phase.${phase}.name`);

/** The six phases in the method's order, as choices for a module's phase. */
export const phaseOptions = (t: Translate): Option[] => PHASES.map((phase) => ({ value: phase, label: phaseName(t, phase) }));
