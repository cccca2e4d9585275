import { z } from 'zod';

/** One problem with the environment: the variable, what is wrong, and where to find the right value. */
export interface ConfigProblem {
  readonly variable: string;
  readonly problem: string;
  readonly fix: string;
}

/** Startup refused because of the environment; lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.problem}. ${p.fix}`).join('\n')}`,
    );
  }
}

/** A variable's value with surrounding blanks removed; blank means unset. */
export const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * `schema` over a variable whose blank value (`PORT=`, `NODE_ENV=  `) means "not set": the schema's
 * default applies, as if the line were absent. Without this `PORT=` is refused and a coerced number
 * such as `SHUTDOWN_DELAY_MS=` silently becomes 0.
 */
export function blankIsUnset<S extends z.ZodType>(schema: S) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema,
  );
}

/** A comma-separated list; blank or unset is empty. */
export const commaList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/** The variables the core itself reads (the server, logging, the corpus). */
const coreShape = {
  NODE_ENV: blankIsUnset(z.enum(['production', 'development', 'test']).default('development')),
  PORT: blankIsUnset(z.coerce.number().int().min(1).max(65535).default(3000)),
  HOST: optionalText,
  LOG_LEVEL: blankIsUnset(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  LOG_QUERIES: blankIsUnset(z.enum(['none', 'unanswered', 'all']).default('none')),
  SHUTDOWN_DELAY_MS: blankIsUnset(z.coerce.number().int().min(0).max(120_000).default(5000)),
  HTTP_HEADERS_TIMEOUT_MS: blankIsUnset(z.coerce.number().int().min(1000).max(120_000).default(5000)),
  HTTP_REQUEST_TIMEOUT_MS: blankIsUnset(z.coerce.number().int().min(1000).max(300_000).default(10_000)),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .refine((v) => /^rediss?:\/\/./.test(v), 'is not a Redis address')
      .optional(),
  ),
  CORPUS_DIR: optionalText,
};

const coreFixes: Record<keyof typeof coreShape, string> = {
  NODE_ENV: 'Use production, development or test.',
  PORT: 'Set a TCP port number between 1 and 65535, e.g. PORT=3000.',
  HOST: 'Give the address to listen on, e.g. HOST=0.0.0.0 (every interface) or HOST=127.0.0.1, or unset it.',
  LOG_LEVEL: 'Use one of fatal, error, warn, info, debug, trace, silent.',
  LOG_QUERIES: 'Use none (default), unanswered or all.',
  SHUTDOWN_DELAY_MS: 'Give milliseconds to keep answering after SIGTERM, e.g. 5000.',
  HTTP_HEADERS_TIMEOUT_MS:
    'Give the milliseconds (1000 to 120000) a client may take to send its request headers, e.g. 5000.',
  HTTP_REQUEST_TIMEOUT_MS:
    'Give the milliseconds (1000 to 300000) a client may take to send its whole request, e.g. 10000.',
  REDIS_URL:
    "Set redis://[:password@]host:port[/db] (rediss:// for TLS), e.g. redis://redis:6379, or unset it to de-duplicate in each replica's memory.",
  CORPUS_DIR: 'Point it at a folder of reviewed corpus files, or unset it to use the bundled corpus/.',
};

/** The core's parsed variables, which a front end's cross-variable rules may also read. */
type CoreValues = z.output<z.ZodObject<typeof coreShape>>;

/**
 * A front end's part of the configuration, kept next to its code: its variables (zod schemas over
 * the raw strings), where to find each right value, the rules between its variables, and the
 * section of the validated configuration it builds from them.
 */
export interface ConfigPart<K extends string, S extends z.ZodRawShape, T> {
  /** The key of its section in the validated configuration (the front end's name). */
  readonly key: K;
  /**
   * How an operator turns it on, for the "no front end" problem: the variable that does, and the
   * whole recipe, e.g. `{ variable: 'CHAT_APP_ID', how: 'CHAT_APP_ID for Chat' }`.
   */
  readonly enable: { readonly variable: keyof S & string; readonly how: string };
  readonly shape: S;
  /** Where each variable's right value is found, shown with every problem about it. */
  readonly fixes: { readonly [V in keyof S]: string };
  /** Variables holding credentials: their values are never repeated in a problem. */
  readonly secrets?: readonly (keyof S & string)[];
  /** Whether the variables that passed their own rule turn this front end on. */
  enabled(values: Partial<z.output<z.ZodObject<S>>>): boolean;
  /**
   * The rules between variables, over the parsed values of the variables that passed their own
   * rule (a malformed one is absent, so it is never reported twice).
   */
  rules?(
    values: Partial<z.output<z.ZodObject<S>> & CoreValues>,
    report: (variable: keyof S & string, problem: string) => void,
  ): void;
  /** Its section of the configuration, from fully valid values; only called when enabled. */
  build(values: z.output<z.ZodObject<S>>): T;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of parts of different shapes; each is typed where it is written.
type AnyPart = ConfigPart<string, any, any>;

/** The validated configuration the core needs: server, logging, corpus. */
export interface Config {
  readonly nodeEnv: CoreValues['NODE_ENV'];
  readonly port: number;
  /** The address to listen on; unset: every interface, or loopback when a front end asks for it. */
  readonly host?: string;
  /** Bounds on how long a client may take to send its request (headers, then the whole request). */
  readonly http: { readonly headersTimeoutMs: number; readonly requestTimeoutMs: number };
  /** REDIS_URL: where replicas share their de-duplication claims; unset, each replica's memory. */
  readonly redisUrl?: string;
  readonly log: { readonly level: CoreValues['LOG_LEVEL']; readonly queries: CoreValues['LOG_QUERIES'] };
  readonly shutdownDelayMs: number;
  readonly corpusDir?: string;
}

/** The core configuration with the section of each front end that is configured. */
export type ConfigWith<P extends readonly AnyPart[]> = Config & {
  readonly [X in P[number] as X['key']]?: ReturnType<X['build']>;
};

/** Every variable read by the core and the given front ends (`.env.example` documents each one). */
export function configVariables(parts: readonly AnyPart[]): string[] {
  return [...Object.keys(coreShape), ...parts.flatMap((p) => Object.keys(p.shape))];
}

const NO_FRONT_END = 'no front end is configured';

/** The one schema over every variable, with the rules between them checked in the same pass. */
function environmentSchema(parts: readonly AnyPart[]) {
  const shape: z.ZodRawShape = { ...coreShape };
  for (const part of parts) Object.assign(shape, part.shape);
  return z.object(shape).superRefine(
    (raw, ctx) => {
      const invalid = new Set(ctx.issues.map((issue) => String(issue.path?.[0])));
      // Only what passed its own rule: a malformed variable is reported once, by its own rule.
      const values = Object.fromEntries(Object.entries(raw).filter(([name]) => !invalid.has(name)));
      const report = (variable: string, problem: string) => {
        // A variable with a problem of its own is not reported again (say, as missing).
        if (!invalid.has(variable)) ctx.addIssue({ code: 'custom', path: [variable], message: problem });
      };
      for (const part of parts) part.rules?.(values, report);
      // A malformed front-end variable is a front end half-configured: its own problem says so.
      const touched = parts.some((p) => Object.keys(p.shape).some((name) => invalid.has(name)));
      if (parts.length > 0 && !touched && !parts.some((p) => p.enabled(values))) {
        const ways = parts.map((p) => p.enable.how).join(', and/or ');
        report(NO_FRONT_END, `set ${ways} (see .env.example)`);
      }
    },
    // Run even when a variable is malformed, so that its problems and these are listed together.
    { when: () => true },
  );
}

/** The problems of one zod issue, in the operator's terms; never a secret's value. */
function toProblem(
  issue: z.core.$ZodIssue,
  env: Record<string, string | undefined>,
  parts: readonly AnyPart[],
): ConfigProblem {
  const variable = String(issue.path?.[0] ?? 'environment');
  if (variable === NO_FRONT_END) {
    return {
      variable: parts.map((p) => p.enable.variable).join(' or '),
      problem: `${NO_FRONT_END}: ${issue.message}`,
      fix: parts.map((p) => p.fixes[p.enable.variable]).join(' '),
    };
  }
  const owner = parts.find((p) => variable in p.shape);
  const fix = (owner ? owner.fixes[variable] : coreFixes[variable as keyof typeof coreFixes]) as
    | string
    | undefined;
  if (issue.code === 'custom') return { variable, problem: issue.message, fix: fix ?? 'See .env.example.' };
  const value = env[variable];
  const secret = owner?.secrets?.includes(variable) ?? false;
  const shown = secret || value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  return { variable, problem: `is invalid: ${issue.message}${shown}`, fix: fix ?? 'See .env.example.' };
}

/**
 * Validates the environment in one pass over one schema: the core's variables and those of each
 * front end given, each variable's own rule and the rules between them. Throws {@link ConfigError}
 * listing every problem (variable, what is wrong, where to find the right value), including when no
 * front end is configured; never echoes a secret's value.
 */
export function loadConfig<const P extends readonly AnyPart[]>(
  env: Record<string, string | undefined>,
  parts: P,
): ConfigWith<P> {
  const parsed = environmentSchema(parts).safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => toProblem(i, env, parts)));
  const e = parsed.data as CoreValues & Record<string, unknown>;
  const sections = Object.fromEntries(
    parts.filter((p) => p.enabled(e)).map((p) => [p.key, p.build(e)] as const),
  );
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    ...(e.HOST ? { host: e.HOST } : {}),
    http: { headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS },
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    log: { level: e.LOG_LEVEL, queries: e.LOG_QUERIES },
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    ...(e.CORPUS_DIR ? { corpusDir: e.CORPUS_DIR } : {}),
    ...sections,
  } as ConfigWith<P>;
}

/**
 * Values that are valid but turn a safety off, for one warn line each at startup (the core's own;
 * `main.ts` adds those of the front ends).
 */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.shutdownDelayMs === 0) {
    warnings.push(
      'SHUTDOWN_DELAY_MS=0: the server stops listening at once on SIGTERM, so a load balancer may still send requests that are refused; use e.g. 5000',
    );
  }
  if (config.log.queries === 'all') {
    warnings.push("LOG_QUERIES=all: every member's question is written to the logs");
  }
  if (config.log.level === 'silent') warnings.push('LOG_LEVEL=silent: failures are not logged');
  return warnings;
}
