import type { FrontEnd } from '../server/front-end.js';
import { createTeamsHandler, TEAMS_MESSAGES_PATH, type TeamsHandlerOptions } from './handler.js';

/**
 * The Teams front end: botbuilder behind `POST /api/messages`. Nothing to start or stop: every
 * reply is sent within the request that asked for it, so the server's drain covers it.
 */
export function createTeamsFrontEnd(options: TeamsHandlerOptions): FrontEnd {
  const handler = createTeamsHandler(options);
  const authenticated = options.config.teams?.auth !== undefined;
  return {
    name: 'teams',
    routes: new Map([[`POST ${TEAMS_MESSAGES_PATH}`, handler]]),
    health: () => ({ authenticated }),
    // Without authentication anyone who reaches the port can talk to the bot: this machine only.
    loopbackOnly: !authenticated,
    start: async () => {},
    stop: async () => {},
  };
}
