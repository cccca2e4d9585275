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

const envSchema = z
  .object({
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
  })
  .superRefine((env, ctx) => {
    const need = (variable: string, why: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message: why });
    if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN)
      need('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET is set');
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET)
      need('SLACK_SIGNING_SECRET', 'is required when SLACK_BOT_TOKEN is set');
    if (env.MicrosoftAppId) {
      if (!env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
        need('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
      }
      if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
        need('MicrosoftAppTenantId', 'is required for a SingleTenant bot');
      }
    }
    if (env.TEAMS_ALLOW_UNAUTHENTICATED && env.NODE_ENV === 'production') {
      need(
        'TEAMS_ALLOW_UNAUTHENTICATED',
        'is refused when NODE_ENV=production: Teams requests must be authenticated; set MicrosoftAppId (with MicrosoftAppPassword and MicrosoftAppTenantId) instead',
      );
    }
    const slack = Boolean(env.SLACK_SIGNING_SECRET || env.SLACK_BOT_TOKEN);
    const teams = Boolean(env.MicrosoftAppId || env.TEAMS_ALLOW_UNAUTHENTICATED);
    if (!slack && !teams) {
      need(
        'SLACK_SIGNING_SECRET',
        'no front end is configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN for Slack, and/or MicrosoftAppId for Teams (see .env.example)',
      );
    }
  });

type Env = z.infer<typeof envSchema>;

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
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): ConfigProblem => {
      const variable = String(issue.path[0] ?? 'environment');
      const problem = issue.code === 'custom' ? issue.message : `is invalid (${issue.message})`;
      return { variable, problem, fix: FIXES[variable] ?? 'See .env.example.' };
    });
    throw new ConfigError(problems);
  }
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
