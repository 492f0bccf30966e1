/**
 * Weight shards kept in the Cache API under the model's content hash, so that a second visit loads
 * the model with no weight bytes over the network, and a rebuilt model (new hash) is never mixed
 * with old shards. Every failure here (no Cache API, storage full, private mode) falls back to
 * the network: the cache can only make loading faster, never break it.
 */
const CACHE_NAME = 'mobilenet-classifier-weights-v1';

/** A shard's cache key: its URL without query, plus the hash of the model it belongs to. */
function keyOf(shard: URL, contentHash: string): string {
  return `${shard.origin}${shard.pathname}?content-hash=${encodeURIComponent(contentHash)}`;
}

/** The weight cache, or undefined where the Cache API is missing or refused (e.g. opaque origins). */
export async function openWeightCache(): Promise<Cache | undefined> {
  try {
    return typeof caches === 'undefined' ? undefined : await caches.open(CACHE_NAME);
  } catch {
    return undefined;
  }
}

/** The cached bytes of a shard of the model with this content hash, if any. */
export async function readShard(cache: Cache, shard: URL, contentHash: string): Promise<ArrayBuffer | undefined> {
  try {
    return await (await cache.match(keyOf(shard, contentHash)))?.arrayBuffer();
  } catch {
    return undefined;
  }
}

/** Stores a shard, and drops the copies of the same shard URL that belong to other builds. */
export async function storeShard(cache: Cache, shard: URL, contentHash: string, bytes: ArrayBuffer): Promise<void> {
  const key = keyOf(shard, contentHash);
  try {
    const stale = (await cache.keys()).filter((request) => {
      const cached = new URL(request.url);
      return cached.origin === shard.origin && cached.pathname === shard.pathname && request.url !== key;
    });
    await Promise.all(stale.map((request) => cache.delete(request)));
    await cache.put(key, new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }));
  } catch {
    // Quota or a closed storage: the next visit downloads again.
  }
}
