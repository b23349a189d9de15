import type { Command } from './io';

// Placeholder while the command is written; replaced in full by its own change.
export const checkCommand: Command = {
  name: 'check',
  summary: 'not written yet',
  help: 'formloom check: not written yet\n',
  run: () => Promise.resolve(1),
};
