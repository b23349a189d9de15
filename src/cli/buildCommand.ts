import type { Command } from './io';

// Placeholder while the command is written; replaced in full by its own change.
export const buildCommand: Command = {
  name: 'build',
  summary: 'not written yet',
  help: 'formloom build: not written yet\n',
  run: () => Promise.resolve(1),
};
