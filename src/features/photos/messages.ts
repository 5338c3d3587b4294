import { defineMessages } from '../../i18n/define';

export const photosMessages = defineMessages(
  {
    'photos.title': 'Photos',
  },
  {
    'photos.title': 'Photos',
  },
);
