import type { WorkspaceLibrary, SubjectType } from '../contracts';
import type { Comment } from '../service';

interface CommentThreadProps {
  library: WorkspaceLibrary;
  type: SubjectType;
  id: string;
  comments: Comment[];
  /** The reader may add a comment (library.comment). */
  canComment: boolean;
}

/** The comment thread under a workspace item, with a form to add one. */
export function CommentThread(_props: CommentThreadProps) {
  return <section id="comments" />;
}
