CREATE TABLE `review_highlights` (
	`event_id` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	`choice` text,
	`position` integer,
	`caption` text,
	`updated_by_id` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`event_id`, `commitment_id`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`event_id` integer,
	`state` text DEFAULT 'draft' NOT NULL,
	`withdrawn_reason` text,
	`published_at` text,
	`withdrawn_at` text,
	`owner_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stories_sort_idx` ON `stories` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `stories_event_state_idx` ON `stories` (`event_id`,`state`);--> statement-breakpoint
CREATE INDEX `stories_state_idx` ON `stories` (`state`,`sort_key`);--> statement-breakpoint
CREATE TABLE `story_files` (
	`story_id` integer NOT NULL,
	`evidence_file_id` integer NOT NULL,
	PRIMARY KEY(`story_id`, `evidence_file_id`),
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evidence_file_id`) REFERENCES `evidence_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `story_files_file_unique` ON `story_files` (`evidence_file_id`);--> statement-breakpoint
CREATE TABLE `story_organizations` (
	`story_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`story_id`, `organization_id`),
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `story_organizations_org_idx` ON `story_organizations` (`organization_id`);--> statement-breakpoint
CREATE TABLE `story_people` (
	`story_id` integer NOT NULL,
	`refugee_contact_id` integer NOT NULL,
	PRIMARY KEY(`story_id`, `refugee_contact_id`),
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`refugee_contact_id`) REFERENCES `refugee_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `story_people_contact_idx` ON `story_people` (`refugee_contact_id`);