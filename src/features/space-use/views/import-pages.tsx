import { usePage } from '../../../ui/context';
import { formatDate, formatNumber, timeZoneOptions } from '../../../i18n/format';
import { ErrorSummary, fieldId, FileField, Form, Select, SubmitButton, type FormState, type Option } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { importMapPath, importPath } from '../import-urls';
import { locationField, MAX_IMPORT_MEGABYTES, SKIP } from '../import-schema';
import { previewOf } from '../import-service';
import type { Space } from '../service';
import type { SumaExport, SumaProblem } from '../suma';
import { spaceUsePath } from '../urls';

const timeZones: Option[] = timeZoneOptions().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));

/** The lines of a file that could not be read, each with what was wrong. */
function ProblemsTable({ problems }: { problems: SumaProblem[] }) {
  const { t, locale } = usePage();
  if (problems.length === 0) return null;
  return (
    <>
      <h2>{t('spaceUseImport.problems.heading')}</h2>
      <Table
        caption={t('spaceUseImport.problems.caption')}
        rows={problems.map((problem, index) => ({ problem, index }))}
        rowKey={({ index }) => String(index)}
        empty=""
        columns={[
          { header: t('spaceUseImport.problems.line'), numeric: true, cell: ({ problem }) => formatNumber(problem.line, locale) },
          {
            header: t('spaceUseImport.problems.problem'),
            cell: ({ problem }) =>
              t(`spaceUseImport.problem.${problem.code}`, {
                column: problem.column ?? '',
                value: problem.value ?? '',
                expected: problem.expected ?? 0,
                found: problem.found ?? 0,
              }),
          },
        ]}
      />
    </>
  );
}

interface ImportUploadPageProps {
  library: WorkspaceLibrary;
  space: Space;
  form: FormState;
  /** The lines of a refused Suma file that could not be read. */
  problems?: SumaProblem[];
}

/** The first step of a Suma import: choosing the file. */
export function ImportUploadPage({ library, space, form, problems = [] }: ImportUploadPageProps) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="space-use" title={t('spaceUseImport.title', { space: space.name })} lead={t('spaceUseImport.lead')}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={importPath(library, space.id)} encType="multipart/form-data">
          <FileField
            form={form}
            label={t('spaceUseImport.field.file')}
            hint={t('spaceUseImport.hint.file', { megabytes: MAX_IMPORT_MEGABYTES })}
            reselectHint={t('spaceUseImport.hint.reselect')}
            accept=".csv,text/csv"
          />
          <SubmitButton>{t('spaceUseImport.upload.submit')}</SubmitButton>
        </Form>
        <ProblemsTable problems={problems} />
        <p>
          <a href={spaceUsePath(library)}>{t('spaceUseImport.back')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  );
}

interface ImportMapPageProps {
  library: WorkspaceLibrary;
  space: Space;
  /** The key the uploaded file is kept under. */
  upload: string;
  parsed: SumaExport;
  form: FormState;
}

/** The second step: what the file holds, the lines that could not be read, and where each Suma location goes. */
export function ImportMapPage({ library, space, upload, parsed, form }: ImportMapPageProps) {
  const { t, locale } = usePage();
  const preview = previewOf(parsed);
  const zones: Option[] = [...space.zones.map((z) => ({ value: z.id, label: z.name })), { value: SKIP, label: t('spaceUseImport.map.skip') }];
  const day = (value: string | undefined) => (value ? formatDate(value, locale) : '');
  return (
    <WorkspaceLayout library={library} section="space-use" title={t('spaceUseImport.title', { space: space.name })}>
      <ErrorSummary form={form} />
      <h2>{t('spaceUseImport.preview.heading')}</h2>
      <dl class="summary">
        <dt>{t('spaceUseImport.preview.layout')}</dt>
        <dd>{t(`spaceUseImport.preview.layout.${parsed.layout}`)}</dd>
        <dt>{t('spaceUseImport.preview.initiative')}</dt>
        <dd>{parsed.initiativeTitle ?? t('spaceUseImport.preview.initiativeUnknown')}</dd>
        <dt>{t('spaceUseImport.preview.dates')}</dt>
        <dd>{t('spaceUseImport.preview.dateRange', { from: day(preview.from), to: day(preview.to) })}</dd>
        <dt>{t('spaceUseImport.preview.sessions')}</dt>
        <dd>{formatNumber(preview.sessions, locale)}</dd>
        <dt>{t('spaceUseImport.preview.actions')}</dt>
        <dd>{formatNumber(preview.countActions, locale)}</dd>
      </dl>
      {!parsed.activityTagged && <p>{t('spaceUseImport.preview.untagged')}</p>}
      <Table
        caption={t('spaceUseImport.preview.locations')}
        rows={parsed.locations}
        rowKey={(location) => String(location.id)}
        empty=""
        columns={[
          { header: t('spaceUseImport.preview.location'), cell: (location) => location.title },
          { header: t('spaceUseImport.preview.locationId'), numeric: true, cell: (location) => String(location.id) },
        ]}
      />
      <ProblemsTable problems={parsed.problems} />
      <h2>{t('spaceUseImport.map.heading')}</h2>
      <div class="narrow">
        <Form action={importMapPath(library, space.id)}>
          <input type="hidden" name="upload" value={upload} />
          <fieldset class="field">
            <legend>{t('spaceUseImport.map.zonesLegend', { space: space.name })}</legend>
            {parsed.locations.map((location) => (
              <Select
                key={location.id}
                form={form}
                name={locationField(location.id)}
                label={t('spaceUseImport.map.location', { location: location.title })}
                hint={t('spaceUseImport.map.locationHint', { id: location.id })}
                options={zones}
                emptyLabel=""
              />
            ))}
          </fieldset>
          <Select
            form={form}
            name="timeZone"
            label={t('spaceUseImport.map.timeZone')}
            hint={t('spaceUseImport.map.timeZoneHint', { timeZone: library.timeZone })}
            options={timeZones}
          />
          {parsed.problems.length > 0 && (
            <div class="field">
              {form.errors.goodRowsOnly && (
                <p class="error-message" id={`${fieldId('goodRowsOnly')}-error`}>
                  {form.errors.goodRowsOnly}
                </p>
              )}
              <div class="choice" id={fieldId('goodRowsOnly')}>
                <input type="checkbox" id={`${fieldId('goodRowsOnly')}-0`} name="goodRowsOnly" value="yes" checked={form.values.goodRowsOnly === 'yes'} />
                <label for={`${fieldId('goodRowsOnly')}-0`}>{t('spaceUseImport.map.goodRowsOnly')}</label>
              </div>
            </div>
          )}
          <SubmitButton>{t('spaceUseImport.map.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={spaceUsePath(library)}>{t('spaceUseImport.back')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  );
}
