/**
 * Fake Discord for end-to-end tests. Typical use:
 *
 *   const server = new FakeDiscordServer({ guilds: [{ name: 'Test', channels: [{ name: 'general' }] }] });
 *   await server.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBaseUrl } });
 *   await client.login('any-token'); // then await Events.ClientReady
 *   const sent = server.sendInteraction(server.chatInputInteraction({ commandName: 'ping' }));
 *   expect((await sent.callback()).data?.content).toBe('pong');
 *   await client.destroy(); await server.stop();
 */
export { FakeDiscordServer } from './server.js';
export type {
  FakeDiscordServerOptions,
  InteractionPlace,
  RecordedAttachment,
  RecordedRequest,
  RouteOverride,
  SentInteraction,
} from './server.js';
export type { InteractionCallbackBody, TrackedInteraction } from './discord-state.js';
export type { GatewayFrame } from './gateway.js';
export {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  modalSubmitInteraction,
  stringSelectInteraction,
} from './interaction-payloads.js';
export type {
  AutocompleteSpec,
  ButtonSpec,
  ChatInputSpec,
  InteractionOrigin,
  ModalSubmitSpec,
  OptionInput,
  OptionsInput,
  RawInteraction,
  StringSelectSpec,
} from './interaction-payloads.js';
export {
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  buildMessage,
  buildUser,
  guildCreatePayload,
  resolveGuild,
} from './payloads.js';
export type { ChannelSpec, FakeGuild, GuildChannelPayload, GuildSpec, MessageSpec, RoleSpec, UserSpec } from './payloads.js';
export { nextSnowflake, snowflakeTimestamp } from './snowflake.js';
export {
  checkAttachmentReferences,
  checkUnspecifiedLimits,
  specAvailable,
  specPath,
  specSkipNote,
  validateCreateMessage,
  validateInteractionCallback,
  validateSchema,
  validateWebhookEdit,
  validateWebhookExecute,
} from './openapi-check.js';
export { DEFAULT_UPLOAD_LIMIT_BYTES, imageSize, parseMultipart } from './multipart.js';
export type { MultipartBody, UploadedFile } from './multipart.js';
