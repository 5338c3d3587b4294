/** Tables of the Suma import (see migration 0019-space-use-imports). */
export interface SpaceUseImportTables {
  space_use_imports: SpaceUseImportsTable;
}

/** An uploaded Suma file kept between the upload and the mapping step. */
export interface SpaceUseImportsTable {
  /** An unguessable token, the key the mapping step names the file by. */
  id: string;
  library_id: string;
  space_id: string;
  /** The file's text, as uploaded. */
  content: string;
  created_by: string | null;
  created_at: string;
}
