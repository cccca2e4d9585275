// A step cache, as BuildKit keeps a layer cache: a step whose inputs are those of an earlier run
// (the same command, after the same files were copied in; the caller hashes them into the key) is
// taken from that run's result instead of being run again. A changed lock file, source file or
// command is a new key, so the step runs for real. Used by test/deploy/dockerfile-recipe.test.ts
// (its npm ci and type-checked build, ~15 s each on a busy 2-core machine) and by the globalSetup
// that compiles the app for the child-process tests (test/helpers/build-app.ts).
import { createHash, type Hash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Outside the repository on purpose: an installed node_modules inside it would find the
 * repository's own (dev) dependencies as a fallback, hiding a missing production dependency.
 */
const CACHE = join(tmpdir(), 'jsev-test-step-cache');
/** Entries unused for this long are removed; a run in progress touches the ones it uses. */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;

/** Adds a file or folder (its relative paths and contents, in a fixed order) to `hash`. */
export function hashTree(hash: Hash, path: string, name = ''): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) hashTree(hash, join(path, entry), `${name}/${entry}`);
  } else {
    hash.update(`file ${name} ${stat.size}\n`).update(readFileSync(path));
  }
}

/** A new running key: what a stage has been given so far. */
export const newStepKey = (): Hash => createHash('sha256');

/**
 * Runs `step` in `dir` unless the cache holds the result of a step with the same key; either way
 * `dir` ends up as the step leaves it. A node_modules the step creates is kept in the cache and
 * linked from `dir` (it is read, never written, by what follows); other files are copied.
 */
export async function cachedStep(key: string, dir: string, step: () => Promise<void>): Promise<void> {
  prune();
  const entry = join(CACHE, key);
  if (existsSync(entry)) {
    const now = new Date();
    utimesSync(entry, now, now);
    restore(entry, dir);
    return;
  }
  await step();
  save(dir, entry);
}

function restore(entry: string, dir: string): void {
  for (const name of readdirSync(entry)) {
    const target = join(dir, name);
    rmSync(target, { recursive: true, force: true });
    if (name === 'node_modules') symlinkSync(join(entry, name), target, 'dir');
    else cpSync(join(entry, name), target, { recursive: true });
  }
}

/** Stores what the step left in `dir`, then links node_modules back (moved, not copied: it is big). */
function save(dir: string, entry: string): void {
  const partial = `${entry}.${process.pid}.partial`;
  mkdirSync(partial, { recursive: true });
  const moved: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (lstatSync(path).isSymbolicLink()) continue;
    if (name === 'node_modules') {
      renameSync(path, join(partial, name));
      moved.push(name);
    } else {
      cpSync(path, join(partial, name), { recursive: true });
    }
  }
  let stored = entry;
  try {
    renameSync(partial, entry);
  } catch {
    // Another run stored the same step first: this copy is just as good, and stays where it is.
    stored = partial;
  }
  for (const name of moved) symlinkSync(join(stored, name), join(dir, name), 'dir');
}

function prune(): void {
  if (!existsSync(CACHE)) return;
  for (const name of readdirSync(CACHE)) {
    const path = join(CACHE, name);
    if (Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { recursive: true, force: true });
  }
}
