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

const SLACK_APP_SETTINGS = 'https://api.slack.com/apps → your app';
/** Microsoft's Bot Framework connector hosts; replies may only go to these unless configured otherwise. */
export const DEFAULT_TEAMS_SERVICE_URLS = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://api.botframework.com/',
  'https://api.botframework.azure.us/',
];

// Where each variable's right value is found, shown with every problem about it.
const FIXES: Record<string, string> = {
  PORT: 'Set a TCP port number between 1 and 65535, e.g. PORT=3000.',
  SLACK_SIGNING_SECRET: `Copy it from ${SLACK_APP_SETTINGS} → Basic Information → App Credentials → Signing Secret.`,
  SLACK_BOT_TOKEN: `Copy the xoxb- token from ${SLACK_APP_SETTINGS} → OAuth & Permissions → Bot User OAuth Token.`,
  SLACK_APP_TOKEN: `Create an xapp- token with connections:write in ${SLACK_APP_SETTINGS} → Basic Information → App-Level Tokens, or unset it to use HTTP.`,
  SLACK_API_URL: 'Give the Web API base URL ending in /, e.g. https://slack.com/api/ (or unset it).',
  MicrosoftAppId: 'Copy the Microsoft App ID from Azure portal → your Azure Bot → Configuration.',
  MicrosoftAppPassword:
    'Create a client secret in Azure portal → App registrations → your bot → Certificates & secrets.',
  MicrosoftAppType:
    'Use SingleTenant (recommended), MultiTenant or UserAssignedMSI, as shown in Azure portal → your Azure Bot → Configuration.',
  MicrosoftAppTenantId:
    'Copy the Directory (tenant) ID from Azure portal → App registrations → your bot → Overview.',
  TEAMS_ALLOW_UNAUTHENTICATED:
    'Use true only for local development with the Bot Framework Emulator; in production set MicrosoftAppId.',
  TEAMS_ALLOWED_SERVICE_URLS:
    'List https URL prefixes separated by commas, e.g. https://smba.trafficmanager.net/.',
  TEAMS_ALLOWED_TENANTS:
    'List Microsoft Entra tenant IDs separated by commas, or unset it to allow any tenant.',
  LOG_LEVEL: 'Use one of fatal, error, warn, info, debug, trace, silent.',
  LOG_QUERIES: 'Use none (default), unanswered or all.',
  SHUTDOWN_DELAY_MS: 'Give milliseconds to keep answering after SIGTERM, e.g. 5000.',
  NODE_ENV: 'Use production, development or test.',
  CORPUS_DIR: 'Point it at a folder of reviewed corpus files, or unset it to use the bundled corpus/.',
};

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const urlList = (fallback: readonly string[]) =>
  z
    .string()
    .optional()
    .transform((v) =>
      v && v.trim() !== ''
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [...fallback],
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })));

// Each variable's own rule. Checked one by one (not as one object), so that a bad value in one
// variable never hides a problem in another, nor the rules that relate several variables.
const fields = {
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
  SLACK_API_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/ })
      .endsWith('/', 'must end with /')
      .optional(),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalText,
  TEAMS_ALLOW_UNAUTHENTICATED: flag,
  TEAMS_ALLOWED_SERVICE_URLS: urlList(DEFAULT_TEAMS_SERVICE_URLS),
  TEAMS_ALLOWED_TENANTS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_QUERIES: z.enum(['none', 'unanswered', 'all']).default('none'),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(5000),
  CORPUS_DIR: optionalText,
};

const envSchema = z.object(fields);

/** Every variable the server reads; `.env.example` documents each one (a test holds it to that). */
export const CONFIG_VARIABLES = Object.keys(fields) as readonly (keyof typeof fields)[];

// Never repeated back in a problem: these hold credentials.
const SECRET_VARIABLES = new Set([
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
]);

/** A variable as written, trimmed; undefined when unset or blank. */
const given = (env: Record<string, string | undefined>, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/**
 * The rules between variables (a Slack bot token needs its signing secret, and so on), read from
 * the raw values so that they are checked even when some value is malformed; a variable that
 * already has a problem of its own is not reported twice.
 */
function crossProblems(
  env: Record<string, string | undefined>,
  valid: (name: string) => boolean,
): { variable: string; problem: string }[] {
  const out: { variable: string; problem: string }[] = [];
  const need = (variable: string, problem: string) => out.push({ variable, problem });
  const has = (name: string) => given(env, name) !== undefined;
  const appType = given(env, 'MicrosoftAppType') ?? 'SingleTenant';
  const unauthenticated = ['true', '1'].includes(given(env, 'TEAMS_ALLOW_UNAUTHENTICATED') ?? '');
  if (has('SLACK_SIGNING_SECRET') && !has('SLACK_BOT_TOKEN'))
    need('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET is set');
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET'))
    need('SLACK_SIGNING_SECRET', 'is required when SLACK_BOT_TOKEN is set');
  if (has('MicrosoftAppId')) {
    if (!has('MicrosoftAppPassword') && appType !== 'UserAssignedMSI') {
      need('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
    }
    if (appType === 'SingleTenant' && !has('MicrosoftAppTenantId')) {
      need('MicrosoftAppTenantId', 'is required for a SingleTenant bot');
    }
  }
  if (unauthenticated && given(env, 'NODE_ENV') === 'production') {
    need(
      'TEAMS_ALLOW_UNAUTHENTICATED',
      'is refused when NODE_ENV=production: Teams requests must be authenticated; set MicrosoftAppId (with MicrosoftAppPassword and MicrosoftAppTenantId) instead',
    );
  }
  const slack = has('SLACK_SIGNING_SECRET') || has('SLACK_BOT_TOKEN');
  const teams = has('MicrosoftAppId') || has('TEAMS_ALLOW_UNAUTHENTICATED');
  if (!slack && !teams) {
    need(
      'SLACK_SIGNING_SECRET',
      'no front end is configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN for Slack, and/or MicrosoftAppId for Teams (see .env.example)',
    );
  }
  return out.filter((p) => valid(p.variable));
}

type Env = z.infer<typeof envSchema>;

const fixFor = (variable: string): string => FIXES[variable] ?? 'See .env.example.';

/** The validated configuration of the server and every front end. */
export interface Config {
  readonly nodeEnv: Env['NODE_ENV'];
  readonly port: number;
  readonly slack?: {
    readonly signingSecret: string;
    readonly botToken: string;
    readonly appToken?: string;
    readonly apiUrl?: string;
  };
  readonly teams?: {
    /** Absent when TEAMS_ALLOW_UNAUTHENTICATED is on (local development only). */
    readonly auth?: {
      readonly appId: string;
      readonly appPassword?: string;
      readonly appType: Env['MicrosoftAppType'];
      readonly tenantId?: string;
    };
    readonly allowedServiceUrls: readonly string[];
    readonly allowedTenants: readonly string[];
  };
  readonly log: { readonly level: Env['LOG_LEVEL']; readonly queries: Env['LOG_QUERIES'] };
  readonly shutdownDelayMs: number;
  readonly corpusDir?: string;
}

/**
 * Validates the environment. Throws {@link ConfigError} listing every problem (variable, what is
 * wrong, where to find the right value); never echoes a secret's value.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: ConfigProblem[] = [];
  for (const name of CONFIG_VARIABLES) {
    const result = fields[name].safeParse(env[name]);
    if (result.success) continue;
    const value = env[name];
    const shown = SECRET_VARIABLES.has(name) || value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
    for (const issue of result.error.issues) {
      problems.push({ variable: name, problem: `is invalid: ${issue.message}${shown}`, fix: fixFor(name) });
    }
  }
  const invalid = new Set(problems.map((p) => p.variable));
  for (const p of crossProblems(env, (name) => !invalid.has(name)))
    problems.push({ ...p, fix: fixFor(p.variable) });
  if (problems.length > 0) throw new ConfigError(problems);
  const parsed = envSchema.safeParse(env);
  // Unreachable: every field passed on its own above. Kept so the types below are the parsed ones.
  if (!parsed.success)
    throw new ConfigError([
      { variable: 'environment', problem: parsed.error.message, fix: 'See .env.example.' },
    ]);
  const e = parsed.data;
  const slack =
    e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
      ? {
          signingSecret: e.SLACK_SIGNING_SECRET,
          botToken: e.SLACK_BOT_TOKEN,
          ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
          ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
        }
      : undefined;
  const teams =
    e.MicrosoftAppId || e.TEAMS_ALLOW_UNAUTHENTICATED
      ? {
          ...(e.MicrosoftAppId
            ? {
                auth: {
                  appId: e.MicrosoftAppId,
                  appType: e.MicrosoftAppType,
                  ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
                  ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
                },
              }
            : {}),
          allowedServiceUrls: e.TEAMS_ALLOWED_SERVICE_URLS,
          allowedTenants: e.TEAMS_ALLOWED_TENANTS,
        }
      : undefined;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    log: { level: e.LOG_LEVEL, queries: e.LOG_QUERIES },
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    ...(e.CORPUS_DIR ? { corpusDir: e.CORPUS_DIR } : {}),
  };
}
