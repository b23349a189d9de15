import type { Command } from './io';

// Placeholder while the command is written; replaced in full by its own change.
export const exportCommand: Command = {
  name: 'export',
  summary: 'not written yet',
  help: 'formloom export: not written yet\n',
  run: () => Promise.resolve(1),
};
