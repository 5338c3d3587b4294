import Type from 'typebox';
import { personFields } from '../accounts/schema';

/**
 * The role of a person and the libraries it links them to. Shared by the
 * invitation and the edit form; which link fields apply depends on the role,
 * and the service checks that combination.
 */
const accessFields = {
  role: Type.Enum(['admin', 'coach', 'staff'], { title: 'people.field.role', errorMessage: 'people.error.role' }),
  // Library ids are checked against the known libraries by the service, so a
  // forged or oversized id gets the same "unknown library" answer.
  libraryId: Type.Optional(Type.String({ title: 'people.field.libraryId', errorMessage: 'people.error.libraryUnknown' })),
  libraryRole: Type.Optional(
    Type.Enum(['lead', 'member'], { title: 'people.field.libraryRole', errorMessage: 'people.error.libraryRole' }),
  ),
  coachedLibraryIds: Type.Array(Type.String(), {
    maxItems: 1000,
    title: 'people.field.coachedLibraryIds',
    errorMessage: 'people.error.libraryUnknown',
  }),
};

export const InviteForm = Type.Object({
  ...personFields({ email: 'accounts.field.email', emailError: 'accounts.error.email', name: 'people.field.name', nameError: 'people.error.name' }),
  ...accessFields,
  locale: Type.Enum(['en', 'es'], { title: 'people.field.locale', errorMessage: 'people.error.locale' }),
});

export const EditForm = Type.Object(accessFields);

/** The filters of the people list, sent as a GET form. */
export const PeopleFilterForm = Type.Object({
  role: Type.Optional(Type.Enum(['admin', 'coach', 'staff'], { title: 'people.filter.role' })),
  status: Type.Optional(Type.Enum(['invited', 'active', 'deactivated'], { title: 'people.filter.status' })),
  q: Type.Optional(Type.String({ maxLength: 200, title: 'people.filter.query' })),
});
