// Where the child-process tests find the compiled app that test/helpers/build-app.ts builds once per run.
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder laid out like the image's /app: package.json, node_modules, corpus and the compiled dist/. */
    compiledApp: string;
  }
}

/** The absolute path of a compiled entry, e.g. `compiledEntry('adapters/main.js')`. */
export function compiledEntry(path: string): string {
  const app = inject('compiledApp');
  if (!app)
    throw new Error('no compiled app: run this file through vitest.config.ts (its globalSetup builds it)');
  return join(app, 'dist', path);
}
