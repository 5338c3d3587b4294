import { defineMessages } from '../../i18n/define';

export const discoverMessages = defineMessages(
  {
    'discover.title': 'Discover',
  },
  {
    'discover.title': 'Discover',
  },
);
