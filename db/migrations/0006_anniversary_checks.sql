-- Edited by hand: WITHOUT ROWID (drizzle-kit cannot say it) and the copy of every server's next check.
CREATE TABLE `anniversary_checks` (
	`next_check_at` integer NOT NULL,
	`guild_id` text NOT NULL,
	PRIMARY KEY(`next_check_at`, `guild_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The ticker read only enabled servers with a next check: exactly those move.
INSERT INTO `anniversary_checks` (`next_check_at`, `guild_id`)
	SELECT `next_check_at`, `guild_id` FROM `anniversary_settings` WHERE `enabled` = 1 AND `next_check_at` IS NOT NULL;
--> statement-breakpoint
DROP INDEX `anniversary_settings_next_check_at`;--> statement-breakpoint
ALTER TABLE `anniversary_settings` DROP COLUMN `next_check_at`;
