PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sources` (
	`id` integer PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`published_on` text,
	`headline` text NOT NULL,
	`outlet` text,
	`url` text,
	`read_on` text
);
--> statement-breakpoint
INSERT INTO `__new_sources`("id", "identifier", "published_on", "headline", "outlet", "url", "read_on") SELECT "id", "identifier", "published_on", "headline", "outlet", "url", "read_on" FROM `sources`;--> statement-breakpoint
DROP TABLE `sources`;--> statement-breakpoint
ALTER TABLE `__new_sources` RENAME TO `sources`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `sources_identifier_unique` ON `sources` (`identifier`);--> statement-breakpoint
-- Rebuilding the table dropped its triggers: the facts revision still moves on every change to a source.
CREATE TRIGGER `sources_raise_revision_on_insert` AFTER INSERT ON `sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `sources_raise_revision_on_update` AFTER UPDATE ON `sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;--> statement-breakpoint
CREATE TRIGGER `sources_raise_revision_on_delete` AFTER DELETE ON `sources` BEGIN UPDATE `facts_revision` SET `revision` = `revision` + 1 WHERE `id` = 1; END;
