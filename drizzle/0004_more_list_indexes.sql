CREATE INDEX `commitments_updated_idx` ON `commitments` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`due_on`,`id`);--> statement-breakpoint
CREATE INDEX `follow_ups_sort_idx` ON `follow_ups` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `follow_ups_status_sort_idx` ON `follow_ups` (`status`,`sort_key`,`id`);