// The meeting page's intents: one entry per form on the page, each with the capability it needs, its Zod schema and
// the model function it calls. The route's action reads the form once, looks the intent up here and runs it.
import type { z } from "zod";
import type { Actor } from "~/utils/auth.server";
import type { Capability } from "~/domain/shared/permissions";
import { DomainError } from "~/domain/shared/errors";
import { zonedToUtc } from "~/domain/shared/timezone";
import {
  acceptSchema,
  commentSchema,
  disputeInput,
  disputeSchema,
  editSchema,
  flagSchema,
  notesSchema,
  outcomeSchema,
  ratingSchema,
  resolveSchema,
  statusSchema,
} from "~/domain/meetings/schemas";
import { changeMeetingStatus } from "~/models/meetings/attendance.server";
import { acceptMeeting, disputeMeeting, flagMeeting, rateMeeting, recordOutcome, resolveDispute } from "~/models/meetings/review.server";
import { addMeetingComment, editMeeting, updateInternalNotes } from "~/models/meetings/logging.server";
import type { MessageKey } from "~/i18n";

/** What an intent knows of the meeting it acts on (read in the actor's scope by the route). */
export type IntentMeeting = { id: string; timeZone: string };

type Intent<S extends z.ZodType> = {
  capability: Capability;
  schema: S;
  /** How the form's fields become the schema's input (default: one value per field). */
  input?: (formData: FormData) => unknown;
  /** Calls the model; returns the toast shown after the redirect. */
  run: (actor: Actor, m: IntentMeeting, data: z.infer<S>) => Promise<MessageKey>;
};

const intent = <S extends z.ZodType>(i: Intent<S>) => i as unknown as Intent<z.ZodType>;

export const MEETING_INTENTS = {
  status: intent({
    capability: "meeting:status",
    schema: statusSchema,
    run: async (actor, m, d) => {
      const tz = d.newTimeZone ?? m.timeZone;
      let newTime: Date | undefined;
      if (d.action === "RESCHEDULE") {
        newTime = d.newLocal ? zonedToUtc(d.newLocal, tz) ?? undefined : undefined;
        if (!newTime) throw new DomainError("INVALID", "meetings.errors.dateTime", "newLocal");
      }
      await changeMeetingStatus(actor, m.id, d.action, { newTime, newTimeZone: tz, revision: d.revision });
      return d.action === "RESCHEDULE" ? "meetings.rescheduled" : "meetings.statusChanged";
    },
  }),
  rate: intent({
    capability: "meeting:rate",
    schema: ratingSchema,
    run: async (actor, m, { revision, ...ratings }) => {
      await rateMeeting(actor, m.id, ratings, revision);
      return "meetings.rated";
    },
  }),
  accept: intent({
    capability: "meeting:review",
    schema: acceptSchema,
    run: async (actor, m, d) => {
      await acceptMeeting(actor, m.id, d.revision);
      return "meetings.accepted";
    },
  }),
  dispute: intent({
    capability: "meeting:review",
    schema: disputeSchema,
    input: disputeInput,
    run: async (actor, m, d) => {
      await disputeMeeting(actor, m.id, d.items, d.revision, new Date(), d.other);
      return "meetings.disputed";
    },
  }),
  resolve: intent({
    capability: "dispute:resolve",
    schema: resolveSchema,
    run: async (actor, m, { revision, ...input }) => {
      await resolveDispute(actor, m.id, input, revision);
      return "meetings.resolved";
    },
  }),
  outcome: intent({
    capability: "meeting:rate",
    schema: outcomeSchema,
    run: async (actor, m, { revision, ...input }) => {
      await recordOutcome(actor, m.id, input, revision);
      return "meetings.outcomeSaved";
    },
  }),
  comment: intent({
    capability: "version:comment",
    schema: commentSchema,
    run: async (actor, m, d) => {
      await addMeetingComment(actor, m.id, d.body, d.internal);
      return "meetings.commentAdded";
    },
  }),
  flag: intent({
    capability: "meeting:rate",
    schema: flagSchema,
    run: async (actor, m, d) => {
      await flagMeeting(actor, m.id, d.note);
      return "meetings.flagged";
    },
  }),
  edit: intent({
    capability: "meeting:log",
    schema: editSchema,
    run: async (actor, m, { revision, ...fields }) => {
      await editMeeting(actor, m.id, fields, revision);
      return "meetings.edited";
    },
  }),
  notes: intent({
    capability: "meeting:log",
    schema: notesSchema,
    run: async (actor, m, d) => {
      await updateInternalNotes(actor, m.id, d.internalNotes);
      return "meetings.notesSaved";
    },
  }),
};

export type MeetingIntentName = keyof typeof MEETING_INTENTS;

export function isMeetingIntent(v: unknown): v is MeetingIntentName {
  return typeof v === "string" && Object.hasOwn(MEETING_INTENTS, v);
}
