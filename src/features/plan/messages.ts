import { defineMessages } from '../../i18n/define';

export const planMessages = defineMessages(
  {
    'plan.title': 'Plan',
  },
  {
    'plan.title': 'Plan',
  },
);
