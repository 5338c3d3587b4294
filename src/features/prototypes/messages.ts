import { defineMessages } from '../../i18n/define';

export const prototypesMessages = defineMessages(
  {
    'prototypes.title': 'Prototypes',
  },
  {
    'prototypes.title': 'Prototypes',
  },
);
