ALTER TABLE `nominations` ADD `awarded_on` text;--> statement-breakpoint
ALTER TABLE `nominations` ADD `awarded_on_month_day` text GENERATED ALWAYS AS (substr(awarded_on, 6, 5)) VIRTUAL;--> statement-breakpoint
CREATE INDEX `nominations_awarded_on_month_day` ON `nominations` (`awarded_on_month_day`) WHERE "nominations"."awarded_on" is not null;