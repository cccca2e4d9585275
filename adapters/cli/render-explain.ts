import type { Explanation } from '../../src/explain.js';

const SHOWN = 5;

/** The explanation of a question as text for the people who keep the corpus (`--explain`). */
export function renderExplanation(e: Explanation): string {
  const lines = [`question: ${e.query}`, `read as:  ${e.read}`];
  if (e.intent) lines.push(`intent:   ${e.intent} (answered by it; nothing else is searched)`);
  if (e.scope) lines.push(`scope:    ${e.scope} (corpus/out-of-scope.yaml): not addressed`);
  const { names, cues, bridges } = e.subject;
  lines.push(
    `subject:  ${names} name(s), ${cues} cue(s) (corpus/domain.yaml): everyday words ${bridges ? 'bridge to the statement' : 'do not count'}`,
  );
  lines.push('concepts (forms: source, weight; ~ a bridge of an everyday word):');
  for (const c of e.concepts) {
    const forms = c.forms.map((f) => `${f.text} [${f.source} ${f.weight}${f.bridge ? ' ~' : ''}]`).join(', ');
    lines.push(`  ${c.label}${c.meta ? ' (meta)' : ''}  specificity ${c.specificity}: ${forms}`);
  }
  if (e.candidates.length === 0 && !e.intent && !e.scope)
    lines.push('candidates: none (no word of it is in the statement)');
  for (const c of e.candidates.slice(0, SHOWN)) {
    lines.push(
      `candidate ${c.id}  score ${c.score}  probability ${c.probability} ${c.answers ? '>=' : '<'} ${e.threshold}: ${c.answers ? 'answers' : 'does not answer'}`,
    );
    lines.push(`  found: ${c.found.map((f) => `${f.label} in ${f.in}`).join(', ')}`);
    lines.push(
      `  features: ${Object.entries(c.features)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  if (e.candidates.length > SHOWN)
    lines.push(`(${e.candidates.length - SHOWN} more candidates: --json lists them all)`);
  return `${lines.join('\n')}\n`;
}
