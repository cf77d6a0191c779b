CREATE TABLE `facts_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `milestones_occurred_on_month_day`;--> statement-breakpoint
CREATE INDEX `milestones_live_on_month_day` ON `milestones` (`occurred_on_month_day`,`occurred_on`) WHERE "milestones"."withdrawn_at" is null;
--> statement-breakpoint
-- Written by hand: drizzle-kit does not describe triggers. Every table an answer is read from
-- raises the revision on any insert, update or delete.
INSERT INTO `facts_revision` (`id`, `revision`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `sources_raise_revision_on_insert` AFTER INSERT ON `sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `sources_raise_revision_on_update` AFTER UPDATE ON `sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `sources_raise_revision_on_delete` AFTER DELETE ON `sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `artists_raise_revision_on_insert` AFTER INSERT ON `artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `artists_raise_revision_on_update` AFTER UPDATE ON `artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `artists_raise_revision_on_delete` AFTER DELETE ON `artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `artist_aliases_raise_revision_on_insert` AFTER INSERT ON `artist_aliases` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `artist_aliases_raise_revision_on_update` AFTER UPDATE ON `artist_aliases` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `artist_aliases_raise_revision_on_delete` AFTER DELETE ON `artist_aliases` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `memberships_raise_revision_on_insert` AFTER INSERT ON `memberships` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `memberships_raise_revision_on_update` AFTER UPDATE ON `memberships` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `memberships_raise_revision_on_delete` AFTER DELETE ON `memberships` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `ceremonies_raise_revision_on_insert` AFTER INSERT ON `ceremonies` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `ceremonies_raise_revision_on_update` AFTER UPDATE ON `ceremonies` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `ceremonies_raise_revision_on_delete` AFTER DELETE ON `ceremonies` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `ceremony_aliases_raise_revision_on_insert` AFTER INSERT ON `ceremony_aliases` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `ceremony_aliases_raise_revision_on_update` AFTER UPDATE ON `ceremony_aliases` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `ceremony_aliases_raise_revision_on_delete` AFTER DELETE ON `ceremony_aliases` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `editions_raise_revision_on_insert` AFTER INSERT ON `editions` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `editions_raise_revision_on_update` AFTER UPDATE ON `editions` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `editions_raise_revision_on_delete` AFTER DELETE ON `editions` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_raise_revision_on_insert` AFTER INSERT ON `categories` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_raise_revision_on_update` AFTER UPDATE ON `categories` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_raise_revision_on_delete` AFTER DELETE ON `categories` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `complete_nominee_lists_raise_revision_on_insert` AFTER INSERT ON `complete_nominee_lists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `complete_nominee_lists_raise_revision_on_update` AFTER UPDATE ON `complete_nominee_lists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `complete_nominee_lists_raise_revision_on_delete` AFTER DELETE ON `complete_nominee_lists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `works_raise_revision_on_insert` AFTER INSERT ON `works` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `works_raise_revision_on_update` AFTER UPDATE ON `works` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `works_raise_revision_on_delete` AFTER DELETE ON `works` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `work_credits_raise_revision_on_insert` AFTER INSERT ON `work_credits` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `work_credits_raise_revision_on_update` AFTER UPDATE ON `work_credits` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `work_credits_raise_revision_on_delete` AFTER DELETE ON `work_credits` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nominations_raise_revision_on_insert` AFTER INSERT ON `nominations` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nominations_raise_revision_on_update` AFTER UPDATE ON `nominations` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nominations_raise_revision_on_delete` AFTER DELETE ON `nominations` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nomination_artists_raise_revision_on_insert` AFTER INSERT ON `nomination_artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nomination_artists_raise_revision_on_update` AFTER UPDATE ON `nomination_artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nomination_artists_raise_revision_on_delete` AFTER DELETE ON `nomination_artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nomination_sources_raise_revision_on_insert` AFTER INSERT ON `nomination_sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nomination_sources_raise_revision_on_update` AFTER UPDATE ON `nomination_sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `nomination_sources_raise_revision_on_delete` AFTER DELETE ON `nomination_sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestones_raise_revision_on_insert` AFTER INSERT ON `milestones` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestones_raise_revision_on_update` AFTER UPDATE ON `milestones` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestones_raise_revision_on_delete` AFTER DELETE ON `milestones` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestone_artists_raise_revision_on_insert` AFTER INSERT ON `milestone_artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestone_artists_raise_revision_on_update` AFTER UPDATE ON `milestone_artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestone_artists_raise_revision_on_delete` AFTER DELETE ON `milestone_artists` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestone_sources_raise_revision_on_insert` AFTER INSERT ON `milestone_sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestone_sources_raise_revision_on_update` AFTER UPDATE ON `milestone_sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `milestone_sources_raise_revision_on_delete` AFTER DELETE ON `milestone_sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
