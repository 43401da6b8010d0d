CREATE TABLE `organization_counts` (
	`archived` integer PRIMARY KEY NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
-- Hand-written below: both rows always exist, so the triggers only ever UPDATE (an organization
-- inserted, deleted by a merge, archived or unarchived moves one count in the same statement).
INSERT INTO `organization_counts` (`archived`, `n`) VALUES
	(0, (SELECT count(*) FROM `organizations` WHERE `archived` = 0)),
	(1, (SELECT count(*) FROM `organizations` WHERE `archived` = 1));
--> statement-breakpoint
CREATE TRIGGER `organization_counts_after_insert` AFTER INSERT ON `organizations` BEGIN
	UPDATE `organization_counts` SET `n` = `n` + 1 WHERE `archived` = new.`archived`;
END;
--> statement-breakpoint
CREATE TRIGGER `organization_counts_after_delete` AFTER DELETE ON `organizations` BEGIN
	UPDATE `organization_counts` SET `n` = `n` - 1 WHERE `archived` = old.`archived`;
END;
--> statement-breakpoint
CREATE TRIGGER `organization_counts_after_update` AFTER UPDATE OF `archived` ON `organizations` WHEN old.`archived` IS NOT new.`archived` BEGIN
	UPDATE `organization_counts` SET `n` = `n` - 1 WHERE `archived` = old.`archived`;
	UPDATE `organization_counts` SET `n` = `n` + 1 WHERE `archived` = new.`archived`;
END;
