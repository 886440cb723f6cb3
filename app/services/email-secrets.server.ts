// Security emails (password reset, invitation) carry a link that signs its holder in. The outbox is read by the
// agency admins (Emails page): they must never see a live link, and once the email is delivered its stored copy
// keeps no token, so a later reader of the outbox (or of a database backup) cannot replay it.

/** Templates whose links are credentials. */
export const SECURITY_TEMPLATES = new Set(["password-reset", "invitation"]);

const SECRET_LINK = /(\/(?:reset-password|invitations)\/)[A-Za-z0-9_-]{16,}/g;
export const REMOVED_TOKEN = "link-removed";

/** The text with the token of every reset and invitation link replaced. */
export function redactSecretLinks(s: string) {
  return s.replace(SECRET_LINK, `$1${REMOVED_TOKEN}`);
}

export function isSecurityEmail(template: string) {
  return SECURITY_TEMPLATES.has(template);
}

/** An outbox email as the Emails page may show it: security links removed (and flagged, to say so). */
export function outboxEmailForReader<E extends { template: string; html: string; text: string }>(email: E) {
  if (!isSecurityEmail(email.template)) return { ...email, linksRemoved: false };
  return { ...email, html: redactSecretLinks(email.html), text: redactSecretLinks(email.text), linksRemoved: true };
}

/** The columns to store once a security email is delivered: its copy without tokens. */
export function deliveredCopy(row: { template: string; html: string; text: string }) {
  return isSecurityEmail(row.template) ? { html: redactSecretLinks(row.html), text: redactSecretLinks(row.text) } : {};
}
