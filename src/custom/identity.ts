import type { ModelIdentity } from './types';

/** MobileNet V2's feature vector, when a model's metadata does not say. */
const DEFAULT_FEATURE_SIZE = 1280;

/**
 * Which model this is, from its `userDefinedMetadata` (`Classifier.metadata`): `modelId`,
 * `contentHash` and `featureSize`, as written by `npm run model`.
 */
export function modelIdentity(metadata: Readonly<Record<string, unknown>>): ModelIdentity {
  const { modelId, contentHash, featureSize } = metadata;
  return {
    id: typeof modelId === 'string' ? modelId : 'unknown',
    ...(typeof contentHash === 'string' && contentHash ? { contentHash } : {}),
    featureSize:
      typeof featureSize === 'number' && Number.isInteger(featureSize) && featureSize > 0
        ? featureSize
        : DEFAULT_FEATURE_SIZE,
  };
}
