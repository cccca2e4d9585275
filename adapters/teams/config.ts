import { z } from 'zod';
import { blankIsUnset, type ConfigPart, commaList, optionalText } from '../../src/config.js';

/** Microsoft's Bot Framework connector hosts; replies may only go to these unless configured otherwise. */
const DEFAULT_TEAMS_SERVICE_URLS = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://api.botframework.com/',
  'https://api.botframework.azure.us/',
];

const shape = {
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: blankIsUnset(
    z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  ),
  MicrosoftAppTenantId: optionalText,
  TEAMS_ALLOW_UNAUTHENTICATED: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  TEAMS_ALLOWED_SERVICE_URLS: commaList
    .transform((urls) => (urls.length > 0 ? urls : [...DEFAULT_TEAMS_SERVICE_URLS]))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  TEAMS_ALLOWED_TENANTS: commaList,
};

type AppType = z.output<typeof shape.MicrosoftAppType>;

/** The Teams front end's validated settings. */
export interface TeamsConfig {
  /** Absent when TEAMS_ALLOW_UNAUTHENTICATED is on (local development only). */
  readonly auth?: {
    readonly appId: string;
    readonly appPassword?: string;
    readonly appType: AppType;
    readonly tenantId?: string;
  };
  readonly allowedServiceUrls: readonly string[];
  readonly allowedTenants: readonly string[];
}

/** Teams' part of the configuration: its variables, where to find them in Azure, and its rules. */
export const teamsConfig: ConfigPart<'teams', typeof shape, TeamsConfig> = {
  key: 'teams',
  enable: {
    variable: 'MicrosoftAppId',
    how: 'MicrosoftAppId for Teams (TEAMS_ALLOW_UNAUTHENTICATED=true only for local development)',
  },
  shape,
  fixes: {
    MicrosoftAppId: 'Copy the Microsoft App ID from Azure portal → your Azure Bot → Configuration.',
    MicrosoftAppPassword:
      'Create a client secret in Azure portal → App registrations → your bot → Certificates & secrets.',
    MicrosoftAppType:
      'Use SingleTenant (recommended), MultiTenant or UserAssignedMSI, as shown in Azure portal → your Azure Bot → Configuration.',
    MicrosoftAppTenantId:
      'Copy the Directory (tenant) ID from Azure portal → App registrations → your bot → Overview.',
    TEAMS_ALLOW_UNAUTHENTICATED:
      'Use true only for local development with the Microsoft 365 Agents Playground; in production set MicrosoftAppId.',
    TEAMS_ALLOWED_SERVICE_URLS:
      'List https URL prefixes separated by commas, e.g. https://smba.trafficmanager.net/.',
    TEAMS_ALLOWED_TENANTS:
      'List Microsoft Entra tenant IDs separated by commas, or unset it to allow any tenant.',
  },
  secrets: ['MicrosoftAppPassword'],
  enabled: (v) => v.MicrosoftAppId !== undefined || v.TEAMS_ALLOW_UNAUTHENTICATED === true,
  rules(v, report) {
    if (v.MicrosoftAppId) {
      if (!v.MicrosoftAppPassword && v.MicrosoftAppType !== 'UserAssignedMSI')
        report('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
      if (v.MicrosoftAppType === 'SingleTenant' && !v.MicrosoftAppTenantId)
        report('MicrosoftAppTenantId', 'is required for a SingleTenant bot');
    }
    if (v.TEAMS_ALLOW_UNAUTHENTICATED && v.NODE_ENV === 'production') {
      report(
        'TEAMS_ALLOW_UNAUTHENTICATED',
        'is refused when NODE_ENV=production: Teams requests must be authenticated; set MicrosoftAppId (with MicrosoftAppPassword and MicrosoftAppTenantId) instead',
      );
    }
  },
  build: (v) => ({
    ...(v.MicrosoftAppId
      ? {
          auth: {
            appId: v.MicrosoftAppId,
            appType: v.MicrosoftAppType,
            ...(v.MicrosoftAppPassword ? { appPassword: v.MicrosoftAppPassword } : {}),
            ...(v.MicrosoftAppTenantId ? { tenantId: v.MicrosoftAppTenantId } : {}),
          },
        }
      : {}),
    allowedServiceUrls: v.TEAMS_ALLOWED_SERVICE_URLS,
    allowedTenants: v.TEAMS_ALLOWED_TENANTS,
  }),
};
