import { describe, expect, it } from 'vitest';
import { fuseDepthwise } from '../scripts/model/fuse';
import type { GraphNode } from '../scripts/model/sources';

const node = (name: string, op: string, input: string[] = [], attr: Record<string, unknown> = {}): GraphNode => ({
  name,
  op,
  input,
  attr,
});
const convAttr = { strides: { list: { i: ['1', '2', '2', '1'] } }, padding: { s: btoa('SAME') } };

/** x → depthwise → bias → relu → (next), with the bias a Const. */
function chain(next: GraphNode[] = [node('out', 'Identity', ['relu'])]): GraphNode[] {
  return [
    node('x', 'Placeholder'),
    node('w', 'Const'),
    node('b', 'Const'),
    node('dw', 'DepthwiseConv2dNative', ['x', 'w'], convAttr),
    node('bias', 'BiasAdd', ['dw', 'b']),
    node('relu', 'Relu6', ['bias']),
    ...next,
  ];
}

describe('fuseDepthwise', () => {
  it('turns depthwise → BiasAdd → Relu6 into one node named after the Relu6, keeping the conv attributes', () => {
    const result = fuseDepthwise(chain());
    expect(result.nodes.map((n) => n.name)).toEqual(['x', 'w', 'b', 'relu', 'out']);
    expect(result.nodes[3]).toEqual({
      name: 'relu',
      op: 'FusedDepthwiseConv2dNative',
      input: ['x', 'w', 'b'],
      attr: { ...convAttr, num_args: { i: '1' }, fused_ops: { list: { s: [btoa('BiasAdd'), btoa('Relu6')] } } },
    });
    expect(result).toMatchObject({ fused: 1, withRelu6: 1 });
  });

  it('fuses only the bias when the BiasAdd feeds something other than a Relu6', () => {
    const nodes = chain()
      .slice(0, 5)
      .concat(node('out', 'Add', ['bias', 'x']));
    const result = fuseDepthwise(nodes);
    expect(result.nodes.map((n) => [n.name, n.op])).toEqual([
      ['x', 'Placeholder'],
      ['w', 'Const'],
      ['b', 'Const'],
      ['bias', 'FusedDepthwiseConv2dNative'],
      ['out', 'Add'],
    ]);
    expect(result.nodes[3]!.attr!['fused_ops']).toEqual({ list: { s: [btoa('BiasAdd')] } });
    expect(result).toMatchObject({ fused: 1, withRelu6: 0 });
  });

  it('leaves a chain alone when an intermediate result has a second consumer', () => {
    const nodes = chain([node('out', 'Identity', ['relu']), node('peek', 'Identity', ['dw'])]);
    expect(fuseDepthwise(nodes)).toEqual({ nodes, fused: 0, withRelu6: 0 });
  });

  it('stops before a node that must stay addressable', () => {
    const result = fuseDepthwise(chain(), new Set(['bias']));
    expect(result.nodes.map((n) => [n.name, n.op])).toEqual([
      ['x', 'Placeholder'],
      ['w', 'Const'],
      ['b', 'Const'],
      ['bias', 'FusedDepthwiseConv2dNative'],
      ['relu', 'Relu6'],
      ['out', 'Identity'],
    ]);
  });

  it('does not fuse a bias that is computed rather than constant', () => {
    const nodes = chain().map((n) => (n.name === 'b' ? node('b', 'Mul', ['x', 'x']) : n));
    expect(fuseDepthwise(nodes).fused).toBe(0);
  });

  it('counts a control input (^name) and an output index (name:1) as consumers', () => {
    // ^bias is a second consumer of bias: only conv + bias fuse, under bias's name, so ^bias still resolves.
    const control = chain([node('out', 'Identity', ['relu']), node('after', 'NoOp', ['^bias'])]);
    expect(fuseDepthwise(control)).toMatchObject({ fused: 1, withRelu6: 0 });
    expect(fuseDepthwise(control).nodes.map((n) => n.name)).toContain('bias');
    const indexed = chain([node('out', 'Identity', ['relu']), node('other', 'Identity', ['dw:0'])]);
    expect(fuseDepthwise(indexed).fused).toBe(0);
  });
});
