import type { MaskKind, PiiKind } from '../core/definitionTypes';

/** The mask for each kind of personal data: each pii kind has a mask of the same name. */
export const maskForPii = (pii: PiiKind | undefined, fallback: MaskKind): MaskKind => pii ?? fallback;
