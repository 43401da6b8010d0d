DROP INDEX `organizations_kind_oblast_sort_idx`;--> statement-breakpoint
DROP INDEX `organizations_oblast_sort_idx`;--> statement-breakpoint
CREATE INDEX `organizations_archived_kind_oblast_sort_idx` ON `organizations` (`archived`,`kind`,`oblast`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `organizations_archived_oblast_sort_idx` ON `organizations` (`archived`,`oblast`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `organizations_archived_kind_sort_idx` ON `organizations` (`archived`,`kind`,`sort_key`,`id`);--> statement-breakpoint
DROP INDEX `people_org_idx`;--> statement-breakpoint
CREATE INDEX `people_org_idx` ON `people` (`organization_id`,`archived`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entries` (`at`);