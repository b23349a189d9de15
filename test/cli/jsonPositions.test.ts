import fc from 'fast-check';
import { getNodeValue, parseTree, type Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { locatePath } from '../../src/cli/jsonPositions';
import { lineColumnOf } from '../../src/cli/lineColumn';

const treeOf = (text: string): Node => {
  const tree = parseTree(text);
  if (tree === undefined) throw new Error('no tree');
  return tree;
};

const at = (text: string, path: string): { value: unknown; exact: boolean; key: unknown } => {
  const target = locatePath(treeOf(text), path);
  return { value: getNodeValue(target.node), exact: target.exact, key: target.key?.value };
};

/** Every dotted path into a value, with the value there. */
const pathsOf = (value: unknown, path = ''): [string, unknown][] => {
  const join = (key: string): string => (path === '' ? key : `${path}.${key}`);
  const own: [string, unknown][] = [[path, value]];
  if (Array.isArray(value)) return own.concat(value.flatMap((item, index) => pathsOf(item, join(String(index)))));
  if (typeof value === 'object' && value !== null) return own.concat(Object.entries(value).flatMap(([key, item]) => pathsOf(item, join(key))));
  return own;
};

// Keys without dots (a dotted key makes a path ambiguous: tested on its own below), never empty.
const key = fc.stringMatching(/^[a-z0-9_$中-]{1,4}$/);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4 }),
  ),
}));

describe('locatePath', () => {
  it('finds the value at every path of any JSON text, however it is laid out', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        for (const [path, expected] of pathsOf(value)) {
          expect(at(text, path)).toMatchObject({ value: expected, exact: true });
        }
      }),
    );
  });

  it('falls back to the deepest ancestor in the text', () => {
    const text = '{ "sections": [ { "id": "a", "fields": [] } ] }';
    expect(at(text, 'sections.0.title')).toEqual({ value: { id: 'a', fields: [] }, exact: false, key: undefined });
    expect(at(text, 'sections.0.fields.3.type')).toEqual({ value: [], exact: false, key: 'fields' });
    expect(at(text, 'sections.x')).toEqual({ value: [{ id: 'a', fields: [] }], exact: false, key: 'sections' });
  });

  it('reads keys with dots in them, whichever way the path groups', () => {
    const text = '{ "a.b": { "c": 1 }, "a": { "x": 2, "b": { "d": 3 } } }';
    expect(at(text, 'a.b.c')).toEqual({ value: 1, exact: true, key: 'c' });
    expect(at(text, 'a.b.d')).toEqual({ value: 3, exact: true, key: 'd' });
    expect(at(text, 'a.x')).toEqual({ value: 2, exact: true, key: 'x' });
    expect(at(text, 'a.b')).toMatchObject({ exact: true });
  });

  it('of a key given twice, follows the last one, as JSON.parse keeps it', () => {
    const text = '{ "k": { "v": 1 }, "k": { "w": 2 } }';
    expect(at(text, 'k.w')).toEqual({ value: 2, exact: true, key: 'w' });
    expect(at(text, 'k.v')).toEqual({ value: { w: 2 }, exact: false, key: 'k' });
  });
});

describe('lineColumnOf', () => {
  it('counts lines at \\n, \\r\\n and \\r, and columns in UTF-16 units from 1', () => {
    const piece = fc.constantFrom('a', '中', '😀', ' ', '\n', '\r', '\r\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const position = lineColumnOf(text);
        for (let offset = 0; offset <= text.length; offset++) {
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF: nobody points there
          const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
          expect(position(offset)).toEqual({ line: lines.length, column: (lines[lines.length - 1] as string).length + 1 });
        }
      }),
    );
  });
});
