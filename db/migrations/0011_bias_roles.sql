CREATE TABLE `bias_role_links` (
	`guild_id` text NOT NULL,
	`artist_id` integer NOT NULL,
	`role_id` text NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `artist_id`),
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bias_role_links_role` ON `bias_role_links` (`guild_id`,`role_id`);--> statement-breakpoint
CREATE TABLE `bias_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`pick_limit` integer,
	`pings` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
