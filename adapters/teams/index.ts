export { type RenderCardOptions, renderCard } from './card.js';
export type { AdaptiveCard } from './card-types.js';
export {
  createTeamsHandler,
  TEAMS_MESSAGES_PATH,
  type TeamsHandler,
  type TeamsHandlerOptions,
} from './handler.js';
export { renderPlainText } from './plain-text.js';
export { renderSearchResults, SEARCH_COMMAND_ID } from './search-extension.js';
