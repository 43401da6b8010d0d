CREATE TABLE `event_invitation_settings` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`capacity` integer,
	`waiting_list` integer DEFAULT false NOT NULL,
	`answer_deadline` text,
	`interpretation_languages` text DEFAULT '' NOT NULL,
	`subject_bg` text DEFAULT '' NOT NULL,
	`body_bg` text DEFAULT '' NOT NULL,
	`subject_en` text DEFAULT '' NOT NULL,
	`body_en` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `event_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`person_id` integer,
	`refugee_contact_id` integer,
	`name` text NOT NULL,
	`sort_key` text NOT NULL,
	`search_key` text NOT NULL,
	`email` text,
	`email_key` text,
	`organization_name` text,
	`locale` text DEFAULT 'bg' NOT NULL,
	`role` text DEFAULT 'participant' NOT NULL,
	`token` text NOT NULL,
	`walk_in` integer DEFAULT false NOT NULL,
	`send_state` text DEFAULT 'pending' NOT NULL,
	`sent_at` text,
	`send_error` text,
	`reminder_state` text,
	`reminded_at` text,
	`answer` text,
	`answered_at` text,
	`attendees` integer DEFAULT 1 NOT NULL,
	`interpretation` text DEFAULT '' NOT NULL,
	`accessibility` text,
	`note` text,
	`waitlisted` integer DEFAULT false NOT NULL,
	`checked_in_at` text,
	`checked_in_by_id` integer,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refugee_contact_id`) REFERENCES `refugee_contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_invitations_token_unique` ON `event_invitations` (`token`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_invitations_email_unique` ON `event_invitations` (`event_id`,`email_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_invitations_person_unique` ON `event_invitations` (`event_id`,`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_invitations_refugee_unique` ON `event_invitations` (`event_id`,`refugee_contact_id`);--> statement-breakpoint
CREATE INDEX `event_invitations_event_sort_idx` ON `event_invitations` (`event_id`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `event_invitations_send_idx` ON `event_invitations` (`event_id`,`send_state`);