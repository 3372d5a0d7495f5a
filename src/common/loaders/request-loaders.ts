import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request. Each service names its loaders and supplies the batch
 * function, so relation fields cost one query per kind, not one per row (no N+1).
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results to match the keys, as DataLoader requires. */
export function byKey<K, V>(
  keys: readonly K[],
  rows: V[],
  keyOf: (row: V) => K,
  missing: V | null = null,
): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? missing);
}

/** Groups batch results per key (one-to-many relations). */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** A batched yes/no per id: `present` answers, in one query, which of the ids have the property. */
export function flagLoader(
  loaders: RequestLoaders,
  name: string,
  present: (ids: readonly string[]) => Promise<Iterable<string>>,
): DataLoader<string, boolean> {
  return loaders.get<string, boolean>(name, async (ids) => {
    const yes = new Set(await present(ids));
    return ids.map((key) => yes.has(key));
  });
}

export function loadFlag(
  loaders: RequestLoaders,
  name: string,
  id: string,
  present: (ids: readonly string[]) => Promise<Iterable<string>>,
): Promise<boolean> {
  return flagLoader(loaders, name, present).load(id);
}
