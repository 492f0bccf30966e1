/**
 * Graph rewrites that the current tf.js converter would make but the 2019 converter behind the
 * TF-Hub graph did not: each `DepthwiseConv2dNative → BiasAdd [→ Relu6]` chain becomes one
 * `FusedDepthwiseConv2dNative` node.
 *
 * The fused kernel does the same arithmetic in the same order (convolve, add the bias, clamp), so
 * the weights and the maths are unchanged; what goes away is one tensor allocation and one kernel
 * dispatch per removed node, which dominates a network this small on the wasm backend.
 */
import { ModelBuildError, type GraphNode } from './sources';

/** What {@link fuseDepthwise} did. */
export interface FuseResult {
  nodes: GraphNode[];
  /** Number of depthwise chains fused, and how many of them included the Relu6. */
  fused: number;
  withRelu6: number;
}

/** Base64 of an ASCII attribute string, as the converter encodes `attr.*.s`. */
const b64 = (text: string): string => Buffer.from(text, 'ascii').toString('base64');

/**
 * Fuses every `DepthwiseConv2dNative → BiasAdd [→ Relu6]` chain whose intermediate results are
 * used by nothing else.
 *
 * The fused node takes the name of the chain's last node, so every consumer keeps its input.
 *
 * @param nodes - the graph's nodes; not modified
 * @param keep - names that must stay addressable (outputs): chains ending before them are not
 *   shortened past them
 * @returns the rewritten node list and counts
 */
export function fuseDepthwise(nodes: readonly GraphNode[], keep: ReadonlySet<string> = new Set()): FuseResult {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const consumers = new Map<string, GraphNode[]>();
  for (const node of nodes) {
    for (const input of node.input ?? []) {
      const name = input.replace(/^\^/, '').replace(/:\d+$/, '');
      consumers.set(name, [...(consumers.get(name) ?? []), node]);
    }
  }
  const onlyConsumer = (name: string): GraphNode | undefined => {
    const list = consumers.get(name) ?? [];
    return list.length === 1 && !keep.has(name) ? list[0] : undefined;
  };

  const removed = new Set<string>();
  const replaced = new Map<string, GraphNode>();
  let withRelu6 = 0;
  for (const conv of nodes) {
    if (conv.op !== 'DepthwiseConv2dNative') continue;
    const bias = onlyConsumer(conv.name);
    if (bias?.op !== 'BiasAdd' || bias.input?.[0] !== conv.name || bias.input.length !== 2) continue;
    if (byName.get(bias.input[1]!)?.op !== 'Const') continue;
    const relu = onlyConsumer(bias.name);
    const last = relu?.op === 'Relu6' && relu.input?.length === 1 ? relu : bias;
    const [x, filter] = conv.input ?? [];
    if (x === undefined || filter === undefined) {
      throw new ModelBuildError(`graph node ${conv.name}: DepthwiseConv2dNative without input and filter`);
    }

    const fusedOps = last === relu ? ['BiasAdd', 'Relu6'] : ['BiasAdd'];
    if (last === relu) withRelu6++;
    replaced.set(last.name, {
      name: last.name,
      op: 'FusedDepthwiseConv2dNative',
      input: [x, filter, bias.input[1]!],
      attr: {
        ...conv.attr,
        num_args: { i: '1' },
        fused_ops: { list: { s: fusedOps.map(b64) } },
      },
    });
    removed.add(conv.name);
    if (last !== bias) removed.add(bias.name);
  }

  return {
    nodes: nodes.filter((n) => !removed.has(n.name)).map((n) => replaced.get(n.name) ?? n),
    fused: replaced.size,
    withRelu6,
  };
}
