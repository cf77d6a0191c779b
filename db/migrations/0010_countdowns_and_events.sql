CREATE TABLE `countdown_events` (
	`guild_id` text NOT NULL,
	`anniversary_key` text NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`event_id` text,
	`name` text NOT NULL,
	`starts_at` integer NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `anniversary_key`)
);
--> statement-breakpoint
CREATE TABLE `countdown_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`reminder_days` text NOT NULL,
	`events_enabled` integer NOT NULL,
	`updated_at` integer NOT NULL
);
