// What the meeting page's sections read: the meeting as the loader serialises it, and what the actor may do on it.
import type { SerializeFrom } from "@remix-run/node";
import type { MeetingDetail } from "~/models/meetings/queries.server";
import type { StatusAction } from "~/domain/meetings/rules";

export type MeetingView = SerializeFrom<MeetingDetail>;

export type MeetingPage = {
  m: MeetingView;
  agency: boolean;
  billable: boolean;
  statusActions: StatusAction[];
  canRate: boolean;
  canDecide: boolean;
  canResolve: boolean;
  canOutcome: boolean;
  canComment: boolean;
  canEdit: boolean;
  /** The client company's active users, offered as the meeting's attendee in the edit form. */
  clientUsers: { id: string; name: string }[];
  /** A client member may flag a held meeting awaiting review to the client admins (issue 9). */
  canFlag: boolean;
  isPast: boolean;
  nowLocal: string;
};

/** The page's form state: errors and values of the intent that just failed, and whether a form is submitting. */
export type FormState = {
  errorsFor: (intent: string) => Record<string, string[]> | undefined;
  valuesFor: (intent: string) => Record<string, string> | undefined;
  busy: boolean;
};
