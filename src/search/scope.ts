import type { OutOfScopeKind } from '../corpus/out-of-scope.js';

/** Tells which kind of question, if any, the statement never answers (see corpus/out-of-scope.yaml). */
export type ScopeCheck = (normalized: string) => string | undefined;

/** Compiles the reviewed kinds once; the check runs on the normalised question. */
export function compileScope(kinds: readonly OutOfScopeKind[]): ScopeCheck {
  const compiled = kinds.map((k) => ({ kind: k.kind, patterns: k.patterns.map((p) => new RegExp(p, 'u')) }));
  return (normalized) => compiled.find((k) => k.patterns.some((p) => p.test(normalized)))?.kind;
}
