CREATE TABLE `imports` (
	`id` integer PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`digest` text NOT NULL,
	`imported_at` integer NOT NULL,
	`imported_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imports_digest` ON `imports` (`digest`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`proposal` text NOT NULL,
	`natural_key` text NOT NULL,
	`creates` text NOT NULL,
	`suggester_id` text NOT NULL,
	`suggester_name` text NOT NULL,
	`guild_id` text,
	`created_at` integer NOT NULL,
	`status` text NOT NULL,
	`reviewer_id` text,
	`reviewed_at` integer,
	`rejection_reason` text,
	`nomination_id` integer,
	`milestone_id` integer,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "suggestions_status" CHECK("suggestions"."status" in ('waiting', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `suggestions_status_created` ON `suggestions` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `suggestions_suggester` ON `suggestions` (`suggester_id`,`status`);--> statement-breakpoint
CREATE INDEX `suggestions_natural_key` ON `suggestions` (`natural_key`);--> statement-breakpoint
DROP INDEX `editions_ceremony_year`;--> statement-breakpoint
ALTER TABLE `editions` ADD `episode` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `editions` ADD `edition_key` text GENERATED ALWAYS AS (case when episode = 1 then held_on else cast(year as text) end) VIRTUAL;--> statement-breakpoint
CREATE UNIQUE INDEX `editions_ceremony_edition_key` ON `editions` (`ceremony_id`,`edition_key`);--> statement-breakpoint
CREATE INDEX `editions_ceremony_year` ON `editions` (`ceremony_id`,`year`);--> statement-breakpoint
ALTER TABLE `artists` ADD `kpop_note` text;--> statement-breakpoint
ALTER TABLE `categories` ADD `grand_prize` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `ceremonies` ADD `kind` text DEFAULT 'award_show' NOT NULL;--> statement-breakpoint
ALTER TABLE `complete_nominee_lists` ADD `complete` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `complete_nominee_lists` ADD `note` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `attribution` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `as_of` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `exclusive` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `milestones` ADD `import_id` integer REFERENCES imports(id);--> statement-breakpoint
ALTER TABLE `milestones` ADD `suggestion_id` integer;--> statement-breakpoint
ALTER TABLE `milestones` ADD `seed_file` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `milestones` ADD `withdrawn_by` text;--> statement-breakpoint
ALTER TABLE `milestones` ADD `withdrawal_reason` text;--> statement-breakpoint
ALTER TABLE `nominations` ADD `import_id` integer REFERENCES imports(id);--> statement-breakpoint
ALTER TABLE `nominations` ADD `suggestion_id` integer;--> statement-breakpoint
ALTER TABLE `nominations` ADD `seed_file` text;--> statement-breakpoint
ALTER TABLE `nominations` ADD `withdrawn_at` integer;--> statement-breakpoint
ALTER TABLE `nominations` ADD `withdrawn_by` text;--> statement-breakpoint
ALTER TABLE `nominations` ADD `withdrawal_reason` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `url` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `read_on` text;--> statement-breakpoint
ALTER TABLE `works` ADD `note` text;--> statement-breakpoint
ALTER TABLE `works` ADD `note_source_id` integer REFERENCES sources(id);