CREATE TABLE `commitment_counts` (
	`niem_area` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`niem_area`, `status`)
);
--> statement-breakpoint
-- Hand-written below: the counts start from the commitments there are, and every insert, delete
-- and change of area or status moves them in the same statement.
INSERT INTO `commitment_counts` (`niem_area`, `status`, `n`)
	SELECT `niem_area`, `status`, count(*) FROM `commitments` GROUP BY `niem_area`, `status`;
--> statement-breakpoint
CREATE TRIGGER `commitment_counts_after_insert` AFTER INSERT ON `commitments` BEGIN
	INSERT INTO `commitment_counts` (`niem_area`, `status`, `n`) VALUES (new.`niem_area`, new.`status`, 1)
		ON CONFLICT (`niem_area`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_counts_after_delete` AFTER DELETE ON `commitments` BEGIN
	UPDATE `commitment_counts` SET `n` = `n` - 1 WHERE `niem_area` = old.`niem_area` AND `status` = old.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_counts_after_update` AFTER UPDATE OF `niem_area`, `status` ON `commitments`
	WHEN old.`niem_area` IS NOT new.`niem_area` OR old.`status` IS NOT new.`status` BEGIN
	UPDATE `commitment_counts` SET `n` = `n` - 1 WHERE `niem_area` = old.`niem_area` AND `status` = old.`status`;
	INSERT INTO `commitment_counts` (`niem_area`, `status`, `n`) VALUES (new.`niem_area`, new.`status`, 1)
		ON CONFLICT (`niem_area`, `status`) DO UPDATE SET `n` = `n` + 1;
END;
