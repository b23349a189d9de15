import type { FieldBase, OptionDefinition } from '../core/definitionTypes';
import type { Failure } from '../core/issues';
import { ref } from '../core/jsonSchema';
import { isEmptyList } from './emptiness';
import { defineKind, type OptionNode } from './fieldKind';
import { maskForPii } from './piiMask';
import { literalType } from './typeLiteral';
import { numberOrUndefined, typeFailure } from './valueHelpers';

export interface CascaderField extends FieldBase<'cascader'> {
  readonly options?: readonly OptionDefinition[];
  readonly optionsRef?: string;
  readonly levels?: number;
}

const NONE: readonly OptionNode[] = [];

/**
 * Every path `accept` takes, as tuple types: down to a leaf, or exactly `levels` deep. Written as
 * nested spreads (`readonly ["gd", ...(readonly ["sz"] | readonly ["gz"])]`), so the text grows with
 * the tree and not with the number of paths; TypeScript expands it to the same union.
 */
const pathUnion = (nodes: readonly OptionNode[], depth: number, levels: number | undefined): string =>
  nodes
    .map((node) => (depth === levels || node.children.length === 0
      ? `readonly [${literalType(node.value)}]`
      : `readonly [${literalType(node.value)}, ...(${pathUnion(node.children, depth + 1, levels)})]`))
    .join(' | ');

export const cascaderFieldKind = defineKind<CascaderField>(() => ({
  summary: 'A path through an option tree, root to leaf: ["gd", "sz", "ns"] for 广东 / 深圳 / 南山 (province/city/district).',
  properties: {
    options: ref('options', 'The tree: options with `children`.'),
    optionsRef: ref('name', 'The name of a tree in `optionSets`.'),
    levels: { type: 'integer', minimum: 1, maximum: 6, description: 'How deep the path must go (3 for province/city/district); without it, down to a leaf.' },
  },
  requiredProperties: [],
  example: ['gd', 'sz', 'ns'],
  valueKind: 'list',
  takesInput: true,
  hasOptions: true,
  checkDefinition: ({ def, options }, report) => {
    const depth = options?.base?.depth ?? 0;
    if (typeof def.levels === 'number' && options?.base !== undefined && def.levels > depth) {
      report('levels', 'schema', 'levels', { levels: def.levels, depth });
    }
  },
  values: ({ def, options }) => {
    const levels = numberOrUndefined(def.levels);
    const tree = options?.base?.tree ?? NONE;
    const wrongType = typeFailure('cascader');
    const notOffered: Failure = { code: 'option' };
    return {
      isEmpty: isEmptyList,
      accept: (raw, _scope, slot) => {
        if (!Array.isArray(raw)) return wrongType;
        const length = raw.length; // read once (a Proxy could answer differently)
        if (length > (levels ?? 16)) return notOffered;
        const path: (string | number)[] = [];
        let nodes = tree;
        for (let depth = 0; depth < length; depth++) {
          const step: unknown = raw[depth];
          if (typeof step !== 'string' && typeof step !== 'number') return wrongType;
          const node = nodes.find((candidate) => candidate.value === step);
          if (node === undefined) return notOffered;
          path.push(step);
          nodes = node.children;
        }
        const complete = nodes.length === 0 || (levels !== undefined && path.length >= levels);
        // The message depends on the field only: how deep it must go, never how deep this answer went.
        if (!complete) return { code: 'minItems', params: { min: levels ?? path.length + 1 } };
        slot.value = path;
        return undefined;
      },
    };
  },
  cellText: (value, { options, text }) => {
    if (!Array.isArray(value)) return '';
    // Walked by path: sibling values are unique, but the same value may recur under other parents.
    const labels: string[] = [];
    let nodes = options?.base?.tree ?? NONE;
    for (const step of value as readonly unknown[]) {
      const node = nodes.find((candidate) => candidate.value === step);
      labels.push(node === undefined ? String(step) : text(node.label));
      nodes = node?.children ?? NONE;
    }
    return labels.join('/');
  },
  tsType: ({ def, options }) => {
    const tree = options?.base?.tree ?? NONE;
    return tree.length === 0 ? 'ReadonlyArray<string | number>' : pathUnion(tree, 1, numberOrUndefined(def.levels));
  },
  defaultMask: (def) => maskForPii(def.pii, 'full'),
}));
