// The registry of email templates: each has a component (with preview props) and a localized subject.
import type { ComponentType } from "react";
import InvitationEmail, { subject as invitationSubject, type InvitationEmailProps } from "./invitation";
import PasswordResetEmail, { subject as resetSubject, type PasswordResetEmailProps } from "./password-reset";
import {
  MeetingBookedEmail, MeetingDisputedEmail, MeetingHeldEmail, MeetingReminderEmail, MeetingResolvedEmail, MeetingWindowClosingEmail,
  bookedSubject, disputedSubject, heldSubject, reminderSubject, resolvedSubject, windowClosingSubject,
  type MeetingBookedEmailProps, type MeetingDisputedEmailProps, type MeetingHeldEmailProps, type MeetingReminderEmailProps, type MeetingResolvedEmailProps,
  type MeetingWindowClosingEmailProps,
  MeetingPresumptionEmail, MeetingFlaggedEmail, presumptionSubject, flaggedSubject,
  type MeetingPresumptionEmailProps, type MeetingFlaggedEmailProps,
  MeetingsImportedEmail, importedSubject, type MeetingsImportedEmailProps,
} from "./meeting-notices";
import { InvoiceIssuedEmail, PaymentFailedEmail, issuedSubject, failedSubject, type InvoiceEmailProps } from "./billing-notices";
import VersionProposedEmail, { subject as proposedSubject, type VersionProposedEmailProps } from "./version-proposed";
import VersionDecidedEmail, { subject as decidedSubject, type VersionDecidedEmailProps } from "./version-decided";
import AccessDeactivatedEmail, { subject as deactivatedSubject, type AccessDeactivatedEmailProps } from "./access-deactivated";
import ReportDraftReadyEmail, { subject as reportDraftSubject, type ReportDraftReadyEmailProps } from "./report-draft-ready";
import ReportSentEmail, { subject as reportSentSubject, type ReportSentEmailProps } from "./report-sent";
import ObjectiveOffTrackEmail, { subject as offTrackSubject, type ObjectiveOffTrackEmailProps } from "./objective-off-track";
import RitualDueEmail, { subject as ritualDueSubject, type RitualDueEmailProps } from "./ritual-due";
import MeetingInvitationEmail, { subject as invitationIcsSubject, type MeetingInvitationEmailProps } from "./meeting-invitation";
import WebhookDisabledEmail, { subject as webhookDisabledSubject, type WebhookDisabledEmailProps } from "./webhook-disabled";
import NotificationDigestEmail, { subject as digestSubject, type NotificationDigestEmailProps } from "./notification-digest";

export type EmailTemplates = {
  invitation: InvitationEmailProps;
  "password-reset": PasswordResetEmailProps;
  "meeting-booked": MeetingBookedEmailProps;
  "meeting-disputed": MeetingDisputedEmailProps;
  "meeting-resolved": MeetingResolvedEmailProps;
  "meeting-reminder": MeetingReminderEmailProps;
  "meeting-held": MeetingHeldEmailProps;
  "meeting-window-closing": MeetingWindowClosingEmailProps;
  "meeting-presumption": MeetingPresumptionEmailProps;
  "meeting-flagged": MeetingFlaggedEmailProps;
  "meetings-imported": MeetingsImportedEmailProps;
  "version-proposed": VersionProposedEmailProps;
  "version-decided": VersionDecidedEmailProps;
  "invoice-issued": InvoiceEmailProps;
  "payment-failed": InvoiceEmailProps;
  "objective-off-track": ObjectiveOffTrackEmailProps;
  "access-deactivated": AccessDeactivatedEmailProps;
  "ritual-due": RitualDueEmailProps;
  "notification-digest": NotificationDigestEmailProps;
  "report-sent": ReportSentEmailProps;
  "report-draft-ready": ReportDraftReadyEmailProps;
  "meeting-invitation": MeetingInvitationEmailProps;
  "webhook-disabled": WebhookDisabledEmailProps;
};

type Entry<P> = { component: ComponentType<P> & { PreviewProps?: P }; subject: (p: P) => string };

export const templates: { [K in keyof EmailTemplates]: Entry<EmailTemplates[K]> } = {
  invitation: { component: InvitationEmail, subject: invitationSubject },
  "password-reset": { component: PasswordResetEmail, subject: resetSubject },
  "meeting-booked": { component: MeetingBookedEmail, subject: bookedSubject },
  "meeting-disputed": { component: MeetingDisputedEmail, subject: disputedSubject },
  "meeting-resolved": { component: MeetingResolvedEmail, subject: resolvedSubject },
  "meeting-reminder": { component: MeetingReminderEmail, subject: reminderSubject },
  "meeting-held": { component: MeetingHeldEmail, subject: heldSubject },
  "meeting-window-closing": { component: MeetingWindowClosingEmail, subject: windowClosingSubject },
  "meeting-presumption": { component: MeetingPresumptionEmail, subject: presumptionSubject },
  "meeting-flagged": { component: MeetingFlaggedEmail, subject: flaggedSubject },
  "meetings-imported": { component: MeetingsImportedEmail, subject: importedSubject },
  "version-proposed": { component: VersionProposedEmail, subject: proposedSubject },
  "version-decided": { component: VersionDecidedEmail, subject: decidedSubject },
  "invoice-issued": { component: InvoiceIssuedEmail, subject: issuedSubject },
  "payment-failed": { component: PaymentFailedEmail, subject: failedSubject },
  "objective-off-track": { component: ObjectiveOffTrackEmail, subject: offTrackSubject },
  "access-deactivated": { component: AccessDeactivatedEmail, subject: deactivatedSubject },
  "ritual-due": { component: RitualDueEmail, subject: ritualDueSubject },
  "notification-digest": { component: NotificationDigestEmail, subject: digestSubject },
  "report-sent": { component: ReportSentEmail, subject: reportSentSubject },
  "report-draft-ready": { component: ReportDraftReadyEmail, subject: reportDraftSubject },
  "meeting-invitation": { component: MeetingInvitationEmail, subject: invitationIcsSubject },
  "webhook-disabled": { component: WebhookDisabledEmail, subject: webhookDisabledSubject },
};

export type TemplateName = keyof EmailTemplates;
