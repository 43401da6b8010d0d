-- Full-text index over stories.search_key, like the other searchable tables (0002_search_fts.sql).
CREATE VIRTUAL TABLE `stories_fts` USING fts5(search_key, content='stories', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_insert` AFTER INSERT ON `stories` BEGIN
  INSERT INTO `stories_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_delete` AFTER DELETE ON `stories` BEGIN
  INSERT INTO `stories_fts`(`stories_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_update` AFTER UPDATE OF search_key, id ON `stories` WHEN old.search_key IS NOT new.search_key OR old.id IS NOT new.id BEGIN
  INSERT INTO `stories_fts`(`stories_fts`, rowid, search_key) VALUES ('delete', old.id, old.search_key);
  INSERT INTO `stories_fts`(rowid, search_key) VALUES (new.id, new.search_key);
END;
