import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, FileField, Form, IMAGE_ACCEPT, SubmitButton, type FormState } from '../../../ui/forms';
import { DetailsFields } from './details-fields';
import { href } from '../../../server/route-contract';
import { imagesRoutes } from '../route-table';

/**
 * The upload form, sent as multipart. After an error the other fields are
 * kept and the file field says to choose the file again.
 */
export function UploadPage({ form, maxMegabytes }: { form: FormState; maxMegabytes: number }) {
  const { t } = usePage();
  return (
    <Layout title={t('images.upload.title')}>
      <div class="narrow">
        <PageHeading title={t('images.upload.title')} />
        <ErrorSummary form={form} />
        <Form action={href(imagesRoutes.upload)} encType="multipart/form-data">
          <FileField
            form={form}
            label={t('images.field.file')}
            hint={t('images.hint.file', { mb: maxMegabytes })}
            reselectHint={t('images.hint.reselect')}
            accept={IMAGE_ACCEPT}
          />
          <DetailsFields form={form} />
          <SubmitButton>{t('images.upload.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={href(imagesRoutes.list)}>{t('images.detail.back')}</a>
        </p>
      </div>
    </Layout>
  );
}
