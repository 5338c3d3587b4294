import Type from 'typebox';
import { MAX_COMMENT_LENGTH } from '../../ui/workspace/comments';

export { MAX_COMMENT_LENGTH };

export const CommentForm = Type.Object({
  subjectType: Type.String({ minLength: 1, maxLength: 40, title: 'workspace.field.subjectType' }),
  subjectId: Type.String({ minLength: 1, maxLength: 200, title: 'workspace.field.subjectId' }),
  body: Type.String({
    minLength: 1,
    maxLength: MAX_COMMENT_LENGTH,
    title: 'workspace.field.comment',
    errorMessage: 'workspace.error.comment',
  }),
});

/**
 * A phase's form: its status, and the manual checklist items ticked. Which
 * items a phase has is checked against the phase after validation.
 */
export const PhaseForm = Type.Object({
  status: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('done')], {
    title: 'workspace.field.status',
    errorMessage: 'workspace.error.status',
  }),
  checked: Type.Array(Type.String({ maxLength: 40 }), {
    maxItems: 10,
    title: 'workspace.field.checked',
    errorMessage: 'workspace.error.checked',
  }),
});
