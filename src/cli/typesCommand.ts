import type { Command } from './io';

// Placeholder while the command is written; replaced in full by its own change.
export const typesCommand: Command = {
  name: 'types',
  summary: 'not written yet',
  help: 'formloom types: not written yet\n',
  run: () => Promise.resolve(1),
};
