CREATE TABLE `server_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`locale` text,
	`updated_at` integer NOT NULL
);
