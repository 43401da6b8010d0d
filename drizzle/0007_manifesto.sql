CREATE TABLE `manifesto_endorsements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`signatory_person_id` integer,
	`signatory_name` text NOT NULL,
	`signatory_position` text,
	`signed_on` text NOT NULL,
	`statement_bg` text,
	`statement_en` text,
	`list_publicly` integer DEFAULT false NOT NULL,
	`show_signatory` integer DEFAULT false NOT NULL,
	`channel` text NOT NULL,
	`letter_file_id` integer,
	`recorded_by_id` integer NOT NULL,
	`withdrawn_at` text,
	`withdrawn_by_id` integer,
	`withdrawal_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `manifesto_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signatory_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`letter_file_id`) REFERENCES `evidence_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manifesto_endorsements_standing_unique` ON `manifesto_endorsements` (`version_id`,`organization_id`) WHERE withdrawn_at IS NULL;--> statement-breakpoint
CREATE INDEX `manifesto_endorsements_org_idx` ON `manifesto_endorsements` (`organization_id`,`signed_on`);--> statement-breakpoint
CREATE INDEX `manifesto_endorsements_version_idx` ON `manifesto_endorsements` (`version_id`,`withdrawn_at`);--> statement-breakpoint
CREATE TABLE `manifesto_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`section_id` integer NOT NULL,
	`organization_id` integer,
	`refugee_contact_id` integer,
	`community_name` text,
	`organization_kind` text NOT NULL,
	`oblast` text,
	`niem_dimension` text NOT NULL,
	`kind` text NOT NULL,
	`passage` text,
	`paragraph_index` integer,
	`proposed_text` text NOT NULL,
	`rationale` text,
	`channel` text NOT NULL,
	`event_id` integer,
	`made_on` text NOT NULL,
	`submitted_by_id` integer NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`answer_bg` text,
	`answer_en` text,
	`answered_at` text,
	`answered_by_id` integer,
	`accepted_into_section_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `manifesto_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `manifesto_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refugee_contact_id`) REFERENCES `refugee_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`accepted_into_section_id`) REFERENCES `manifesto_sections`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "manifesto_proposals_one_proposer" CHECK(("manifesto_proposals"."organization_id" IS NOT NULL) + ("manifesto_proposals"."refugee_contact_id" IS NOT NULL) = 1)
);
--> statement-breakpoint
CREATE INDEX `manifesto_proposals_org_idx` ON `manifesto_proposals` (`organization_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `manifesto_proposals_version_status_idx` ON `manifesto_proposals` (`version_id`,`status`);--> statement-breakpoint
CREATE INDEX `manifesto_proposals_section_idx` ON `manifesto_proposals` (`section_id`);--> statement-breakpoint
CREATE INDEX `manifesto_proposals_event_idx` ON `manifesto_proposals` (`event_id`);--> statement-breakpoint
CREATE INDEX `manifesto_proposals_refugee_idx` ON `manifesto_proposals` (`refugee_contact_id`);--> statement-breakpoint
CREATE TABLE `manifesto_sections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`section_key` text NOT NULL,
	`position` integer NOT NULL,
	`title_bg` text NOT NULL,
	`title_en` text,
	`body_bg` text NOT NULL,
	`body_en` text,
	`niem_dimensions` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `manifesto_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manifesto_sections_key_unique` ON `manifesto_sections` (`version_id`,`section_key`);--> statement-breakpoint
CREATE INDEX `manifesto_sections_version_idx` ON `manifesto_sections` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `manifesto_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`title_bg` text NOT NULL,
	`title_en` text,
	`note` text,
	`based_on_version_id` integer,
	`published_on` text,
	`adopted_on` text,
	`adopted_at_event_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`based_on_version_id`) REFERENCES `manifesto_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adopted_at_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manifesto_versions_number_unique` ON `manifesto_versions` (`number`);--> statement-breakpoint
CREATE INDEX `manifesto_versions_status_idx` ON `manifesto_versions` (`status`,`number`);