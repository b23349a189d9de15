/** An absolute http(s) URL with a host: `javascript:` and other schemes never pass. */
export const isHttpUrl = (value: string): boolean => {
  if (typeof value !== 'string' || value.length > 2048 || !/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).hostname !== '';
  } catch {
    return false;
  }
};
