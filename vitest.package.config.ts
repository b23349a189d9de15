import { defineConfig } from 'vitest/config';

// Runs after `npm run build`: imports the built package by its name, so the exports map is what is tested.
export default defineConfig({
  test: { include: ['test/package/**/*.test.ts'] },
});
