// When a refugee contact withdraws their «story publication» consent, or is erased, every story
// that names them is withdrawn at once — in the same transaction as the withdrawal or erasure,
// each with its audit entry — and each story's owner is told afterwards. Called from
// refugee-consent.server.ts and refugees.server.ts (this module imports neither: no cycle).
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { storyKeys } from "../db/derived.ts";
import { stories, storyPeople, users } from "../db/schema.ts";
import type { StoryWithdrawalReason } from "../domain/enums.ts";
import { env } from "../env.server.ts";
import { makeTranslate } from "../i18n/i18n.ts";
import { writeAudit } from "./audit.server.ts";
import { sendMail } from "./mailer.server.ts";

export type WithdrawnStory = { id: number; title: string; ownerId: number | null; reason: StoryWithdrawalReason };

/**
 * Withdraws every story naming the contact that is not withdrawn yet. With `erase`, the contact is
 * also taken out of every story (withdrawn ones too) and the erased values are cut from the stories'
 * text, so nothing of the person stays behind. Runs inside the caller's transaction.
 */
export function withdrawStoriesNaming(
  tx: DbOrTx,
  opts: { contactId: number; reason: Exclude<StoryWithdrawalReason, "manual">; userId: number; ip?: string | null; erase?: { label: string; values: string[] } },
): WithdrawnStory[] {
  const named = tx
    .select({ id: stories.id, title: stories.title, summary: stories.summary, body: stories.body, state: stories.state, ownerId: stories.ownerId, version: stories.version })
    .from(storyPeople)
    .innerJoin(stories, eq(stories.id, storyPeople.storyId))
    .where(eq(storyPeople.refugeeContactId, opts.contactId))
    .all();
  const now = new Date().toISOString();
  const withdrawn: WithdrawnStory[] = [];
  let textCut = false;
  for (const story of named) {
    const changes: Record<string, [unknown, unknown]> = {};
    const set: Partial<typeof stories.$inferInsert> = {};
    if (story.state !== "withdrawn") {
      Object.assign(set, { state: "withdrawn", withdrawnReason: opts.reason, withdrawnAt: now });
      changes.state = [story.state, "withdrawn"];
      withdrawn.push({ id: story.id, title: story.title, ownerId: story.ownerId, reason: opts.reason });
    }
    if (opts.erase) {
      const cut = (text: string) => opts.erase!.values.reduce((s, v) => s.split(v).join(opts.erase!.label), text);
      const text = { title: cut(story.title), summary: cut(story.summary), body: cut(story.body) };
      if (text.title !== story.title || text.summary !== story.summary || text.body !== story.body) {
        Object.assign(set, text, storyKeys(text));
        changes.text = ["[erased]", "[erased]"];
        textCut = true;
      }
      changes.refugeeContactIds = [[opts.contactId], []];
    }
    if (Object.keys(set).length) {
      tx.update(stories)
        .set({ ...set, updatedAt: now, version: story.version + 1 })
        .where(eq(stories.id, story.id))
        .run();
    }
    writeAudit(tx, {
      userId: opts.userId,
      action: story.state !== "withdrawn" ? "withdraw" : "update",
      entityType: "story",
      entityId: story.id,
      changes,
      detail: { reason: opts.reason, refugeeContactId: opts.contactId },
      ip: opts.ip,
    });
  }
  if (opts.erase) tx.delete(storyPeople).where(eq(storyPeople.refugeeContactId, opts.contactId)).run();
  // FTS5 keeps a replaced key's terms in older segments until they are merged: merge now, so the
  // erased name is gone from the index too (as purgeSearchIndex does for refugee contacts).
  if (textCut) tx.run(sql`INSERT INTO stories_fts(stories_fts) VALUES ('optimize')`);
  return withdrawn;
}

/** Whether any story still names the contact outside the withdrawn state (for tests and checks). */
export function liveStoriesNaming(contactId: number): number[] {
  return getDb()
    .select({ id: stories.id })
    .from(storyPeople)
    .innerJoin(stories, eq(stories.id, storyPeople.storyId))
    .where(and(eq(storyPeople.refugeeContactId, contactId), ne(stories.state, "withdrawn")))
    .all()
    .map((r) => r.id);
}

/**
 * Tells each withdrawn story's owner (an e-mail, or the outbox in the demo), in their language.
 * Call after the transaction has committed; a failed notice never undoes the withdrawal.
 */
export function noticeStoryOwners(withdrawn: WithdrawnStory[]): void {
  const ownerIds = [...new Set(withdrawn.map((s) => s.ownerId).filter((id): id is number => id != null))];
  if (!ownerIds.length) return;
  const owners = getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, active: users.active })
    .from(users)
    .where(inArray(users.id, ownerIds))
    .all();
  const appUrl = env().APP_URL.replace(/\/$/, "");
  for (const owner of owners.filter((o) => o.active)) {
    const t = makeTranslate(owner.locale);
    for (const story of withdrawn.filter((s) => s.ownerId === owner.id)) {
      const text = [
        t("reminders.digest.greeting", { name: owner.name }),
        "",
        t(story.reason === "erasure" ? "stories.notice.erasure" : "stories.notice.consentWithdrawn", { title: story.title }),
        "",
        `${appUrl}/stories/${story.id}`,
      ].join("\n");
      sendMail({ userId: owner.id, to: owner.email, kind: "story_withdrawn", subject: t("stories.notice.subject", { title: story.title }), text }).catch((error) => {
        console.error(JSON.stringify({ t: new Date().toISOString(), event: "story_notice_failed", storyId: story.id, error: String(error) }));
      });
    }
  }
}
