/**
 * Why a file operation failed, in words, from the error's code alone: Node's messages name the
 * path, which the caller already names the way the user typed it.
 */
export const fsReason = (error: unknown): string => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ENOSPC': return 'no space left on the device';
    case 'EROFS': return 'read-only file system';
    case 'EEXIST': return 'already exists';
    case 'not-a-file': return 'not a regular file';
    case 'too-large': return 'larger than 16 MB: not a form definition';
    case 'EPIPE': return 'the reading end of the pipe was closed';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files';
    default: return typeof code === 'string' ? code : 'failed';
  }
};
