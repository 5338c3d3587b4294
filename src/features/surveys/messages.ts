import { defineMessages } from '../../i18n/define';

export const surveysMessages = defineMessages(
  {
    'surveys.title': 'Surveys',
  },
  {
    'surveys.title': 'Encuestas',
  },
);
