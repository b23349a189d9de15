/**
 * Folds full-width ASCII forms (U+FF01–U+FF5E, as a Chinese input method types digits and letters)
 * and the ideographic space to their ASCII counterparts; everything else is left as it is.
 */
export const toHalfWidth = (value: string): string => {
  let result = '';
  let changed = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      result += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      result += ' ';
      changed = true;
    } else result += value[i];
  }
  return changed ? result : value;
};
