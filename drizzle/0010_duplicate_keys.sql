-- The duplicate keys (app/db/duplicate-keys.ts) as expression indexes, written by hand: drizzle-kit splits
-- an expression at its commas. The merges table keeps what undoing a merge needs.
CREATE TABLE `merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`survivor_id` integer NOT NULL,
	`merged_id` integer NOT NULL,
	`survivor_version` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`data` text NOT NULL,
	`undone_at` text,
	`undone_by_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `merges_merged_idx` ON `merges` (`entity_type`,`merged_id`);--> statement-breakpoint
CREATE INDEX `merges_at_idx` ON `merges` (`at`);--> statement-breakpoint
CREATE INDEX `organizations_dup_name_idx` ON `organizations` (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(name_latin), ' ', ''), '"', ''), '''', ''), '„', ''), '“', ''), '”', ''), '«', ''), '»', ''), '.', ''), ',', ''), '-', ''), '–', ''), '—', ''), '(', ''), ')', ''), '!', ''), '&', ''), '/', ''), ':', ''), ';', ''), 'iya', 'ia'), 'w', 'v'));--> statement-breakpoint
CREATE INDEX `organizations_dup_email_idx` ON `organizations` (nullif(lower(trim(email)), ''));--> statement-breakpoint
CREATE INDEX `organizations_dup_phone_idx` ON `organizations` (CASE WHEN length(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '')) >= 8 THEN substr(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', ''), -8) END);--> statement-breakpoint
CREATE INDEX `organizations_dup_website_idx` ON `organizations` (CASE WHEN instr(replace(replace(replace(lower(trim(website)), 'https://', ''), 'http://', ''), 'www.', ''), '/') > 0 THEN nullif(substr(replace(replace(replace(lower(trim(website)), 'https://', ''), 'http://', ''), 'www.', ''), 1, instr(replace(replace(replace(lower(trim(website)), 'https://', ''), 'http://', ''), 'www.', ''), '/') - 1), '') ELSE nullif(replace(replace(replace(lower(trim(website)), 'https://', ''), 'http://', ''), 'www.', ''), '') END);--> statement-breakpoint
CREATE INDEX `people_dup_name_idx` ON `people` (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(name_latin), ' ', ''), '"', ''), '''', ''), '„', ''), '“', ''), '”', ''), '«', ''), '»', ''), '.', ''), ',', ''), '-', ''), '–', ''), '—', ''), '(', ''), ')', ''), '!', ''), '&', ''), '/', ''), ':', ''), ';', ''), 'iya', 'ia'), 'w', 'v'));--> statement-breakpoint
CREATE INDEX `people_dup_email_idx` ON `people` (nullif(lower(trim(email)), ''));--> statement-breakpoint
CREATE INDEX `people_dup_phone_idx` ON `people` (CASE WHEN length(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', '')) >= 8 THEN substr(replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '+', ''), '.', ''), '/', ''), -8) END);
