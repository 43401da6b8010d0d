CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`changes` text,
	`detail` text,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_entries` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_entries` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_action_at_idx` ON `audit_entries` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `commitment_co_pledgers` (
	`commitment_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	PRIMARY KEY(`commitment_id`, `organization_id`),
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_co_pledgers_org_idx` ON `commitment_co_pledgers` (`organization_id`);--> statement-breakpoint
CREATE TABLE `commitment_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`partner_organization_id` integer,
	`note` text NOT NULL,
	`status_change` text,
	`evidence_url` text,
	`evidence_file_id` integer,
	`verified_at` text,
	`verified_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_file_id`) REFERENCES `evidence_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_updates_commitment_idx` ON `commitment_updates` (`commitment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `commitment_updates_partner_idx` ON `commitment_updates` (`partner_organization_id`,`verified_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`description` text,
	`lead_organization_id` integer NOT NULL,
	`event_id` integer,
	`partnership_id` integer,
	`niem_dimension` text NOT NULL,
	`niem_area` text NOT NULL,
	`kind` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'pledged' NOT NULL,
	`status_verified` integer DEFAULT true NOT NULL,
	`owner_id` integer,
	`shared_with_partner` integer DEFAULT false NOT NULL,
	`carried_over_from_id` integer,
	`import_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`lead_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carried_over_from_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_sort_idx` ON `commitments` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `commitments_area_status_idx` ON `commitments` (`niem_area`,`status`,`sort_key`);--> statement-breakpoint
CREATE INDEX `commitments_status_due_idx` ON `commitments` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `commitments_lead_idx` ON `commitments` (`lead_organization_id`);--> statement-breakpoint
CREATE INDEX `commitments_event_idx` ON `commitments` (`event_id`);--> statement-breakpoint
CREATE INDEX `commitments_partnership_idx` ON `commitments` (`partnership_id`);--> statement-breakpoint
CREATE INDEX `commitments_owner_idx` ON `commitments` (`owner_id`);--> statement-breakpoint
CREATE TABLE `event_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`organization_id` integer,
	`person_id` integer,
	`refugee_contact_id` integer,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refugee_contact_id`) REFERENCES `refugee_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "event_participants_exactly_one" CHECK((("event_participants"."organization_id" IS NOT NULL) + ("event_participants"."person_id" IS NOT NULL) + ("event_participants"."refugee_contact_id" IS NOT NULL)) = 1)
);
--> statement-breakpoint
CREATE INDEX `event_participants_event_idx` ON `event_participants` (`event_id`);--> statement-breakpoint
CREATE INDEX `event_participants_org_idx` ON `event_participants` (`organization_id`);--> statement-breakpoint
CREATE INDEX `event_participants_person_idx` ON `event_participants` (`person_id`);--> statement-breakpoint
CREATE INDEX `event_participants_refugee_idx` ON `event_participants` (`refugee_contact_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`kind` text NOT NULL,
	`series` text,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`place` text,
	`oblast` text,
	`description` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_starts_idx` ON `events` (`starts_on`);--> statement-breakpoint
CREATE INDEX `events_kind_starts_idx` ON `events` (`kind`,`starts_on`);--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`storage_name` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`uploaded_by_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`notes` text,
	`due_on` text NOT NULL,
	`assignee_id` integer,
	`organization_id` integer,
	`person_id` integer,
	`partnership_id` integer,
	`commitment_id` integer,
	`event_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`shared_with_organization_id` integer,
	`completed_at` text,
	`completed_by_id` integer,
	`completion_note` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shared_with_organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_status_due_idx` ON `follow_ups` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_assignee_status_due_idx` ON `follow_ups` (`assignee_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_shared_idx` ON `follow_ups` (`shared_with_organization_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_org_idx` ON `follow_ups` (`organization_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_commitment_idx` ON `follow_ups` (`commitment_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_partnership_idx` ON `follow_ups` (`partnership_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_person_idx` ON `follow_ups` (`person_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_event_idx` ON `follow_ups` (`event_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`created_count` integer DEFAULT 0 NOT NULL,
	`updated_count` integer DEFAULT 0 NOT NULL,
	`skipped_count` integer DEFAULT 0 NOT NULL,
	`undo_data` text,
	`undone_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`subject` text NOT NULL,
	`search_key` text NOT NULL,
	`body` text,
	`participants` text,
	`organization_id` integer,
	`person_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interactions_org_idx` ON `interactions` (`organization_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `interactions_person_idx` ON `interactions` (`person_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `interactions_occurred_idx` ON `interactions` (`occurred_on`);--> statement-breakpoint
CREATE TABLE `organization_tags` (
	`organization_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `tag_id`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organization_tags_tag_idx` ON `organization_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_latin` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`kind` text NOT NULL,
	`oblast` text,
	`municipality` text,
	`address` text,
	`website` text,
	`email` text,
	`phone` text,
	`description` text,
	`archived` integer DEFAULT false NOT NULL,
	`import_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `organizations_sort_idx` ON `organizations` (`archived`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `organizations_kind_oblast_sort_idx` ON `organizations` (`kind`,`oblast`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `organizations_oblast_sort_idx` ON `organizations` (`oblast`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `organizations_updated_idx` ON `organizations` (`updated_at`);--> statement-breakpoint
CREATE INDEX `organizations_import_idx` ON `organizations` (`import_id`);--> statement-breakpoint
CREATE TABLE `partnership_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`partnership_id` integer NOT NULL,
	`organization_id` integer NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`partnership_id`) REFERENCES `partnerships`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partnership_members_unique` ON `partnership_members` (`partnership_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `partnership_members_org_idx` ON `partnership_members` (`organization_id`);--> statement-breakpoint
CREATE TABLE `partnerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`kind` text NOT NULL,
	`project` text,
	`status` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`owner_id` integer,
	`description` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "partnerships_period" CHECK("partnerships"."ends_on" IS NULL OR "partnerships"."starts_on" IS NULL OR "partnerships"."ends_on" >= "partnerships"."starts_on")
);
--> statement-breakpoint
CREATE INDEX `partnerships_sort_idx` ON `partnerships` (`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `partnerships_status_idx` ON `partnerships` (`status`,`sort_key`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_latin` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`position` text,
	`email` text,
	`phone` text,
	`languages` text,
	`organization_id` integer,
	`notes` text,
	`archived` integer DEFAULT false NOT NULL,
	`import_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `people_sort_idx` ON `people` (`archived`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `people_org_idx` ON `people` (`organization_id`,`sort_key`);--> statement-breakpoint
CREATE INDEX `people_email_idx` ON `people` (`email`);--> statement-breakpoint
CREATE INDEX `people_import_idx` ON `people` (`import_id`);--> statement-breakpoint
CREATE TABLE `refugee_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`refugee_contact_id` integer NOT NULL,
	`given_on` text NOT NULL,
	`purposes` text NOT NULL,
	`legal_basis` text NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`expires_on` text,
	`withdrawn_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`refugee_contact_id`) REFERENCES `refugee_contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refugee_consents_contact_idx` ON `refugee_consents` (`refugee_contact_id`);--> statement-breakpoint
CREATE TABLE `refugee_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`languages` text,
	`country_of_origin` text,
	`contact_channel` text,
	`contact_value` text,
	`notes` text,
	`erased_at` text,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refugee_contacts_sort_idx` ON `refugee_contacts` (`sort_key`,`id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_unique` ON `tags` (`name`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organization_id` integer,
	`locale` text DEFAULT 'bg' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`calendar_token` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_partner_has_org" CHECK(("users"."role" = 'partner') = ("users"."organization_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_calendar_token_unique` ON `users` (`calendar_token`);