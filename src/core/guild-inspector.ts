// What the Discord runtime knows about the servers the bot is in, as a port the commands use.

/** Whether the bot can post in a channel: what Discord would refuse, checked before saving settings. */
export type ChannelCheck =
  | { status: 'ok' }
  | { status: 'missing-permissions'; missing: ChannelPermission[] }
  | { status: 'unknown-channel' }
  | { status: 'not-text' };

/** The permissions the bot needs in a channel it posts in. */
export type ChannelPermission = 'view-channel' | 'send-messages' | 'embed-links';

export interface GuildInspector {
  checkPostingChannel(guildId: string, channelId: string): ChannelCheck;
}
