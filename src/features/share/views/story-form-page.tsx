import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../../photos/service';
import { sharePaths } from '../service';
import { MAX_SECTION_LENGTH, MAX_STORY_TITLE_LENGTH, MAX_SUMMARY_LENGTH } from '../schema';
import { PhotoChoices } from './photos';
import { href } from '../../../server/route-contract';
import { shareRoutes } from '../route-table';

interface StoryFormProps {
  library: WorkspaceLibrary;
  form: FormState;
  beforePhotos: Photo[];
  afterPhotos: Photo[];
}

/** Editing the story: title, summary, the three parts and which photos it shows. */
export function StoryFormPage({ library, form, beforePhotos, afterPhotos }: StoryFormProps) {
  const { t } = usePage();
  const path = sharePaths.story(library);
  const sectionHint = t('share.hint.section', { limit: MAX_SECTION_LENGTH });
  return (
    <WorkspaceLayout library={library} section="share" title={t('share.story.editTitle')} lead={t('share.story.editLead')}>
      <ErrorSummary form={form} />
      <Form action={href(shareRoutes.updateStory, { library: library.slug })}>
        <TextField form={form} name="title" label={t('share.field.title')} maxLength={MAX_STORY_TITLE_LENGTH} />
        <TextArea
          form={form}
          name="summary"
          label={t('share.field.summary')}
          hint={t('share.hint.summary')}
          rows={3}
          maxLength={MAX_SUMMARY_LENGTH}
        />
        {(['before', 'during', 'after'] as const).map((part) => (
          <TextArea
            key={part}
            form={form}
            name={part}
            label={t(`share.field.${part}`)}
            hint={sectionHint}
            rows={14}
            maxLength={MAX_SECTION_LENGTH}
            optional
          />
        ))}
        {beforePhotos.length > 0 && (
          <PhotoChoices
            library={library}
            form={form}
            name="beforePhotos"
            label={t('share.field.beforePhotos')}
            hint={t('share.hint.photo')}
            photos={beforePhotos}
            multiple
          />
        )}
        {afterPhotos.length > 0 && (
          <PhotoChoices
            library={library}
            form={form}
            name="afterPhotos"
            label={t('share.field.afterPhotos')}
            hint={t('share.hint.storyPhotos')}
            photos={afterPhotos}
            multiple
          />
        )}
        <div class="actions">
          <SubmitButton>{t('share.story.save')}</SubmitButton>
          <a href={path}>{t('common.cancel')}</a>
        </div>
      </Form>
    </WorkspaceLayout>
  );
}
