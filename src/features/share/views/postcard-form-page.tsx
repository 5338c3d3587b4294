import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Photo } from '../../photos/service';
import { sharePaths, type Postcard } from '../service';
import { MAX_POSTCARD_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import { PhotoChoices } from './photos';
import { href } from '../../../server/route-contract';
import { photosRoutes } from '../../photos/route-table';
import { shareRoutes } from '../route-table';

interface PostcardFormProps {
  library: WorkspaceLibrary;
  form: FormState;
  photos: Photo[];
  /** The postcard being edited; a new one when absent. */
  postcard?: Postcard;
}

/** Writing or editing a postcard: title, text and one of the library's photos. */
export function PostcardFormPage({ library, form, photos, postcard }: PostcardFormProps) {
  const { t } = usePage();
  const title = postcard ? t('share.postcards.editTitle', { title: postcard.title }) : t('share.postcards.newTitle');
  const action = postcard ? href(shareRoutes.updatePostcard, { library: library.slug, postcard: postcard.id }) : href(shareRoutes.createPostcard, { library: library.slug });
  const back = postcard ? sharePaths.postcard(library, postcard.id) : sharePaths.overview(library);
  return (
    <WorkspaceLayout library={library} section="share" title={title}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <TextField form={form} name="title" label={t('share.field.title')} maxLength={MAX_TITLE_LENGTH} />
          <TextArea
            form={form}
            name="body"
            label={t('share.field.body')}
            hint={t('share.hint.body', { limit: MAX_POSTCARD_LENGTH })}
            rows={8}
            maxLength={MAX_POSTCARD_LENGTH}
          />
          {photos.length ? (
            <PhotoChoices
              library={library}
              form={form}
              name="photo"
              label={t('share.field.photo')}
              hint={t('share.hint.photo')}
              photos={photos}
            />
          ) : (
            <p id="field-photo" class={form.errors.photo ? 'error-message' : undefined}>
              {t('share.photo.none')} <a href={href(photosRoutes.list, { library: library.slug })}>{t('share.photo.add')}</a>
            </p>
          )}
          <div class="actions">
            <SubmitButton>{t('share.postcards.save')}</SubmitButton>
            <a href={back}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}
