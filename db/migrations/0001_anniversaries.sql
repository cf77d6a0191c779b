CREATE TABLE `anniversary_follows` (
	`guild_id` text NOT NULL,
	`artist_id` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `artist_id`),
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `anniversary_posts` (
	`guild_id` text NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`channel_id` text NOT NULL,
	`nonce` text NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`late` integer NOT NULL,
	`message_id` text,
	`sent_at` integer,
	`error` text,
	PRIMARY KEY(`guild_id`, `local_date`)
);
--> statement-breakpoint
CREATE INDEX `anniversary_posts_status` ON `anniversary_posts` (`status`);--> statement-breakpoint
CREATE TABLE `anniversary_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`post_time` text NOT NULL,
	`time_zone` text NOT NULL,
	`enabled` integer NOT NULL,
	`active_from` text NOT NULL,
	`next_check_at` integer,
	`last_problem` text,
	`last_problem_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `anniversary_settings_next_check_at` ON `anniversary_settings` (`next_check_at`);