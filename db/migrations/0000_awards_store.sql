CREATE TABLE `artist_aliases` (
	`artist_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`artist_id`, `normalized`),
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `artist_aliases_normalized` ON `artist_aliases` (`normalized`);--> statement-breakpoint
CREATE TABLE `artists` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`is_kpop` integer NOT NULL,
	CONSTRAINT "artists_kind" CHECK("artists"."kind" in ('group', 'soloist'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `artists_slug_unique` ON `artists` (`slug`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY NOT NULL,
	`ceremony_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`ceremony_id`) REFERENCES `ceremonies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_ceremony_slug` ON `categories` (`ceremony_id`,`slug`);--> statement-breakpoint
CREATE TABLE `ceremonies` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ceremonies_slug_unique` ON `ceremonies` (`slug`);--> statement-breakpoint
CREATE TABLE `ceremony_aliases` (
	`ceremony_id` integer NOT NULL,
	`alias` text NOT NULL,
	`normalized` text NOT NULL,
	PRIMARY KEY(`ceremony_id`, `normalized`),
	FOREIGN KEY (`ceremony_id`) REFERENCES `ceremonies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `complete_nominee_lists` (
	`edition_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`edition_id`, `category_id`),
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `editions` (
	`id` integer PRIMARY KEY NOT NULL,
	`ceremony_id` integer NOT NULL,
	`year` integer NOT NULL,
	`held_on` text,
	`venue` text,
	`city` text,
	`time_zone` text,
	`notes` text,
	`source_id` integer,
	`held_on_month_day` text GENERATED ALWAYS AS (substr(held_on, 6, 5)) VIRTUAL,
	FOREIGN KEY (`ceremony_id`) REFERENCES `ceremonies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `editions_ceremony_year` ON `editions` (`ceremony_id`,`year`);--> statement-breakpoint
CREATE INDEX `editions_held_on_month_day` ON `editions` (`held_on_month_day`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`group_id` integer NOT NULL,
	`member_id` integer NOT NULL,
	PRIMARY KEY(`group_id`, `member_id`),
	FOREIGN KEY (`group_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_member` ON `memberships` (`member_id`);--> statement-breakpoint
CREATE TABLE `milestone_artists` (
	`milestone_id` integer NOT NULL,
	`artist_id` integer NOT NULL,
	PRIMARY KEY(`milestone_id`, `artist_id`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestone_artists_artist` ON `milestone_artists` (`artist_id`);--> statement-breakpoint
CREATE TABLE `milestone_sources` (
	`milestone_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`milestone_id`, `source_id`),
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`statement` text NOT NULL,
	`occurred_on` text,
	`edition_id` integer,
	`nomination_id` integer,
	`work_id` integer,
	`note` text,
	`doubtful` integer DEFAULT false NOT NULL,
	`occurred_on_month_day` text GENERATED ALWAYS AS (case when length(occurred_on) = 10 then substr(occurred_on, 6, 5) end) VIRTUAL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`work_id`) REFERENCES `works`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `milestones_key_unique` ON `milestones` (`key`);--> statement-breakpoint
CREATE INDEX `milestones_occurred_on_month_day` ON `milestones` (`occurred_on_month_day`);--> statement-breakpoint
CREATE TABLE `nomination_artists` (
	`nomination_id` integer NOT NULL,
	`artist_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`nomination_id`, `artist_id`),
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `nomination_artists_artist` ON `nomination_artists` (`artist_id`);--> statement-breakpoint
CREATE TABLE `nomination_sources` (
	`nomination_id` integer NOT NULL,
	`source_id` integer NOT NULL,
	PRIMARY KEY(`nomination_id`, `source_id`),
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `nominations` (
	`id` integer PRIMARY KEY NOT NULL,
	`edition_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`work_id` integer,
	`nominee_key` text NOT NULL,
	`result` text NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`work_id`) REFERENCES `works`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "nominations_result" CHECK("nominations"."result" in ('won', 'nominated'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_natural_key` ON `nominations` (`edition_id`,`category_id`,`nominee_key`);--> statement-breakpoint
CREATE INDEX `nominations_category` ON `nominations` (`category_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`published_on` text NOT NULL,
	`headline` text NOT NULL,
	`outlet` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_identifier_unique` ON `sources` (`identifier`);--> statement-breakpoint
CREATE TABLE `store_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `work_credits` (
	`work_id` integer NOT NULL,
	`artist_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`work_id`, `artist_id`),
	FOREIGN KEY (`work_id`) REFERENCES `works`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`artist_id`) REFERENCES `artists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `work_credits_artist` ON `work_credits` (`artist_id`);--> statement-breakpoint
CREATE TABLE `works` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`released_on` text,
	`release_source_id` integer,
	FOREIGN KEY (`release_source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `works_slug_unique` ON `works` (`slug`);