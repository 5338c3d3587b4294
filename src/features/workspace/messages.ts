import { defineMessages } from '../../i18n/define';

export const workspaceMessages = defineMessages(
  {
    'workspace.title': 'Workspace',
    'workspace.nav.label': 'Workspace',
    'workspace.nav.journey': 'Journey',
    'workspace.nav.discover': 'Discover',
    'workspace.nav.surveys': 'Surveys',
    'workspace.nav.ideate': 'Ideas and prototypes',
    'workspace.nav.plan': 'Plan',
    'workspace.nav.photos': 'Photos',
    'workspace.nav.share': 'Share',
  },
  {
    'workspace.title': 'Espacio de trabajo',
    'workspace.nav.label': 'Espacio de trabajo',
    'workspace.nav.journey': 'Recorrido',
    'workspace.nav.discover': 'Descubrir',
    'workspace.nav.surveys': 'Encuestas',
    'workspace.nav.ideate': 'Ideas y prototipos',
    'workspace.nav.plan': 'Plan',
    'workspace.nav.photos': 'Fotos',
    'workspace.nav.share': 'Compartir',
  },
);
