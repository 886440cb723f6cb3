// What server.mjs (the HTTP entry, plain JavaScript) needs from the app, exported through entry.server so it is
// compiled, typed and tested with the rest: the forgery check, the response headers, the log redaction.
import { checkRequestOrigin, FORGERY_REFUSAL_BODY } from "./csrf.server";
import { newCspNonce, redactUrlForLog, securityHeaders } from "./headers.server";
import { badUrl } from "./input.server";

export const security = { checkRequestOrigin, FORGERY_REFUSAL_BODY, newCspNonce, redactUrlForLog, securityHeaders, badUrl };
export type ServerSecurity = typeof security;
