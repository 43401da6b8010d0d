-- Full-text index over each searchable table's search_key (the folded Latin form from app/lib/transliterate.ts).
-- External-content FTS5 tables: the text lives once in the base table; triggers keep the index in step
-- with every insert, update and delete in the same transaction. Prefix indexes make typing-as-you-go cheap.
CREATE VIRTUAL TABLE `organizations_fts` USING fts5(search_key, content='organizations', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `organizations_fts_after_insert` AFTER INSERT ON `organizations` BEGIN
  INSERT INTO `organizations_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_fts_after_delete` AFTER DELETE ON `organizations` BEGIN
  INSERT INTO `organizations_fts`(`organizations_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `organizations_fts_after_update` AFTER UPDATE OF search_key, id ON `organizations` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `organizations_fts`(`organizations_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `organizations_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `organizations_fts`(`organizations_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `people_fts` USING fts5(search_key, content='people', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `people_fts_after_insert` AFTER INSERT ON `people` BEGIN
  INSERT INTO `people_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `people_fts_after_delete` AFTER DELETE ON `people` BEGIN
  INSERT INTO `people_fts`(`people_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `people_fts_after_update` AFTER UPDATE OF search_key, id ON `people` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `people_fts`(`people_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `people_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `people_fts`(`people_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `refugee_contacts_fts` USING fts5(search_key, content='refugee_contacts', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `refugee_contacts_fts_after_insert` AFTER INSERT ON `refugee_contacts` BEGIN
  INSERT INTO `refugee_contacts_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `refugee_contacts_fts_after_delete` AFTER DELETE ON `refugee_contacts` BEGIN
  INSERT INTO `refugee_contacts_fts`(`refugee_contacts_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `refugee_contacts_fts_after_update` AFTER UPDATE OF search_key, id ON `refugee_contacts` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `refugee_contacts_fts`(`refugee_contacts_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `refugee_contacts_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `refugee_contacts_fts`(`refugee_contacts_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `events_fts` USING fts5(search_key, content='events', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO `events_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_delete` AFTER DELETE ON `events` BEGIN
  INSERT INTO `events_fts`(`events_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_update` AFTER UPDATE OF search_key, id ON `events` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `events_fts`(`events_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `events_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `events_fts`(`events_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `partnerships_fts` USING fts5(search_key, content='partnerships', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `partnerships_fts_after_insert` AFTER INSERT ON `partnerships` BEGIN
  INSERT INTO `partnerships_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `partnerships_fts_after_delete` AFTER DELETE ON `partnerships` BEGIN
  INSERT INTO `partnerships_fts`(`partnerships_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `partnerships_fts_after_update` AFTER UPDATE OF search_key, id ON `partnerships` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `partnerships_fts`(`partnerships_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `partnerships_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `partnerships_fts`(`partnerships_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `commitments_fts` USING fts5(search_key, content='commitments', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `commitments_fts_after_insert` AFTER INSERT ON `commitments` BEGIN
  INSERT INTO `commitments_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_fts_after_delete` AFTER DELETE ON `commitments` BEGIN
  INSERT INTO `commitments_fts`(`commitments_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_fts_after_update` AFTER UPDATE OF search_key, id ON `commitments` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `commitments_fts`(`commitments_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `commitments_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `commitments_fts`(`commitments_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `follow_ups_fts` USING fts5(search_key, content='follow_ups', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `follow_ups_fts_after_insert` AFTER INSERT ON `follow_ups` BEGIN
  INSERT INTO `follow_ups_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_fts_after_delete` AFTER DELETE ON `follow_ups` BEGIN
  INSERT INTO `follow_ups_fts`(`follow_ups_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `follow_ups_fts_after_update` AFTER UPDATE OF search_key, id ON `follow_ups` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `follow_ups_fts`(`follow_ups_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `follow_ups_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `follow_ups_fts`(`follow_ups_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `interactions_fts` USING fts5(search_key, content='interactions', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `interactions_fts_after_insert` AFTER INSERT ON `interactions` BEGIN
  INSERT INTO `interactions_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `interactions_fts_after_delete` AFTER DELETE ON `interactions` BEGIN
  INSERT INTO `interactions_fts`(`interactions_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `interactions_fts_after_update` AFTER UPDATE OF search_key, id ON `interactions` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `interactions_fts`(`interactions_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `interactions_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
INSERT INTO `interactions_fts`(`interactions_fts`) VALUES ('rebuild');
--> statement-breakpoint
-- sortKey() no longer keeps spaces (Intl.Collator('bg', { ignorePunctuation: true }) ignores them):
-- the new key is exactly the old one without its single spaces.
UPDATE `organizations` SET `sort_key` = replace(`sort_key`, ' ', '');
--> statement-breakpoint
UPDATE `people` SET `sort_key` = replace(`sort_key`, ' ', '');
--> statement-breakpoint
UPDATE `refugee_contacts` SET `sort_key` = replace(`sort_key`, ' ', '');
--> statement-breakpoint
UPDATE `events` SET `sort_key` = replace(`sort_key`, ' ', '');
--> statement-breakpoint
UPDATE `partnerships` SET `sort_key` = replace(`sort_key`, ' ', '');
--> statement-breakpoint
UPDATE `commitments` SET `sort_key` = replace(`sort_key`, ' ', '');
--> statement-breakpoint
UPDATE `follow_ups` SET `sort_key` = replace(`sort_key`, ' ', '');
