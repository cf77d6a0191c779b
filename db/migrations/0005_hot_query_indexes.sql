CREATE INDEX `artist_aliases_artist_kind` ON `artist_aliases` (`artist_id`,`kind`);--> statement-breakpoint
CREATE INDEX `nominations_edition_result` ON `nominations` (`edition_id`,`result`);--> statement-breakpoint
CREATE INDEX `nominations_work` ON `nominations` (`work_id`);