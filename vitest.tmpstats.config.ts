import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['stats-tmp.test.ts'] } });
