import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Several entities from one hand-written statement (a page and what its fields need), instead of
 * one round trip per kind. `selectColumns` names every column of an entity under a prefix;
 * `entityFromRow` turns those columns of a row back into an entity, as TypeORM would hydrate it.
 */
export function selectColumns(
  db: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  prefix: string,
): string {
  return db
    .getMetadata(entity)
    .columns.map((column) => `${alias}."${column.databaseName}" AS "${prefix}${column.databaseName}"`)
    .join(', ');
}

/** The entity whose columns `selectColumns` selected under `prefix`; null when its primary key is null (an outer join found none). */
export function entityFromRow<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  row: Record<string, unknown>,
  prefix: string,
): T | null {
  const metadata = db.getMetadata(entity);
  if (metadata.primaryColumns.some((column) => row[`${prefix}${column.databaseName}`] == null)) return null;
  const result = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(result, db.driver.prepareHydratedValue(row[`${prefix}${column.databaseName}`], column));
  }
  return result;
}
