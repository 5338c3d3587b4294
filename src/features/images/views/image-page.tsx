import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, type FormState } from '../../../ui/forms';
import { SummaryList } from '../../../ui/table';
import type { ImageInfo } from '../service';
import { DetailsFields } from './details-fields';
import { ImageFigure } from './figure';
import { href } from '../../../server/route-contract';
import { imagesRoutes } from '../route-table';

/** One image: a preview with its caption, its sizes, and the form to change its description. */
export function ImagePage({ image, form }: { image: ImageInfo; form: FormState }) {
  const { t } = usePage();
  return (
    <Layout title={t('images.detail.title')}>
      <PageHeading title={t('images.detail.title')} />
      <h2>{t('images.detail.preview')}</h2>
      <ImageFigure image={image} lazy={false} />
      <SummaryList
        items={[
          [t('images.detail.id'), <code>{image.id}</code>],
          [t('images.detail.sizes'), t('images.detail.sizesValue', { widths: image.widths.join(', ') })],
        ]}
      />
      <div class="narrow">
        <h2>{t('images.detail.edit')}</h2>
        <ErrorSummary form={form} />
        <Form action={href(imagesRoutes.update, { image: image.id })}>
          <DetailsFields form={form} />
          <SubmitButton>{t('common.save')}</SubmitButton>
        </Form>
      </div>
      <p>
        <a href={href(imagesRoutes.list)}>{t('images.detail.back')}</a>
      </p>
    </Layout>
  );
}
