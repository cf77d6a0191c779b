CREATE TABLE `daily_answers` (
	`guild_id` text NOT NULL,
	`local_date` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`choice` integer NOT NULL,
	`correct` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `local_date`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `daily_answers_user` ON `daily_answers` (`guild_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `daily_questions` (
	`guild_id` text NOT NULL,
	`local_date` text NOT NULL,
	`status` text NOT NULL,
	`channel_id` text NOT NULL,
	`nonce` text NOT NULL,
	`claimed_by` text NOT NULL,
	`claimed_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`late` integer NOT NULL,
	`question_key` text NOT NULL,
	`kind` text NOT NULL,
	`acts` text NOT NULL,
	`question` text NOT NULL,
	`message_id` text,
	`sent_at` integer,
	`revealed_at` integer,
	`error` text,
	PRIMARY KEY(`guild_id`, `local_date`)
);
--> statement-breakpoint
CREATE INDEX `daily_questions_status` ON `daily_questions` (`status`);--> statement-breakpoint
CREATE INDEX `daily_questions_key` ON `daily_questions` (`guild_id`,`question_key`);--> statement-breakpoint
CREATE TABLE `daily_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`channel_id` text NOT NULL,
	`post_time` text NOT NULL,
	`time_zone` text NOT NULL,
	`enabled` integer NOT NULL,
	`active_from` text NOT NULL,
	`next_check_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `daily_settings_next_check` ON `daily_settings` (`next_check_at`);