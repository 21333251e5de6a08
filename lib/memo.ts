/**
 * A value worked out once per object and key, e.g. per parsed document and operation name. The
 * object is held weakly: its values go with it. A `make` that throws leaves nothing behind. With
 * `maxKeys`, an object keeps that many values at most; past them, values are made for each call.
 */
export function memoPerObject<O extends object, K, V>({ maxKeys = Infinity } = {}): (object: O, key: K, make: () => V) => V {
  const memo = new WeakMap<O, Map<K, V>>();
  return (object, key, make) => {
    let byKey = memo.get(object);
    if (!byKey) memo.set(object, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = make();
    if (byKey.size < maxKeys) byKey.set(key, value);
    return value;
  };
}
