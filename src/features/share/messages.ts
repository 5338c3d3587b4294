import { defineMessages } from '../../i18n/define';

export const shareMessages = defineMessages(
  {
    'share.title': 'Share',
  },
  {
    'share.title': 'Share',
  },
);
