import type { Kysely } from 'kysely';

// Tables of the share feature.

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
