import { usePage } from '../../../ui/context';
import { Paragraphs } from '../../../ui/paragraphs';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { CommentThread } from '../../../ui/workspace/comments';
import type { Comment } from '../../workspace/service';
import { ideaPath, ideatePath, prototypePath, type Idea, type Prototype } from '../service';
import { decisionLabel } from './decision-text';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../../discover/route-table';
import { prototypesRoutes } from '../route-table';

interface IdeaPageProps {
  library: WorkspaceLibrary;
  idea: Idea;
  insights: Array<{ id: string; text: string }>;
  prototypes: Prototype[];
  comments: Comment[];
}

/** One idea: what it is, the insights it answers, the prototypes made from it, and its comments. */
export function IdeaPage({ library, idea, insights, prototypes, comments }: IdeaPageProps) {
  const { t, abilities } = usePage();
  const path = ideaPath(library, idea.id);
  return (
    <WorkspaceLayout library={library} section="ideate" title={idea.title}>
      <p>
        <a href={ideatePath(library)}>{t('prototypes.back')}</a>
      </p>
      {idea.description ? <Paragraphs text={idea.description} /> : <p class="empty">{t('prototypes.idea.noDescription')}</p>}
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={`${path}/edit`}>
            {t('prototypes.idea.edit')}
          </a>
          <a class="button button-secondary" href={href(prototypesRoutes.newPrototype, { library: library.slug }, { idea: idea.id })}>
            {t('prototypes.idea.makePrototype')}
          </a>
          <a href={`${path}/delete`}>{t('prototypes.idea.delete')}</a>
        </p>
      )}
      <h2>{t('prototypes.idea.insightsHeading')}</h2>
      {insights.length ? (
        <ul>
          {insights.map((insight) => (
            <li key={insight.id}>
              <a href={href(discoverRoutes.insight, { library: library.slug, insight: insight.id })}>{insight.text}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('prototypes.idea.insightsEmpty')}</p>
      )}
      <h2>{t('prototypes.idea.prototypesHeading')}</h2>
      {prototypes.length ? (
        <ul>
          {prototypes.map((prototype) => (
            <li key={prototype.id}>
              <a href={prototypePath(library, prototype.id)}>{prototype.title}</a>
              {' – '}
              {t(decisionLabel(prototype.decision))}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('prototypes.idea.prototypesEmpty')}</p>
      )}
      <CommentThread library={library} type="idea" id={idea.id} comments={comments} />
    </WorkspaceLayout>
  );
}
