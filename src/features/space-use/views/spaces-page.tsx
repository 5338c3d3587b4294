import { usePage } from '../../../ui/context';
import { formatNumber } from '../../../i18n/format';
import { Table } from '../../../ui/table';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Space } from '../service';
import { importPath } from '../import-urls';
import { newSpacePath, spacePath, sweepsPath } from '../urls';
import { reportPath } from '../report-urls';

interface SpacesPageProps {
  library: WorkspaceLibrary;
  spaces: Space[];
}

/** The library's spaces with their zones and capacity, and links to record a sweep of each. */
export function SpacesPage({ library, spaces }: SpacesPageProps) {
  const { t, locale, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="space-use" title={t('spaceUse.title')} lead={t('spaceUse.lead')}>
      <p class="actions">
        {abilities.work && (
          <a class="button button-primary" href={newSpacePath(library)}>
            {t('spaceUse.spaces.add')}
          </a>
        )}
        <a href={sweepsPath(library)}>{t('spaceUse.sweeps.link')}</a>
      </p>
      <h2>{t('spaceUse.spaces.heading')}</h2>
      <Table
        caption={t('spaceUse.spaces.caption')}
        rows={spaces}
        rowKey={(space) => space.id}
        empty={t('spaceUse.spaces.empty')}
        columns={[
          { header: t('spaceUse.spaces.name'), cell: (space) => space.name },
          { header: t('spaceUse.spaces.zones'), cell: (space) => space.zones.map((z) => z.name).join(', ') },
          {
            header: t('spaceUse.spaces.capacity'),
            numeric: true,
            cell: (space) => formatNumber(space.zones.reduce((sum, z) => sum + z.capacity, 0), locale),
          },
          {
            header: t('spaceReport.spacesColumn'),
            cell: (space) => <a href={reportPath(library, space.id)}>{t('spaceReport.link', { space: space.name })}</a>,
          },
          ...(abilities.work
            ? [
                {
                  header: t('spaceUse.spaces.actions'),
                  cell: (space: Space) => (
                    <ul>
                      <li>
                        <a href={spacePath(library, space.id, 'sweeps/new')}>{t('spaceUse.spaces.record', { space: space.name })}</a>
                      </li>
                      <li>
                        <a href={spacePath(library, space.id, 'edit')}>{t('spaceUse.spaces.edit', { space: space.name })}</a>
                      </li>
                      <li>
                        <a href={importPath(library, space.id)}>{t('spaceUseImport.link', { space: space.name })}</a>
                      </li>
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
    </WorkspaceLayout>
  );
}
