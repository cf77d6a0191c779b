CREATE TABLE `trivia_answers` (
	`question_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`guild_id` text,
	`choice` integer NOT NULL,
	`correct` integer NOT NULL,
	`elapsed_ms` integer NOT NULL,
	`points` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `user_id`),
	FOREIGN KEY (`question_id`) REFERENCES `trivia_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trivia_answers_guild_time` ON `trivia_answers` (`guild_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `trivia_answers_user` ON `trivia_answers` (`user_id`);--> statement-breakpoint
CREATE TABLE `trivia_questions` (
	`id` integer PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_key` text NOT NULL,
	`question` text NOT NULL,
	`message_id` text,
	`opened_at` integer,
	`closes_at` integer,
	`revealed_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `trivia_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trivia_questions_round_position` ON `trivia_questions` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `trivia_rounds` (
	`id` integer PRIMARY KEY NOT NULL,
	`guild_id` text,
	`channel_id` text NOT NULL,
	`started_by` text NOT NULL,
	`status` text NOT NULL,
	`question_count` integer NOT NULL,
	`seconds_per_question` integer NOT NULL,
	`artist_id` integer,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trivia_rounds_one_active_per_channel` ON `trivia_rounds` (`channel_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `trivia_rounds_status` ON `trivia_rounds` (`status`);