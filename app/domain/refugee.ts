// Forms and list spec of refugee contacts (issue 6): used by the routes, the model and the tests.
// The fields are deliberately few (GDPR Art. 9 data minimisation): nothing else is kept.
import { z } from "zod";
import { consentLegalBases, consentPurposes, contactChannels, refugeeParticipantRoles } from "./enums.ts";
import { idParam, requiredDate, optionalDate, optionalEnum, optionalText, requiredEnum, requiredText } from "./fields.ts";

export const refugeeContactInput = z
  .object({
    name: requiredText(200),
    languages: optionalText(300),
    countryOfOrigin: optionalText(100),
    contactChannel: optionalEnum(contactChannels),
    contactValue: optionalText(300),
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    // A contact value without its channel cannot be used safely (a number: phone or Signal?).
    if (v.contactValue && !v.contactChannel) ctx.addIssue({ code: "custom", path: ["contactChannel"], message: "required" });
  });
export type RefugeeContactInput = z.infer<typeof refugeeContactInput>;

const toArray = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const consentInput = z
  .object({
    givenOn: requiredDate,
    purposes: z.preprocess(
      toArray,
      z.array(requiredEnum(consentPurposes)).min(1, { error: "required" }).transform((list) => [...new Set(list)]),
    ),
    legalBasis: requiredEnum(consentLegalBases),
    expiresOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.expiresOn && v.expiresOn < v.givenOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "expiresBeforeGiven" });
  });
export type ConsentInput = z.infer<typeof consentInput>;

export const participationInput = z.object({
  refugeeContactId: idParam,
  role: requiredEnum(refugeeParticipantRoles),
});
export type ParticipationInput = z.infer<typeof participationInput>;

/** Erasure needs an explicit, typed-out confirmation: it cannot be undone. */
export const erasureInput = z.object({
  confirm: z.literal("on", { error: "confirmErasure" }),
});

export const consentStates = ["current", "none", "withdrawn"] as const;
export type ConsentState = (typeof consentStates)[number];

export const refugeeListSpec = {
  sortable: ["name", "updated"] as const,
  defaultSort: "name" as const,
  filters: {
    consent: z.enum(consentStates),
    country: z.string().trim().min(1).max(100),
  },
};
