import { usePage } from '../../../ui/context';
import { Checkboxes, Radios, Select, type FormState } from '../../../ui/forms';

/** A library as offered in the pickers. */
export interface LibraryChoice {
  id: string;
  name: string;
}

/**
 * The role of a person and the libraries that go with it, for the invite and
 * edit forms. All fields are shown at once so the form works without
 * JavaScript; the service uses only those that fit the chosen role.
 */
export function AccessFields({ form, libraries, staffHint }: { form: FormState; libraries: LibraryChoice[]; staffHint?: string }) {
  const { t } = usePage();
  const options = libraries.map((library) => ({ value: library.id, label: library.name }));
  return (
    <>
      <Radios
        form={form}
        name="role"
        label={t('people.field.role')}
        options={[
          { value: 'admin', label: t('role.admin') },
          { value: 'coach', label: t('role.coach') },
          { value: 'staff', label: t('role.staff') },
        ]}
      />
      <fieldset class="field">
        <legend>{t('people.fields.staff')}</legend>
        {libraries.length === 0 ? (
          <p class="empty">{t('people.fields.noLibraries')}</p>
        ) : (
          <>
            <Select
              form={form}
              name="libraryId"
              label={t('people.field.libraryId')}
              hint={staffHint ? `${t('people.field.libraryIdHint')} ${staffHint}` : t('people.field.libraryIdHint')}
              options={options}
              emptyLabel={t('people.field.chooseLibrary')}
            />
            <Radios
              form={form}
              name="libraryRole"
              label={t('people.field.libraryRole')}
              options={[
                { value: 'member', label: t('libraryRole.member') },
                { value: 'lead', label: t('libraryRole.lead') },
              ]}
            />
          </>
        )}
      </fieldset>
      <fieldset class="field">
        <legend>{t('people.fields.coach')}</legend>
        {libraries.length === 0 ? (
          <p class="empty">{t('people.fields.noLibraries')}</p>
        ) : (
          <Checkboxes
            form={form}
            name="coachedLibraryIds"
            label={t('people.field.coachedLibraryIds')}
            hint={t('people.field.coachedLibraryIdsHint')}
            options={options}
          />
        )}
      </fieldset>
    </>
  );
}
