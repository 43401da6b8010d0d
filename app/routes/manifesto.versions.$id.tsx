import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { can, requireCapability, requireUser } from "#app/auth/access.server.ts";
import { DateField, FormErrorSummary, SelectField, TextArea, TextField } from "#app/components/Field.tsx";
import { useI18n } from "#app/components/i18n.tsx";
import { BilingualText, ManifestoSubNav, VersionStatusBadge } from "#app/components/Manifesto.tsx";
import { SectionFields } from "#app/components/ManifestoSectionForm.tsx";
import { canMoveVersion, MANIFESTO_INTENT, sectionInput, versionMoveInput, versionUpdateInput } from "#app/domain/manifesto.ts";
import { enumLabel, type MessageKey } from "#app/i18n/i18n.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import { parseForm, type FieldErrors, type FormValues } from "#app/lib/forms.ts";
import { clientIp, invalidForm, parseIdParam, redirectWithFlash } from "#app/server/http.server.ts";
import { eventChoices } from "#app/models/link-choices.server.ts";
import { listProposals } from "#app/models/manifesto-proposals.server.ts";
import { addSection, getVersion, listVersions, moveVersion, nextPosition, updateVersion } from "#app/models/manifesto.server.ts";
import { readForm } from "#app/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "BCRM Partners" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "readManifesto");
  const id = parseIdParam(params.id);
  const { version, sections, adoptedAtEvent } = getVersion(user, id);
  const previous = listVersions(user).find((v) => v.number < version.number) ?? null;
  const proposalCounts: Record<number, number> = {};
  for (const p of listProposals(user, { version: id })) proposalCounts[p.sectionId] = (proposalCounts[p.sectionId] ?? 0) + 1;
  const canWrite = can(user, "writeManifesto");
  return json({
    version,
    sections,
    adoptedAtEvent,
    previousId: previous?.id ?? null,
    proposalCounts,
    canWrite,
    events: canWrite && version.status !== "adopted" ? eventChoices() : [],
    nextPosition: nextPosition(id),
    today: todayIso(),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  requireCapability(user, "writeManifesto");
  const id = parseIdParam(params.id);
  const ctx = { ip: clientIp(context) };
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === MANIFESTO_INTENT.updateVersion) {
    const form = parseForm(versionUpdateInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent });
    const result = updateVersion(user, id, form.data, ctx);
    if (!result.ok) return json({ errors: { _form: ["staleVersion"] } as FieldErrors, values: form.values, intent }, { status: 409 });
    return redirectWithFlash(`/manifesto/versions/${id}`, "manifesto.version.saved");
  }
  if (intent === MANIFESTO_INTENT.moveVersion) {
    const form = parseForm(versionMoveInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent });
    const result = moveVersion(user, id, form.data, ctx);
    if (!result.ok) {
      const code = result.reason === "stale" ? "staleVersion" : result.reason === "empty" ? "manifestoEmpty" : result.reason === "unknownEvent" ? "invalidChoice" : "manifestoTransition";
      return json({ errors: { _form: [code] } as FieldErrors, values: form.values, intent }, { status: result.reason === "stale" ? 409 : 400 });
    }
    return redirectWithFlash(`/manifesto/versions/${id}`, form.data.to === "adopted" ? "manifesto.version.adoptedToast" : "manifesto.version.published");
  }
  if (intent === MANIFESTO_INTENT.addSection) {
    const form = parseForm(sectionInput, formData);
    if (!form.ok) return invalidForm(form.errors, form.values, { intent });
    addSection(user, id, form.data, ctx);
    return redirectWithFlash(`/manifesto/versions/${id}`, "manifesto.section.added");
  }
  return invalidForm({ _form: ["invalid"] }, {});
}

export default function ManifestoVersion() {
  const { version: v, sections, adoptedAtEvent, previousId, proposalCounts, canWrite, events, nextPosition, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useI18n();
  const errorsFor = (intent: string): { errors?: FieldErrors; values?: FormValues } =>
    actionData && "intent" in actionData && actionData.intent === intent ? { errors: actionData.errors, values: actionData.values } : {};
  const draft = v.status === "draft";
  const moves = (["consultation", "adopted"] as const).filter((to) => canMoveVersion(v.status, to));
  return (
    <article>
      <h1>
        {t("manifesto.version.numbered", { number: v.number })}: {v.titleBg} <VersionStatusBadge status={v.status} />
      </h1>
      <ManifestoSubNav />
      <dl className="details">
        {v.titleEn ? <div><dt>{t("manifesto.version.titleEn")}</dt><dd lang="en">{v.titleEn}</dd></div> : null}
        <div><dt>{t("manifesto.version.publishedOn")}</dt><dd>{v.publishedOn ? date(v.publishedOn) : t("common.none")}</dd></div>
        <div><dt>{t("manifesto.version.adoptedOn")}</dt><dd>{v.adoptedOn ? date(v.adoptedOn) : t("common.none")}</dd></div>
        {adoptedAtEvent ? <div><dt>{t("manifesto.version.adoptedAt")}</dt><dd><Link to={`/events/${adoptedAtEvent.id}`}>{adoptedAtEvent.title}</Link></dd></div> : null}
        {v.note ? <div><dt>{t("manifesto.version.note")}</dt><dd className="prewrap">{v.note}</dd></div> : null}
      </dl>
      {previousId ? (
        <p><Link to={`/manifesto/compare?a=${previousId}&b=${v.id}`}>{t("manifesto.version.compareWithPrevious")}</Link></p>
      ) : null}
      {!draft ? <p className="notice">{t("manifesto.version.frozen")}</p> : null}

      {canWrite && moves.length ? (
        <div className="inline-forms">
          {moves.map((to) => {
            const { errors, values } = errorsFor(MANIFESTO_INTENT.moveVersion);
            return (
              <Form key={to} method="post" className="inline-form stack" aria-label={t(to === "adopted" ? "manifesto.version.adopt" : "manifesto.version.publish")}>
                {values?.to === to ? <FormErrorSummary errors={errors} /> : null}
                <input type="hidden" name="to" value={to} />
                <input type="hidden" name="version" value={v.version} />
                <DateField
                  id={`move-on-${to}`}
                  name="on"
                  label="manifesto.version.moveOn"
                  defaultValue={today}
                  values={values?.to === to ? values : undefined}
                  errors={values?.to === to ? errors : undefined}
                />
                {to === "adopted" ? (
                  <div className="field">
                    <label htmlFor="move-event">{t("manifesto.version.moveEvent")}</label>
                    <select id="move-event" name="eventId" defaultValue="">
                      <option value="">{t("common.none")}</option>
                      {events.map((e) => (
                        <option key={e.id} value={e.id}>{e.label}</option>
                      ))}
                    </select>
                  </div>
                ) : null}
                <button type="submit" name="intent" value={MANIFESTO_INTENT.moveVersion} className={to === "adopted" ? "primary" : undefined}>
                  {t(to === "adopted" ? "manifesto.version.adopt" : "manifesto.version.publish")}
                </button>
              </Form>
            );
          })}
        </div>
      ) : null}

      {sections.length ? null : <p className="hint">{t("manifesto.section.empty")}</p>}
      {sections.map((s) => (
        <section key={s.id} id={`section-${s.id}`} className="record-section manifesto-section" data-section-key={s.sectionKey}>
          <div className="section-head">
            <h2>
              {s.position}. {s.titleBg}
            </h2>
            {draft && canWrite ? <Link to={`/manifesto/sections/${s.id}`} aria-label={`${t("manifesto.section.edit")}: ${s.titleBg}`}>{t("manifesto.section.edit")}</Link> : null}
          </div>
          {s.dimensions.length ? (
            <p className="hint">
              {t("manifesto.section.dimensions")}: {s.dimensions.map((d) => enumLabel(t, "niemDimension", d)).join(", ")}
            </p>
          ) : null}
          <BilingualText htmlBg={s.htmlBg} htmlEn={s.htmlEn} titleEn={s.titleEn} />
          {proposalCounts[s.id] ? (
            <p><Link to={`/manifesto/proposals?version=${v.id}#section-${s.id}`}>{t("manifesto.section.proposalsLink", { count: proposalCounts[s.id]! })}</Link></p>
          ) : null}
        </section>
      ))}

      {draft && canWrite ? (
        <>
          <h2 id="edit-version">{t("manifesto.version.edit")}</h2>
          <Form method="post" className="stack" aria-labelledby="edit-version">
            <FormErrorSummary errors={errorsFor(MANIFESTO_INTENT.updateVersion).errors} />
            <input type="hidden" name="version" value={v.version} />
            <TextField name="titleBg" label="manifesto.version.titleBg" required defaultValue={v.titleBg} {...errorsFor(MANIFESTO_INTENT.updateVersion)} />
            <TextField name="titleEn" label="manifesto.version.titleEn" defaultValue={v.titleEn} {...errorsFor(MANIFESTO_INTENT.updateVersion)} />
            <TextArea name="note" label="manifesto.version.note" rows={3} defaultValue={v.note} {...errorsFor(MANIFESTO_INTENT.updateVersion)} />
            <div className="form-actions">
              <button type="submit" name="intent" value={MANIFESTO_INTENT.updateVersion}>{t("common.save")}</button>
            </div>
          </Form>

          <h2 id="add-section">{t("manifesto.section.add")}</h2>
          <Form method="post" className="stack" aria-labelledby="add-section">
            <FormErrorSummary errors={errorsFor(MANIFESTO_INTENT.addSection).errors} />
            <SectionFields defaults={{ position: nextPosition }} {...errorsFor(MANIFESTO_INTENT.addSection)} />
            <div className="form-actions">
              <button type="submit" name="intent" value={MANIFESTO_INTENT.addSection} className="primary">{t("manifesto.section.add")}</button>
            </div>
          </Form>
        </>
      ) : null}
    </article>
  );
}

