import type { MessageKey } from '../../../i18n';
import type { PrototypeDecision } from '../service';

const LABELS: Record<PrototypeDecision | 'undecided', MessageKey> = {
  keep: 'prototypes.decision.keep',
  change: 'prototypes.decision.change',
  drop: 'prototypes.decision.drop',
  undecided: 'prototypes.decision.undecided',
};

/** The message naming a decision, or "Not decided yet". */
export const decisionLabel = (decision: PrototypeDecision | null): MessageKey => LABELS[decision ?? 'undecided'];
