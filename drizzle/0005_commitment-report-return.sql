ALTER TABLE `commitment_updates` ADD `returned_at` text;--> statement-breakpoint
ALTER TABLE `commitment_updates` ADD `returned_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `commitment_updates` ADD `return_reason` text;--> statement-breakpoint
ALTER TABLE `commitment_updates` ADD `answers_update_id` integer REFERENCES commitment_updates(id);