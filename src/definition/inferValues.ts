import type { FormValues } from '../core/values';
import type { BOOLEAN_OPERATORS, LIST_OPERATORS, NUMERIC_OPERATORS, TEXT_OPERATORS } from '../fields/computed';
import type { FileValue } from '../fields/file';

/**
 * The values type of a definition written in TypeScript `as const` (best `as const satisfies
 * FormDefinition`), as zod's `z.infer` is of a schema; `compileForm` applies it. It is the type
 * `formloom types` writes for the same definition, rule for rule (a test compiles both for every
 * example and holds them equal): the generator reads the compiled form, this reads the literal type.
 *
 * A definition whose field ids are not literal types (a `FormDefinition` variable, a JSON import)
 * gives `FormValues`: nothing is known, so nothing is claimed.
 */
export type InferValues<D> = [Placed<D>] extends [never] ? FormValues : string extends IdOf<Placed<D>> ? FormValues : ValuesOf<Placed<D>, D>;

/** `YYYY-MM-DD` as far as a type can say: a plain string is refused, a real date always fits. */
export type DateText = `${number}-${number}-${number}`;
/** `YYYY-MM`. */
export type MonthText = `${number}-${number}`;
/** ISO 8601 date and time, with `T` or a space. */
export type DatetimeText = `${number}-${number}-${number}T${string}` | `${number}-${number}-${number} ${string}`;

// A field with what decides its key: whether its section has a condition. Row fields are never in one.
interface Placement<F, Hidden extends boolean> {
  readonly field: F;
  readonly sectionHidden: Hidden;
}

type Sections<D> = D extends { readonly sections: readonly (infer S)[] } ? S : never;
type FieldsOf<S> = S extends { readonly fields: readonly (infer F)[] } ? F : never;
type Place<F, Hidden extends boolean> = F extends object ? Placement<F, Hidden> : never;
type Placed<D> = Sections<D> extends infer S ? (S extends object ? Place<FieldsOf<S>, 'visibleIf' extends keyof S ? true : false> : never) : never;
type RowsPlaced<G> = Place<FieldsOf<G>, false>;
type IdOf<P> = P extends Placement<infer F, boolean> ? (F extends { readonly id: infer I extends string } ? I : never) : never;

// One object type, not an intersection: hovers show it whole (the `infer` makes TypeScript resolve it
// rather than print `Flatten<…>`), and it has an implicit index signature, so it satisfies
// `FormValues` as CompiledForm's type parameter requires.
type Flatten<T> = T extends infer O ? { [K in keyof O]: O[K] } : never;
type ValuesOf<P, D> = Flatten<
  { -readonly [X in P as IsRequired<X> extends true ? IdOf<X> : never]: ValueOf<FieldOf<X>, D> } &
  { -readonly [X in P as IsRequired<X> extends true ? never : IdOf<X>]?: ValueOf<FieldOf<X>, D> }
>;
type FieldOf<P> = P extends Placement<infer F, boolean> ? F : never;

/**
 * A key is required only when every valid answer set has it: `required: true` (or `minItems` of 1 or
 * more without `required`), no condition on the field or its section, no role restriction, and an
 * answer a person gives (not computed, not an auto id, not filled by the system).
 */
type IsRequired<P> = P extends Placement<infer F, infer Hidden>
  ? Hidden extends true ? false
    : F extends { readonly type: 'computed' | 'autoId' } ? false
      : 'visibleIf' extends keyof F ? false
        : 'auto' extends keyof F ? false
          : F extends { readonly access: infer A } ? ('read' extends keyof A ? false : 'write' extends keyof A ? false : RequiredFlag<F>)
            : RequiredFlag<F>
  : false;
type RequiredFlag<F> = 'required' extends keyof F
  ? F extends { readonly required: true } ? true : false
  : F extends { readonly minItems: infer M extends number } ? (number extends M ? false : M extends 0 ? false : true) : false;

type ValueOf<F, D> =
  F extends { readonly type: 'text' | 'textarea' | 'autoId' } ? string
  : F extends { readonly type: 'number' } ? number
  : F extends { readonly type: 'boolean' } ? boolean
  : F extends { readonly type: 'select' | 'radio' } ? ChoiceOf<F, D>
  : F extends { readonly type: 'multiselect' } ? ReadonlyArray<ChoiceOf<F, D>>
  : F extends { readonly type: 'date' } ? DateText
  : F extends { readonly type: 'month' } ? MonthText
  : F extends { readonly type: 'datetime' } ? DatetimeText
  : F extends { readonly type: 'rating' } ? Stars<F extends { readonly max: infer M extends number } ? M : 5>
  : F extends { readonly type: 'cascader' } ? CascaderPath<ListOf<F, D>, F extends { readonly levels: infer L extends number } ? L : never>
  : F extends { readonly type: 'file' } ? ReadonlyArray<FileValue>
  : F extends { readonly type: 'group' } ? ReadonlyArray<ValuesOf<RowsPlaced<F>, D>>
  : F extends { readonly type: 'computed'; readonly expression: infer E } ? ComputedOf<E>
  : unknown;

// Options: a field's own `options` win over `optionsRef`, as when the form is compiled.
type ListOf<H, D> = H extends { readonly options: infer O extends readonly unknown[] } ? O
  : H extends { readonly optionsRef: infer R extends string } ? (D extends { readonly optionSets: infer S } ? (R extends keyof S ? S[R] : never) : never)
  : never;
type ChildrenOf<N> = N extends { readonly children: infer C extends readonly unknown[] } ? (C extends readonly [] ? never : C) : never;
type ValueOfOption<N> = N extends { readonly value: infer V extends string | number } ? V : never;
/** Leaves only: a parent of hierarchical options is a heading, not a choice. */
type Leaves<O> = O extends readonly (infer N)[] ? (N extends unknown ? ([ChildrenOf<N>] extends [never] ? ValueOfOption<N> : Leaves<ChildrenOf<N>>) : never) : never;
type CaseOf<F> = F extends { readonly optionsIf: readonly (infer C)[] } ? C : never;
type CaseValues<C, D> = C extends unknown ? Leaves<ListOf<C, D>> : never;
/** Any value any case offers; `string | number` when no list is known. */
type ChoiceOf<F, D> = OrAnyOption<Leaves<ListOf<F, D>> | CaseValues<CaseOf<F>, D>>;
type OrAnyOption<U> = [U] extends [never] ? string | number : U;

/** 1 | 2 | … | max (the schema keeps max in 2..10; the count stops at 10 whatever it says). */
type Stars<M extends number, Count extends readonly 1[] = [1], Out = 1> = number extends M ? number
  : Count['length'] extends M | 10 ? Out
    : Stars<M, [...Count, 1], Out | [...Count, 1]['length']>;

/** Root-to-leaf paths, or paths exactly `levels` deep (L is never without levels). */
type CascaderPath<O, L> = number extends L ? ReadonlyArray<string | number> : OrAnyPath<Paths<O, L, [1]>>;
type OrAnyPath<P> = [P] extends [never] ? ReadonlyArray<string | number> : P;
type Paths<O, L, Depth extends readonly 1[]> = O extends readonly (infer N)[]
  ? N extends unknown
    ? Depth['length'] extends L ? readonly [ValueOfOption<N>]
      : [ChildrenOf<N>] extends [never] ? readonly [ValueOfOption<N>]
        : readonly [ValueOfOption<N>, ...Paths<ChildrenOf<N>, L, [...Depth, 1]>]
    : never
  : never;

type NumericOperator = (typeof NUMERIC_OPERATORS)[number];
type TextOperator = (typeof TEXT_OPERATORS)[number];
type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];
type ListOperator = (typeof LIST_OPERATORS)[number];
type IsSingle<K, All = K> = [K] extends [never] ? false : K extends unknown ? ([All] extends [K] ? true : false) : never;
type OperatorResult<K> = K extends NumericOperator ? number
  : K extends TextOperator ? string
    : K extends BooleanOperator ? boolean
      : K extends ListOperator ? ReadonlyArray<unknown>
        : unknown;
/** What a computed field holds, by the expression's top operator; null computes nothing. */
type ComputedOf<E> = E extends null ? never
  : E extends string ? string
    : E extends number ? number
      : E extends boolean ? boolean
        : E extends readonly unknown[] ? ReadonlyArray<unknown>
          : E extends object ? (IsSingle<keyof E> extends true ? OperatorResult<keyof E> : unknown)
            : unknown;
